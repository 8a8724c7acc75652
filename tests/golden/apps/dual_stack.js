// Our own CDK app: dual-stack VPCs beyond the README's — public, private and isolated groups
// (the isolated subnets get an IPv6 range and no route), a public subnet group that maps
// public IPv4 addresses after all, and a VPC without NAT gateways (no egress-only gateway).
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'DualStack');
new ec2.Vpc(stack, 'Three', {
  ipProtocol: ec2.IpProtocol.DUAL_STACK,
  maxAzs: 2,
  natGateways: 1,
  subnetConfiguration: [
    { name: 'Web', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: true },
    { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, ipv6AssignAddressOnCreation: false },
    { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
  ],
});
new ec2.Vpc(stack, 'NoNat', {
  ipProtocol: ec2.IpProtocol.DUAL_STACK,
  maxAzs: 2,
  natGateways: 0,
});
app.synth();
