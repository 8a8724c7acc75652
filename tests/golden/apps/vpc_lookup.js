// Our own CDK app: a VPC found by the CDK CLI's lookup (`Vpc.fromLookup`), as the CLI wrote its
// answer to cdk.context.json: subnet groups of each type, services and a load balancer placed
// in them by type and by group name.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const subnet = (id, az, rt, cidr) => ({ subnetId: id, availabilityZone: az, routeTableId: rt, cidr });
const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: {
    ...NEW_PROJECT_DEFAULT_CONTEXT,
    ...CURRENTLY_RECOMMENDED_FLAGS,
    'vpc-provider:account=123456789012:filter.tag:Name=shared:filter.tag:stage=prod:region=eu-west-1:returnAsymmetricSubnets=true': {
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      vpcCidrBlock: '10.20.0.0/16',
      ownerAccountId: '123456789012',
      availabilityZones: [],
      subnetGroups: [
        { name: 'Ingress', type: 'Public', subnets: [
          subnet('subnet-0aaa0000000000001', 'eu-west-1b', 'rtb-0aaa0000000000001', '10.20.0.0/24'),
          subnet('subnet-0aaa0000000000002', 'eu-west-1a', 'rtb-0aaa0000000000002', '10.20.1.0/24') ] },
        { name: 'App', type: 'Private', subnets: [
          subnet('subnet-0bbb0000000000001', 'eu-west-1a', 'rtb-0bbb0000000000001', '10.20.16.0/20'),
          subnet('subnet-0bbb0000000000002', 'eu-west-1b', 'rtb-0bbb0000000000002', '10.20.32.0/20') ] },
        { name: 'Data', type: 'Isolated', subnets: [
          subnet('subnet-0ccc0000000000001', 'eu-west-1a', 'rtb-0ccc0000000000001', '10.20.48.0/24'),
          subnet('subnet-0ccc0000000000002', 'eu-west-1b', 'rtb-0ccc0000000000002', '10.20.49.0/24') ] },
      ],
    },
  },
});
const stack = new cdk.Stack(app, 'VpcLookup', { env: { account: '123456789012', region: 'eu-west-1' } });
const vpc = ec2.Vpc.fromLookup(stack, 'Shared', { vpcName: 'shared', tags: { stage: 'prod' } });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const web = new ecs.FargateTaskDefinition(stack, 'Web', { cpu: 256, memoryLimitMiB: 512 });
web.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });
const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: web, minHealthyPercent: 100 });
const lb = new elbv2.ApplicationLoadBalancer(stack, 'LB', { vpc, internetFacing: true });
lb.addListener('Http', { port: 80 }).addTargets('Web', { port: 80, targets: [service] });
const job = new ecs.FargateTaskDefinition(stack, 'Job', { cpu: 256, memoryLimitMiB: 512 });
job.addContainer('job', { image });
new ecs.FargateService(stack, 'Worker', {
  cluster, taskDefinition: job, minHealthyPercent: 100,
  vpcSubnets: { subnetGroupName: 'Data' },
});
app.synth();
