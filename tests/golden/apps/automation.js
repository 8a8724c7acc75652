// Our own CDK app: events-rule targets and task auto-scaling options the oracle apps do not
// exercise, one theme per stack.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const appscaling = require('aws-cdk-lib/aws-applicationautoscaling');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

{
  // An event pattern running awsvpc Fargate tasks: chosen group, public subnets and IP, and a
  // second target with the default group, two tasks and an override.
  const stack = new cdk.Stack(app, 'EventTargets');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const sg = new ec2.SecurityGroup(stack, 'TaskSg', { vpc });
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('job', { image });
  const rule = new events.Rule(stack, 'OnUpload', {
    eventPattern: { source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: ['uploads'] } } },
    description: 'run a job per upload',
  });
  rule.addTarget(new targets.EcsTask({
    cluster,
    taskDefinition: td,
    securityGroups: [sg],
    subnetSelection: { subnetType: ec2.SubnetType.PUBLIC },
    assignPublicIp: true,
    platformVersion: ecs.FargatePlatformVersion.LATEST,
  }));
  rule.addTarget(new targets.EcsTask({
    cluster,
    taskDefinition: td,
    taskCount: 2,
    containerOverrides: [{ containerName: 'job', command: ['run', '--all'], environment: [{ name: 'MODE', value: 'batch' }] }],
  }));
  new events.Rule(stack, 'Hourly', {
    schedule: events.Schedule.rate(cdk.Duration.hours(1)),
    targets: [new targets.EcsTask({ cluster, taskDefinition: td })],
    enabled: false,
    ruleName: 'hourly-job',
  });
}

{
  // Scaling: disable_scale_in and policy names, rate schedules with start, end and time zone.
  const stack = new cdk.Stack(app, 'ScalingOptions');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('web', { image });
  const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: td });
  const scaling = service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 8 });
  scaling.scaleOnCpuUtilization('Cpu', {
    targetUtilizationPercent: 60,
    disableScaleIn: true,
    policyName: 'cpu-policy',
  });
  scaling.scaleOnMemoryUtilization('Memory', { targetUtilizationPercent: 75, scaleInCooldown: cdk.Duration.minutes(5) });
  scaling.scaleOnSchedule('Rate', {
    schedule: appscaling.Schedule.rate(cdk.Duration.minutes(30)),
    minCapacity: 3,
    startTime: new Date('2030-01-01T00:00:00Z'),
    endTime: new Date('2030-06-30T12:30:00Z'),
  });
  scaling.scaleOnSchedule('Morning', {
    schedule: appscaling.Schedule.cron({ hour: '7', minute: '30', weekDay: 'MON-FRI' }),
    maxCapacity: 6,
    timeZone: cdk.TimeZone.EUROPE_PARIS,
  });
  scaling.scaleOnSchedule('Daily', { schedule: appscaling.Schedule.rate(cdk.Duration.days(1)), minCapacity: 2 });
}

app.synth();
