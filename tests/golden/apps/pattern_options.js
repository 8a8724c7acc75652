// Our own CDK app: load-balanced pattern options the README's samples leave out — a load
// balancer of the user's (ALB and NLB), the target group's protocol version, and task and
// execution roles given in the image options.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const iam = require('aws-cdk-lib/aws-iam');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const ecsPatterns = require('aws-cdk-lib/aws-ecs-patterns');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'PatternOptions');
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
cluster.addCapacity('Capacity', { instanceType: new ec2.InstanceType('t3.medium'), maxCapacity: 2 });
const taskRole = new iam.Role(stack, 'TaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
const executionRole = new iam.Role(stack, 'ExecutionRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: true });
const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, internetFacing: true });

new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Grpc', {
  cluster,
  loadBalancer: alb,
  protocolVersion: elbv2.ApplicationProtocolVersion.GRPC,
  taskImageOptions: { image, containerPort: 50051, taskRole, executionRole },
  minHealthyPercent: 100,
});
new ecsPatterns.NetworkLoadBalancedEc2Service(stack, 'Tcp', {
  cluster,
  loadBalancer: nlb,
  memoryLimitMiB: 512,
  taskImageOptions: { image, taskRole },
  minHealthyPercent: 100,
});
app.synth();
