// Our own CDK app: ECS Managed Instances. A capacity provider with the roles and instance
// profile the CDK creates (instance requirements, task volume storage, detailed monitoring, tags
// propagated), one given an existing infrastructure role and instance profile (named, Spot), both
// added to the cluster; a Managed Instances task definition run by a Fargate service whose
// strategy names the first provider.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const iam = require('aws-cdk-lib/aws-iam');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'ManagedInstances');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const sg = new ec2.SecurityGroup(stack, 'InstanceSg', { vpc });

const provider = new ecs.ManagedInstancesCapacityProvider(stack, 'Provider', {
  subnets: vpc.privateSubnets,
  securityGroups: [sg],
  taskVolumeStorage: cdk.Size.gibibytes(100),
  monitoring: ecs.InstanceMonitoring.DETAILED,
  propagateTags: ecs.PropagateManagedInstancesTags.CAPACITY_PROVIDER,
  instanceRequirements: {
    vCpuCountMin: 2,
    vCpuCountMax: 8,
    memoryMin: cdk.Size.gibibytes(4),
    memoryMax: cdk.Size.gibibytes(16),
    cpuManufacturers: [ec2.CpuManufacturer.INTEL, ec2.CpuManufacturer.AMD],
    instanceGenerations: [ec2.InstanceGeneration.CURRENT],
    burstablePerformance: ec2.BurstablePerformance.EXCLUDED,
    allowedInstanceTypes: ['m5.*', 'c5.*'],
    spotMaxPricePercentageOverLowestPrice: 50,
  },
});
cluster.addManagedInstancesCapacityProvider(provider);

const infrastructureRole = iam.Role.fromRoleArn(stack, 'InfraRole',
  'arn:aws:iam::123456789012:role/ecs-infrastructure');
const instanceProfile = iam.InstanceProfile.fromInstanceProfileName(stack, 'Profile',
  'ecsInstanceRole-given');
const given = new ecs.ManagedInstancesCapacityProvider(stack, 'GivenProvider', {
  capacityProviderName: 'given-provider',
  infrastructureRole,
  ec2InstanceProfile: instanceProfile,
  subnets: vpc.publicSubnets,
  securityGroups: [sg],
  capacityOptionType: ecs.CapacityOptionType.SPOT,
  instanceRequirements: { vCpuCountMin: 1, memoryMin: cdk.Size.gibibytes(2) },
});
cluster.addManagedInstancesCapacityProvider(given);

const task = new ecs.TaskDefinition(stack, 'Task', {
  compatibility: ecs.Compatibility.MANAGED_INSTANCES,
  cpu: '512',
  memoryMiB: '1024',
});
task.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  portMappings: [{ containerPort: 80 }],
});
new ecs.FargateService(stack, 'Service', {
  cluster,
  taskDefinition: task,
  minHealthyPercent: 100,
  capacityProviderStrategies: [{ capacityProvider: provider.capacityProviderName, weight: 1 }],
});
app.synth();
