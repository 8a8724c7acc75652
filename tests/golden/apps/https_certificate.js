// Our own CDK app: HTTPS patterns given no certificate, so they request one from ACM for their
// domain, validated by DNS in the hosted zone: a load-balanced service with the HTTP listener
// redirecting to it, and a multiple-target-groups service whose HTTPS listener gets
// `Certificate<listener>`.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const ecsPatterns = require('aws-cdk-lib/aws-ecs-patterns');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const route53 = require('aws-cdk-lib/aws-route53');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'HttpsCertificate');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
  hostedZoneId: 'Z0123456789ABCDEFGHIJ',
  zoneName: 'example.com',
});
new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Service', {
  cluster,
  minHealthyPercent: 100,
  protocol: elbv2.ApplicationProtocol.HTTPS,
  domainName: 'api.example.com',
  domainZone: zone,
  redirectHTTP: true,
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry('amazon/amazon-ecs-sample') },
});
new ecsPatterns.ApplicationMultipleTargetGroupsFargateService(stack, 'Multi', {
  cluster,
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry('amazon/amazon-ecs-sample') },
  loadBalancers: [{
    name: 'lb',
    domainName: 'multi.example.com',
    domainZone: zone,
    listeners: [{ name: 'listener', protocol: elbv2.ApplicationProtocol.HTTPS }],
  }],
});
app.synth();
