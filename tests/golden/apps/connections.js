// Our own CDK app: which instance security groups join a cluster's connections, seen through
// load balancers reaching bridge-mode EC2 services, one stack each.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const elb = require('aws-cdk-lib/aws-elasticloadbalancing');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

{
  // EC2 capacity only from an ASG capacity provider: `addAsgCapacityProvider` does not add the
  // group's security group to the cluster's connections, so neither load balancer gets rules to
  // it, and the application load balancer's group keeps its "Disallow all traffic" egress.
  const stack = new cdk.Stack(app, 'ProviderOnly');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
    vpc,
    instanceType: new ec2.InstanceType('t3.medium'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
  });
  const provider = new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg });
  cluster.addAsgCapacityProvider(provider);
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef');
  td.addContainer('web', { image, memoryLimitMiB: 256, portMappings: [{ containerPort: 80 }] });
  const service = new ecs.Ec2Service(stack, 'Service', { cluster, taskDefinition: td });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'ALB', { vpc, internetFacing: true });
  alb.addListener('Http', { port: 80 }).addTargets('Web', { port: 80, targets: [service] });
  const classicTd = new ecs.Ec2TaskDefinition(stack, 'ClassicTaskDef');
  classicTd.addContainer('web', {
    image,
    memoryLimitMiB: 256,
    portMappings: [{ containerPort: 80, hostPort: 80 }],
  });
  const classic = new ecs.Ec2Service(stack, 'Classic', { cluster, taskDefinition: classicTd });
  const clb = new elb.LoadBalancer(stack, 'CLB', { vpc });
  clb.addListener({ externalPort: 80 });
  clb.addTarget(classic);
}

{
  // The contrast: groups added with `addCapacity` and `addAutoScalingGroup` join the cluster's
  // connections (the load balancer gets rules to both), a provider's group beside them does not.
  const stack = new cdk.Stack(app, 'GroupsJoin');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  cluster.addCapacity('Capacity', { instanceType: new ec2.InstanceType('t3.large'), maxCapacity: 2 });
  const own = new autoscaling.AutoScalingGroup(stack, 'Own', {
    vpc,
    instanceType: new ec2.InstanceType('t3.medium'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
  });
  cluster.addAutoScalingGroup(own, { taskDrainTime: cdk.Duration.seconds(0) });
  const asg = new autoscaling.AutoScalingGroup(stack, 'ProviderAsg', {
    vpc,
    instanceType: new ec2.InstanceType('t3.medium'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
  });
  const provider = new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg });
  cluster.addAsgCapacityProvider(provider);
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef');
  td.addContainer('web', { image, memoryLimitMiB: 256, portMappings: [{ containerPort: 80 }] });
  const service = new ecs.Ec2Service(stack, 'Service', { cluster, taskDefinition: td });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'ALB', { vpc, internetFacing: true });
  alb.addListener('Http', { port: 80 }).addTargets('Web', { port: 80, targets: [service] });
}

app.synth();
