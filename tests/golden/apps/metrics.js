// Our own CDK app: service and cluster metrics in alarms, and task scaling that tracks a
// metric of one's own (a queue's visible messages).
const cdk = require('aws-cdk-lib');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const sqs = require('aws-cdk-lib/aws-sqs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'Metrics');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const jobs = new sqs.Queue(stack, 'Jobs');
const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('worker', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: td, minHealthyPercent: 100 });
new cloudwatch.Alarm(stack, 'HighCpu', { metric: service.metricCpuUtilization(), threshold: 80, evaluationPeriods: 3 });
new cloudwatch.Alarm(stack, 'HighMemory', { metric: service.metricMemoryUtilization(), threshold: 90, evaluationPeriods: 2 });
new cloudwatch.Alarm(stack, 'Reserved', { metric: cluster.metricMemoryReservation(), threshold: 75, evaluationPeriods: 1 });
new cloudwatch.Alarm(stack, 'ClusterCpu', { metric: cluster.metricCpuUtilization(), threshold: 70, evaluationPeriods: 1 });
const scaling = service.autoScaleTaskCount({ maxCapacity: 8 });
scaling.scaleToTrackCustomMetric('Backlog', {
  metric: jobs.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }),
  targetValue: 100,
  scaleInCooldown: cdk.Duration.seconds(120),
});
app.synth();
