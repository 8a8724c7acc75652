// Our own CDK app for the cloud assembly's metadata: the warnings the CDK raises for features we
// have (services without minHealthyPercent, daemon and external variants, no circuit breaker,
// desiredCapacity, an ECR image from the registry), acknowledgements on a stack and on a scope,
// and an output. Synthesized with the CDK CLI's context (path metadata, version reporting) by
// `scripts/regen-golden.sh --metadata metadata`.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const { Construct } = require('constructs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const nginx = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

{
  // Every warning of services and capacity.
  const stack = new cdk.Stack(app, 'Warned');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  cluster.addCapacity('Asg', { instanceType: new ec2.InstanceType('t3.medium'), desiredCapacity: 2 });
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef');
  td.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1'),
    memoryLimitMiB: 256,
  });
  new ecs.Ec2Service(stack, 'Replica', { cluster, taskDefinition: td });
  new ecs.Ec2Service(stack, 'Agent', { cluster, taskDefinition: td, daemon: true });
  const ftd = new ecs.FargateTaskDefinition(stack, 'FargateTask', { cpu: 256, memoryLimitMiB: 512 });
  ftd.addContainer('app', { image: nginx });
  new ecs.FargateService(stack, 'Web', {
    cluster,
    taskDefinition: ftd,
    minHealthyPercent: 100,
    circuitBreaker: { rollback: true },
  });
  new cdk.CfnOutput(stack, 'ClusterName', { value: cluster.clusterName });
}

{
  // ECS Anywhere.
  const stack = new cdk.Stack(app, 'Anywhere');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const td = new ecs.ExternalTaskDefinition(stack, 'TaskDef');
  td.addContainer('agent', { image: nginx, memoryLimitMiB: 256 });
  new ecs.ExternalService(stack, 'Edge', { cluster, taskDefinition: td });
}

{
  // Acknowledged: minHealthyPercent on the whole stack, the circuit breaker only in scope `Api`.
  const stack = new cdk.Stack(app, 'Quiet');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const api = new Construct(stack, 'Api');
  const td = new ecs.FargateTaskDefinition(api, 'Task', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('app', { image: nginx });
  new ecs.FargateService(api, 'Service', { cluster, taskDefinition: td });
  const other = new ecs.FargateTaskDefinition(stack, 'OtherTask', { cpu: 256, memoryLimitMiB: 512 });
  other.addContainer('app', { image: nginx });
  new ecs.FargateService(stack, 'Other', { cluster, taskDefinition: other });
  cdk.Annotations.of(stack).acknowledgeWarning('@aws-cdk/aws-ecs:minHealthyPercent');
  cdk.Annotations.of(api).acknowledgeWarning('@aws-cdk/aws-ecs:shouldUseCircuitBreaker');
}

app.synth();
