// Our own CDK app: a load balancer from a different stack (the aws-ecs README's section and the
// aws-cdk-examples' ecs/cross-stack-load-balancer): a listener the service's stack creates on
// the other stack's load balancers, and an empty target group in the load balancer's stack that
// a service of another stack is added to.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

const lbStack = new cdk.Stack(app, 'Lb');
const vpc = new ec2.Vpc(lbStack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(lbStack, 'Cluster', { vpc });
const alb = new elbv2.ApplicationLoadBalancer(lbStack, 'ALB', { vpc, internetFacing: true });
const nlb = new elbv2.NetworkLoadBalancer(lbStack, 'NLB', { vpc });
const group = new elbv2.ApplicationTargetGroup(lbStack, 'Group', { vpc, port: 80 });
alb.addListener('Http', { port: 80, defaultTargetGroups: [group] });

const svc = new cdk.Stack(app, 'Svc');
function fargate(id) {
  const td = new ecs.FargateTaskDefinition(svc, `${id}Task`, { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });
  return new ecs.FargateService(svc, id, { cluster, taskDefinition: td, minHealthyPercent: 100 });
}
const web = fargate('Web');
const listener = new elbv2.ApplicationListener(svc, 'PublicListener', { loadBalancer: alb, port: 8080 });
listener.addTargets('Web', { port: 80, targets: [web] });
const tcp = fargate('Tcp');
const nl = new elbv2.NetworkListener(svc, 'TcpListener', { loadBalancer: nlb, port: 443 });
nl.addTargets('Tcp', { port: 80, targets: [tcp] });
const attached = fargate('Attached');
group.addTarget(attached);

app.synth();
