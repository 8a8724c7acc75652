// Our own CDK app for cluster capacity: options and combinations the oracle apps 03,
// 05-08, 28 and 29 do not cover, one stack each.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const kms = require('aws-cdk-lib/aws-kms');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});

{
  // add_capacity options: AL2023 GPU image, public subnets with public addresses, detailed
  // monitoring, cooldown, key pair, scale-in protection, a short drain time; Bottlerocket on ARM
  // instances by image type; an explicit Bottlerocket image; AL2023 Neuron without a drain hook.
  const stack = new cdk.Stack(app, 'CapacityOptions');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  cluster.addCapacity('Gpu', {
    instanceType: new ec2.InstanceType('g4dn.xlarge'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(ecs.AmiHardwareType.GPU),
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    associatePublicIpAddress: true,
    instanceMonitoring: autoscaling.Monitoring.DETAILED,
    cooldown: cdk.Duration.seconds(120),
    keyName: 'my-key',
    newInstancesProtectedFromScaleIn: true,
    taskDrainTime: cdk.Duration.seconds(60),
    minCapacity: 0,
    maxCapacity: 3,
  });
  cluster.addCapacity('ArmRocket', {
    instanceType: new ec2.InstanceType('m7g.large'),
    machineImageType: ecs.MachineImageType.BOTTLEROCKET,
  });
  cluster.addCapacity('Rocket2', {
    instanceType: new ec2.InstanceType('g5.xlarge'),
    machineImage: new ecs.BottleRocketImage({
      variant: ecs.BottlerocketEcsVariant.AWS_ECS_2_NVIDIA,
      architecture: ec2.InstanceArchitecture.X86_64,
    }),
  });
  cluster.addCapacity('Neuron', {
    instanceType: new ec2.InstanceType('inf2.xlarge'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(ecs.AmiHardwareType.NEURON),
    taskDrainTime: cdk.Duration.seconds(0),
  });
}

{
  // A user-built spot group added with spot draining and an encrypted drain topic, a key with
  // options, and a user-built Bottlerocket group added as Bottlerocket.
  const stack = new cdk.Stack(app, 'UserGroups');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const key = new kms.Key(stack, 'TopicKey', { description: 'drain topic', enableKeyRotation: true });
  const spot = new autoscaling.AutoScalingGroup(stack, 'Spot', {
    vpc,
    instanceType: new ec2.InstanceType('c5.large'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2(ecs.AmiHardwareType.GPU),
    spotPrice: '0.05',
    desiredCapacity: 2,
    maxCapacity: 4,
  });
  cluster.addAutoScalingGroup(spot, { spotInstanceDraining: true, topicEncryptionKey: key, taskDrainTime: cdk.Duration.seconds(900) });
  const rocket = new autoscaling.AutoScalingGroup(stack, 'Rocket', {
    vpc,
    instanceType: new ec2.InstanceType('c6g.large'),
    machineImage: new ecs.BottleRocketImage({ architecture: ec2.InstanceArchitecture.ARM_64 }),
  });
  cluster.addAutoScalingGroup(rocket, { machineImageType: ecs.MachineImageType.BOTTLEROCKET, taskDrainTime: cdk.Duration.seconds(0) });
}

{
  // Capacity providers in a stack whose name makes the CDK name them: one without managed
  // scaling or protection (so with a drain hook), one with every scaling option and managed
  // draining; Fargate providers too; a default strategy with a base.
  const stack = new cdk.Stack(app, 'ecsProviders');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, enableFargateCapacityProviders: true });
  const plain = new autoscaling.AutoScalingGroup(stack, 'Plain', {
    vpc,
    instanceType: new ec2.InstanceType('t3.medium'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
  });
  const unmanaged = new ecs.AsgCapacityProvider(stack, 'Unmanaged', {
    autoScalingGroup: plain,
    enableManagedScaling: false,
    enableManagedTerminationProtection: false,
  });
  cluster.addAsgCapacityProvider(unmanaged);
  const tuned = new autoscaling.AutoScalingGroup(stack, 'Tuned', {
    vpc,
    instanceType: new ec2.InstanceType('t3.large'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2(),
    minCapacity: 0,
    maxCapacity: 10,
  });
  const managed = new ecs.AsgCapacityProvider(stack, 'Managed', {
    autoScalingGroup: tuned,
    capacityProviderName: 'tuned-provider',
    targetCapacityPercent: 80,
    maximumScalingStepSize: 4,
    minimumScalingStepSize: 2,
    instanceWarmupPeriod: 120,
    enableManagedDraining: true,
  });
  cluster.addAsgCapacityProvider(managed);
  cluster.addDefaultCapacityProviderStrategy([
    { capacityProvider: managed.capacityProviderName, base: 1, weight: 1 },
    { capacityProvider: unmanaged.capacityProviderName, weight: 2 },
  ]);
}

app.synth();
