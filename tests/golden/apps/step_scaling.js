// Our own CDK app: a worker service scaled on its queue's depth (CDK `scaleOnMetric` with
// step scaling and CloudWatch alarms), and an alarm of its own on the queue.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const sqs = require('aws-cdk-lib/aws-sqs');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');
const appscaling = require('aws-cdk-lib/aws-applicationautoscaling');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'StepScaling');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const queue = new sqs.Queue(stack, 'Jobs');
const td = new ecs.FargateTaskDefinition(stack, 'Worker', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('worker', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
queue.grantConsumeMessages(td.taskRole);
const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: td, minHealthyPercent: 100 });
const scaling = service.autoScaleTaskCount({ minCapacity: 1, maxCapacity: 10 });
scaling.scaleOnMetric('QueueDepth', {
  metric: queue.metricApproximateNumberOfMessagesVisible(),
  scalingSteps: [
    { upper: 0, change: -1 },
    { lower: 100, change: +1 },
    { lower: 500, change: +5 },
  ],
  adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
});
new cloudwatch.Alarm(stack, 'Backlog', {
  metric: queue.metricApproximateNumberOfMessagesVisible({ period: cdk.Duration.minutes(1), statistic: 'Maximum' }),
  threshold: 1000,
  evaluationPeriods: 3,
  alarmDescription: 'the job queue is backing up',
});
app.synth();
