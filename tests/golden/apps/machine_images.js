// Our own CDK app: Windows capacity (PowerShell user data, spot draining) and machine images
// looked up once and cached in the context, as the CLI wrote them to cdk.context.json, one told
// apart by an additional cache key. (With a lookup still missing, the CDK's template validation
// refuses the placeholder image id, so the app cannot show one.)
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: {
    ...NEW_PROJECT_DEFAULT_CONTEXT,
    ...CURRENTLY_RECOMMENDED_FLAGS,
    'availability-zones:account=123456789012:region=eu-west-1': ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    'ssm:account=123456789012:parameterName=/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id:region=eu-west-1': 'ami-0123456789abcdef0',
    'ssm:account=123456789012:additionalCacheKey=pinned:parameterName=/aws/service/bottlerocket/aws-ecs-1/x86_64/latest/image_id:region=eu-west-1': 'ami-0fedcba9876543210',
  },
});
const stack = new cdk.Stack(app, 'MachineImages', { env: { account: '123456789012', region: 'eu-west-1' } });
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
cluster.addCapacity('Windows', {
  instanceType: new ec2.InstanceType('m5.large'),
  machineImage: ecs.EcsOptimizedImage.windows(ecs.WindowsOptimizedVersion.SERVER_2022),
  spotPrice: '0.10',
  spotInstanceDraining: true,
});
cluster.addCapacity('Cached', {
  instanceType: new ec2.InstanceType('t3.medium'),
  machineImage: ecs.EcsOptimizedImage.amazonLinux2(ecs.AmiHardwareType.STANDARD, { cachedInContext: true }),
});
cluster.addCapacity('Pinned', {
  instanceType: new ec2.InstanceType('t3.medium'),
  machineImage: new ecs.BottleRocketImage({ cachedInContext: true, additionalCacheKey: 'pinned' }),
});
const other = new cdk.Stack(app, 'Agnostic');
const ovpc = new ec2.Vpc(other, 'Vpc', { maxAzs: 2, natGateways: 1 });
new ecs.Cluster(other, 'Cluster', { vpc: ovpc }).addCapacity('Windows2019', {
  instanceType: new ec2.InstanceType('m5.large'),
  machineImage: ecs.EcsOptimizedImage.windows(ecs.WindowsOptimizedVersion.SERVER_2019),
});
app.synth();
