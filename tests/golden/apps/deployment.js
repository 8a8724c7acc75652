// Our own CDK app: deployment settings of services: deployment alarms (at creation and
// enabled later), availability-zone rebalancing, a chosen task definition revision, forced
// deployments.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');
const app = new cdk.App({ outdir: process.env.CDK_OUTDIR, context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS } });
const stack = new cdk.Stack(app, "Deployment");
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const td = new ecs.FargateTaskDefinition(stack, 'TD', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
const alarm = new cloudwatch.Alarm(stack, 'Errors', { metric: new cloudwatch.Metric({ namespace: 'App', metricName: 'Errors' }), threshold: 1, evaluationPeriods: 1 });
new ecs.FargateService(stack, 'A', { cluster, taskDefinition: td, minHealthyPercent: 100,
  deploymentAlarms: { alarmNames: [alarm.alarmName, 'external-alarm'], behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM },
  availabilityZoneRebalancing: ecs.AvailabilityZoneRebalancing.ENABLED,
  taskDefinitionRevision: ecs.TaskDefinitionRevision.LATEST,
  forceNewDeployment: { enabled: true, nonce: 'abc' },
});
const b = new ecs.FargateService(stack, 'B', { cluster, taskDefinition: td, minHealthyPercent: 100, taskDefinitionRevision: ecs.TaskDefinitionRevision.of(3) });
b.enableDeploymentAlarms([alarm.alarmName], { behavior: ecs.AlarmBehavior.FAIL_ON_ALARM });
app.synth();
