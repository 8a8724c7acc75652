// Our own CDK app: roles given to task definitions — existing roles imported by ARN (mutable:
// grants become a policy attached by name; immutable: grants are dropped) and a role of our
// own with a name, description and managed policies — and the grants their log drivers, ECS
// Exec and a scheduled task make to them.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const iam = require('aws-cdk-lib/aws-iam');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'Roles');
const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  privateSubnetIds: ['subnet-0b000001', 'subnet-0b000002'],
});
const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'shared', vpc });

// Existing roles: the task role (with a path) takes grants, the execution role does not.
const appRole = iam.Role.fromRoleArn(stack, 'AppRole', 'arn:aws:iam::123456789012:role/app/web-task');
const locked = iam.Role.fromRoleArn(stack, 'LockedRole', 'arn:aws:iam::123456789012:role/web-exec', {
  mutable: false,
});
const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', {
  cpu: 256,
  memoryLimitMiB: 512,
  taskRole: appRole,
  executionRole: locked,
});
td.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }),
});
// ECS Exec grants its channels to the task role.
new ecs.FargateService(stack, 'Service', {
  cluster,
  taskDefinition: td,
  minHealthyPercent: 100,
  enableExecuteCommand: true,
});

// A role of our own, both task and execution role.
const made = new iam.Role(stack, 'Made', {
  assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
  roleName: 'made-here',
  description: 'task and execution role of the worker',
  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess')],
});
const worker = new ecs.FargateTaskDefinition(stack, 'Worker', {
  cpu: 256,
  memoryLimitMiB: 512,
  taskRole: made,
  executionRole: made,
});
worker.addContainer('work', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'),
  logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'work' }),
});

// An existing execution role that takes the log grant; the task role is created.
const execRole = iam.Role.fromRoleArn(stack, 'ExecRole', 'arn:aws:iam::123456789012:role/batch-exec');
const batch = new ecs.FargateTaskDefinition(stack, 'Batch', {
  cpu: 256,
  memoryLimitMiB: 512,
  executionRole: execRole,
});
batch.addContainer('job', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'),
  logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'job' }),
});
// A scheduled task: its events role passes the imported roles by ARN.
new events.Rule(stack, 'Nightly', {
  schedule: events.Schedule.expression('cron(0 3 * * ? *)'),
  targets: [new targets.EcsTask({ cluster, taskDefinition: td })],
});
app.synth();
