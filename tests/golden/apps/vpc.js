// Our own CDK app: VPC layouts beyond the default — subnet groups with and without masks,
// reserved groups and zones, a range of its own, NAT placement and count, DNS and tenancy
// settings — and constructs placed in subnets by group name and by type.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const efs = require('aws-cdk-lib/aws-efs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const stack = new cdk.Stack(app, 'Network');

// Three tiers with masks, a reserved group, one NAT gateway, a range of its own.
const tiered = new ec2.Vpc(stack, 'Tiered', {
  ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
  maxAzs: 2,
  natGateways: 1,
  vpcName: 'tiered',
  enableDnsHostnames: false,
  subnetConfiguration: [
    { name: 'Ingress', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
    { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
    { name: 'Spare', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24, reserved: true },
    { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 26 },
  ],
});
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: tiered });
const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });
const service = new ecs.FargateService(stack, 'Service', {
  cluster, taskDefinition: td, minHealthyPercent: 100,
  vpcSubnets: { subnetGroupName: 'App' },
});
const lb = new elbv2.ApplicationLoadBalancer(stack, 'LB', {
  vpc: tiered, internetFacing: true, vpcSubnets: { subnetGroupName: 'Ingress' },
});
lb.addListener('Http', { port: 80 }).addTargets('Web', { port: 80, targets: [service] });
new efs.FileSystem(stack, 'Files', { vpc: tiered, vpcSubnets: { subnetGroupName: 'Data' } });

// Public only, no NAT, a reserved zone, no public IPs at launch, the default group left alone.
const flat = new ec2.Vpc(stack, 'Flat', {
  cidr: '10.2.0.0/20',
  natGateways: 0,
  reservedAzs: 1,
  restrictDefaultSecurityGroup: false,
  defaultInstanceTenancy: ec2.DefaultInstanceTenancy.DEDICATED,
  subnetConfiguration: [
    { name: 'Edge', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
  ],
});
new autoscaling.AutoScalingGroup(stack, 'Fleet', {
  vpc: flat,
  instanceType: new ec2.InstanceType('t3.micro'),
  machineImage: ecs.EcsOptimizedImage.amazonLinux2(),
  minCapacity: 0,
  maxCapacity: 1,
});

// Two public groups, NAT gateways in the second, private subnets sharing the rest evenly.
new ec2.Vpc(stack, 'Split', {
  ipAddresses: ec2.IpAddresses.cidr('10.3.0.0/16'),
  maxAzs: 3,
  natGateways: 5,
  natGatewaySubnets: { subnetGroupName: 'Outbound' },
  subnetConfiguration: [
    { name: 'Web', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28 },
    { name: 'Outbound', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28 },
    { name: 'Work', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    { name: 'Store', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  ],
});

// No internet gateway: public subnets without a default route; private subnets without NAT.
new ec2.Vpc(stack, 'Closed', {
  maxAzs: 1,
  natGateways: 0,
  createInternetGateway: false,
  subnetConfiguration: [
    { name: 'Front', subnetType: ec2.SubnetType.PUBLIC },
    { name: 'Back', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  ],
});
app.synth();
