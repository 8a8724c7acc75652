// Our own CDK app: load balancers of one stack reaching bridge-mode EC2 services whose instances
// (the cluster's capacity) live in another stack. The CDK puts each security-group rule that
// names the other stack's group in the stack that owns the rule's target group (ingress) or
// source group (egress) — here `Web` — so `Shared` never depends on `Web`.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const elb = require('aws-cdk-lib/aws-elasticloadbalancing');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

const shared = new cdk.Stack(app, 'Shared');
const vpc = new ec2.Vpc(shared, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(shared, 'Cluster', { vpc });
cluster.addCapacity('Capacity', { instanceType: new ec2.InstanceType('t3.large') });

const web = new cdk.Stack(app, 'Web');
const td = new ecs.Ec2TaskDefinition(web, 'Bridge');
td.addContainer('app', {
  image,
  memoryLimitMiB: 256,
  portMappings: [{ containerPort: 80, hostPort: 80 }, { containerPort: 8080 }],
});
const daemon = new ecs.Ec2Service(web, 'Daemon', { cluster, taskDefinition: td, daemon: true });
const clb = new elb.LoadBalancer(web, 'LB', { vpc });
clb.addListener({ externalPort: 80 });
clb.addTarget(daemon);
const alb = new elbv2.ApplicationLoadBalancer(web, 'ALB', { vpc, internetFacing: true });
alb.addListener('Http', { port: 80 }).addTargets('App', {
  port: 80,
  targets: [daemon.loadBalancerTarget({ containerName: 'app', containerPort: 8080 })],
});
