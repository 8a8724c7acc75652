// Our own CDK app: options and combinations the oracle apps do not cover, one stack each, so the
// golden tests check the general mechanisms (subnet layout, NAT count, names, container options,
// service options, the default-SG provider shared by two VPCs) and not only the README's samples.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

{
  // One NAT gateway, named cluster, EC2 task in awsvpc mode with two containers.
  const stack = new cdk.Stack(app, 'NatOne');
  const vpc = new ec2.Vpc(stack, 'Network', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, clusterName: 'web' });
  cluster.addCapacity('Capacity', {
    instanceType: new ec2.InstanceType('t3.medium'),
    minCapacity: 2,
    maxCapacity: 4,
  });
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef', {
    networkMode: ecs.NetworkMode.AWS_VPC,
    family: 'my-family',
  });
  td.addContainer('app', {
    image,
    memoryReservationMiB: 256,
    cpu: 128,
    environment: { STAGE: 'prod', COLOR: 'blue' },
    portMappings: [{ containerPort: 8080 }],
  });
  td.addContainer('sidecar', {
    image,
    memoryLimitMiB: 128,
    essential: false,
    portMappings: [{ containerPort: 53, protocol: ecs.Protocol.UDP }],
  });
  new ecs.Ec2Service(stack, 'Svc', {
    cluster,
    taskDefinition: td,
    desiredCount: 2,
    serviceName: 'svc',
    minHealthyPercent: 100,
    maxHealthyPercent: 150,
  });
}

{
  // One availability zone, bridge ports with a fixed host port, a daemon service.
  const stack = new cdk.Stack(app, 'SingleAz');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  cluster.addCapacity('Asg', { instanceType: new ec2.InstanceType('m5.large') });
  const td = new ecs.Ec2TaskDefinition(stack, 'Agent');
  td.addContainer('agent', {
    image,
    memoryLimitMiB: 1024,
    memoryReservationMiB: 512,
    portMappings: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 443 }],
  });
  new ecs.Ec2Service(stack, 'Daemon', { cluster, taskDefinition: td, daemon: true });
}

{
  // Two clusters with default VPCs share the default-SG provider; a public Fargate service.
  const stack = new cdk.Stack(app, 'PublicFargate');
  const cluster = new ecs.Cluster(stack, 'Cluster');
  new ecs.Cluster(stack, 'Other');
  const td = new ecs.FargateTaskDefinition(stack, 'Task', { cpu: 1024, memoryLimitMiB: 2048 });
  td.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });
  new ecs.FargateService(stack, 'Web', {
    cluster,
    taskDefinition: td,
    assignPublicIp: true,
    platformVersion: ecs.FargatePlatformVersion.VERSION1_4,
    desiredCount: 1,
  });
}

{
  // No NAT gateway: the private subnets are isolated.
  const stack = new cdk.Stack(app, 'NoNat');
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const td = new ecs.FargateTaskDefinition(stack, 'Task', { cpu: 512, memoryLimitMiB: 1024 });
  td.addContainer('web', { image });
  new ecs.FargateService(stack, 'Web', { cluster, taskDefinition: td });
}

app.synth();
