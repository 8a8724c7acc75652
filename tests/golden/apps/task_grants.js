// Our own CDK app: task definitions granted to roles and imported by kind. grantRun to a role
// of the stack (a task definition with an execution role, one without); task definitions and an
// External service imported by ARN or attributes, read back in outputs; a container given an
// inference accelerator after it was added.
const cdk = require('aws-cdk-lib');
const ecs = require('aws-cdk-lib/aws-ecs');
const iam = require('aws-cdk-lib/aws-iam');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'TaskGrants');
const runner = new iam.Role(stack, 'Runner', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com') });

const job = new ecs.FargateTaskDefinition(stack, 'Job', { cpu: 256, memoryLimitMiB: 512 });
job.addContainer('job', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'job' }),
});
job.grantRun(runner);

const batch = new ecs.Ec2TaskDefinition(stack, 'Batch', {
  inferenceAccelerators: [{ deviceName: 'device1', deviceType: 'eia2.medium' }],
});
const worker = batch.addContainer('worker', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  memoryLimitMiB: 256,
});
worker.addInferenceAcceleratorResource('device1');
// A container made as a construct of the stack, not of the task definition: its log group is
// named after it.
new ecs.ContainerDefinition(stack, 'Sidecar', {
  taskDefinition: batch,
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  memoryLimitMiB: 64,
  logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'sidecar' }),
});
batch.grantRun(runner);

const byArn = ecs.TaskDefinition.fromTaskDefinitionArn(stack, 'ByArn',
  'arn:aws:ecs:us-east-1:123456789012:task-definition/report:4');
const ec2 = ecs.Ec2TaskDefinition.fromEc2TaskDefinitionAttributes(stack, 'Ec2Import', {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:7',
  networkMode: ecs.NetworkMode.BRIDGE,
});
const fargate = ecs.FargateTaskDefinition.fromFargateTaskDefinitionAttributes(stack, 'FargateImport', {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
  networkMode: ecs.NetworkMode.AWS_VPC,
});
const external = ecs.ExternalService.fromExternalServiceArn(stack, 'Edge',
  'arn:aws:ecs:us-east-1:123456789012:service/edge/collector');
new cdk.CfnOutput(stack, 'ByArnOut', { value: byArn.taskDefinitionArn });
new cdk.CfnOutput(stack, 'Ec2Out', { value: ec2.taskDefinitionArn });
new cdk.CfnOutput(stack, 'FargateOut', { value: fargate.taskDefinitionArn });
new cdk.CfnOutput(stack, 'EdgeName', { value: external.serviceName });
new cdk.CfnOutput(stack, 'EdgeArn', { value: external.serviceArn });

// A cluster given settings after it is made (the ClusterSettings mixin) and task protection
// through its grants; a container reading a secret's previous version from a registry with
// credentials.
const cluster = new ecs.Cluster(stack, 'Cluster');
new (require('aws-cdk-lib/aws-ecs/mixins').ClusterSettings)([{ name: 'containerInsights', value: 'enhanced' }]).applyTo(cluster.node.defaultChild);
ecs.ClusterGrants.fromCluster(cluster).taskProtection(runner);
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const db = secretsmanager.Secret.fromSecretNameV2(stack, 'Db', 'db');
const creds = secretsmanager.Secret.fromSecretNameV2(stack, 'Creds', 'registry');
const web = new ecs.Ec2TaskDefinition(stack, 'Web');
web.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('registry.example.com/web:1.0', { credentials: creds }),
  memoryLimitMiB: 256,
  secrets: {
    PREVIOUS: ecs.Secret.fromSecretsManagerVersion(db, { versionStage: 'AWSPREVIOUS' }, 'password'),
  },
});
app.synth();
