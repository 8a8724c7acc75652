// Our own CDK app: the scheduled EC2 task's options the README's samples leave out — a task
// definition of one's own (`scheduledEc2TaskDefinitionOptions`) and the container's size in the
// image options (`cpu`, `memoryLimitMiB`, `memoryReservationMiB` of
// `ScheduledEc2TaskImageOptions`).
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const ecsPatterns = require('aws-cdk-lib/aws-ecs-patterns');
const appscaling = require('aws-cdk-lib/aws-applicationautoscaling');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'ScheduledTasks');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
cluster.addCapacity('Capacity', {
  instanceType: new ec2.InstanceType('t3.medium'),
  maxCapacity: 2,
});
const taskDefinition = new ecs.Ec2TaskDefinition(stack, 'TaskDef');
taskDefinition.addContainer('Job', {
  image: ecs.ContainerImage.fromRegistry('amazon/amazon-ecs-sample'),
  memoryLimitMiB: 256,
});
new ecsPatterns.ScheduledEc2Task(stack, 'OwnTaskDef', {
  cluster,
  scheduledEc2TaskDefinitionOptions: { taskDefinition },
  schedule: appscaling.Schedule.expression('rate(1 hour)'),
});
new ecsPatterns.ScheduledEc2Task(stack, 'Sized', {
  cluster,
  scheduledEc2TaskImageOptions: {
    image: ecs.ContainerImage.fromRegistry('amazon/amazon-ecs-sample'),
    cpu: 512,
    memoryLimitMiB: 1024,
    memoryReservationMiB: 512,
    command: ['date'],
  },
  schedule: appscaling.Schedule.cron({ minute: '0', hour: '3' }),
  desiredTaskCount: 2,
});
app.synth();
