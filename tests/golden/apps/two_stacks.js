// Our own CDK app: oracle app 41-two-stacks without the container's `command` and `logging`
// (not part of the service work), so the cross-stack references (`Fn::GetStackOutput` of the
// producer's `PublishOutput…` outputs) are compared exactly.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});

const shared = new cdk.Stack(app, 'SharedCluster');
const vpc = new ec2.Vpc(shared, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(shared, 'Cluster', { vpc });

const svc = new cdk.Stack(app, 'Worker');
const taskDefinition = new ecs.FargateTaskDefinition(svc, 'TaskDef', { cpu: 512, memoryLimitMiB: 1024 });
taskDefinition.addContainer('worker', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:stable'),
});
new ecs.FargateService(svc, 'Service', {
  cluster,
  taskDefinition,
  desiredCount: 2,
  minHealthyPercent: 100,
  circuitBreaker: { rollback: true },
});
app.synth();
