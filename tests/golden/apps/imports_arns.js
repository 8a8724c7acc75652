// Our own CDK app: existing task definitions known by ARN, run by events rules as the CDK
// allows: by attributes with their network mode and (Fargate-compatible) task role, the role
// passed by its literal ARN; an ARN without revision run at any revision; an EC2-only one in
// bridge mode without task role.
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
const stack = new cdk.Stack(app, 'ImportsArns');
const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  privateSubnetIds: ['subnet-0b000001', 'subnet-0b000002'],
  publicSubnetIds: ['subnet-0a000001', 'subnet-0a000002'],
});
const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'shared', vpc });
const taskRole = iam.Role.fromRoleArn(stack, 'TaskRole', 'arn:aws:iam::123456789012:role/app/job-task');
const execRole = iam.Role.fromRoleArn(stack, 'ExecRole', 'arn:aws:iam::123456789012:role/job-exec', {
  mutable: false,
});

// Fargate, awsvpc, with both roles: a security group of its own under the import.
const job = ecs.TaskDefinition.fromTaskDefinitionAttributes(stack, 'Job', {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/job:1',
  compatibility: ecs.Compatibility.FARGATE,
  networkMode: ecs.NetworkMode.AWS_VPC,
  taskRole,
  executionRole: execRole,
});
// Compatible with both (the default): launched on EC2, the task role passed; no revision.
const report = ecs.TaskDefinition.fromTaskDefinitionAttributes(stack, 'Report', {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/report',
  networkMode: ecs.NetworkMode.AWS_VPC,
  taskRole,
});
// EC2 only, bridge mode: no task role needed, no network configuration.
const legacy = ecs.TaskDefinition.fromTaskDefinitionAttributes(stack, 'Legacy', {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:7',
  compatibility: ecs.Compatibility.EC2,
  networkMode: ecs.NetworkMode.BRIDGE,
});
new events.Rule(stack, 'Hourly', {
  schedule: events.Schedule.expression('rate(1 hour)'),
  targets: [
    new targets.EcsTask({ cluster, taskDefinition: job, taskCount: 2 }),
    new targets.EcsTask({ cluster, taskDefinition: report }),
  ],
});
new events.Rule(stack, 'Nightly', {
  schedule: events.Schedule.expression('cron(0 3 * * ? *)'),
  targets: [new targets.EcsTask({ cluster, taskDefinition: legacy })],
});
app.synth();
