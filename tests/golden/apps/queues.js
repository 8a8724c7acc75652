// Our own CDK app: SQS queues as ECS apps use them — a dead-letter queue, KMS and SQS-managed
// encryption, FIFO, timeouts, and grants to a task definition's task role.
const cdk = require('aws-cdk-lib');
const ecs = require('aws-cdk-lib/aws-ecs');
const sqs = require('aws-cdk-lib/aws-sqs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'Queues');
const dlq = new sqs.Queue(stack, 'DeadLetters', { retentionPeriod: cdk.Duration.days(14) });
const jobs = new sqs.Queue(stack, 'Jobs', {
  visibilityTimeout: cdk.Duration.seconds(300),
  deadLetterQueue: { queue: dlq, maxReceiveCount: 3 },
});
const secure = new sqs.Queue(stack, 'Secure', { encryption: sqs.QueueEncryption.KMS });
const managed = new sqs.Queue(stack, 'Managed', { encryption: sqs.QueueEncryption.SQS_MANAGED, queueName: 'acme-managed' });
const ordered = new sqs.Queue(stack, 'Ordered', { fifo: true, contentBasedDeduplication: true });
const td = new ecs.FargateTaskDefinition(stack, 'Worker', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('worker', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
jobs.grantConsumeMessages(td.taskRole);
secure.grantSendMessages(td.taskRole);
ordered.grantSendMessages(td.taskRole);
new cdk.CfnOutput(stack, 'JobsUrl', { value: jobs.queueUrl });
app.synth();
