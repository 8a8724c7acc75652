// Our own CDK app: existing resources imported as the CDK imports them — a VPC by its
// attributes (subnet groups by type and by name), security groups by id (mutable with rules,
// immutable, allowing all outbound), clusters by attributes, and services, a load balancer and
// an EFS file system placed on them.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const efs = require('aws-cdk-lib/aws-efs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'Imports');
const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  vpcCidrBlock: '10.20.0.0/16',
  publicSubnetIds: ['subnet-0a000001', 'subnet-0a000002'],
  privateSubnetIds: ['subnet-0b000001', 'subnet-0b000002', 'subnet-0c000001', 'subnet-0c000002'],
  privateSubnetNames: ['App', 'Data'],
  isolatedSubnetIds: ['subnet-0d000001', 'subnet-0d000002'],
});
// Rules on a mutable import become resources of their own; egress only without all outbound.
const shared = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Shared', 'sg-0123456789abcdef0', {
  allowAllOutbound: false,
});
shared.addIngressRule(ec2.Peer.ipv4('10.20.0.0/16'), ec2.Port.tcp(8080));
shared.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'https out');
// An immutable import is left as it is, and one allowing all outbound gets no egress rules.
const locked = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Locked', 'sg-0bbbbbbbbbbbbbbbb', { mutable: false });
locked.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
const open = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Open', 'sg-0cccccccccccccccc');
open.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(25));
open.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
// A group of our own in the imported VPC, open to its range.
const db = new ec2.SecurityGroup(stack, 'Db', { vpc });
db.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(5432));

const instances = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Instances', 'sg-0dddddddddddddddd');
const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', {
  clusterName: 'shared',
  vpc,
  securityGroups: [instances],
});

const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  portMappings: [{ containerPort: 80 }],
});
const service = new ecs.FargateService(stack, 'Service', {
  cluster,
  taskDefinition: td,
  securityGroups: [shared],
  vpcSubnets: { subnetGroupName: 'App' },
  minHealthyPercent: 100,
});
const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
lb.addListener('Http', { port: 80 }).addTargets('Web', { port: 80, targets: [service] });
// A service with a group of its own, in the isolated subnets.
new ecs.FargateService(stack, 'Worker', {
  cluster,
  taskDefinition: td,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  minHealthyPercent: 100,
});

// An EC2 service in bridge mode on the imported cluster's instances.
const bridge = new ecs.Ec2TaskDefinition(stack, 'BridgeTaskDef');
bridge.addContainer('app', {
  image: ecs.ContainerImage.fromRegistry('amazon/amazon-ecs-sample'),
  memoryLimitMiB: 256,
  portMappings: [{ containerPort: 8080 }],
});
const ec2Service = new ecs.Ec2Service(stack, 'Ec2Service', {
  cluster,
  taskDefinition: bridge,
  minHealthyPercent: 100,
});
lb.addListener('Admin', { port: 8080, protocol: elbv2.ApplicationProtocol.HTTP })
  .addTargets('App', { port: 8080, targets: [ec2Service] });

// A file system in the "Data" subnets, one per zone.
new efs.FileSystem(stack, 'Files', {
  vpc,
  vpcSubnets: { subnetGroupName: 'Data' },
});
app.synth();
