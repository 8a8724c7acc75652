// Our own CDK app: aws-ecs options the README's samples do not reach. An EC2 service placed by
// strategies and constraints added after creation (every PlacementStrategy and
// PlacementConstraint helper); a container with system controls and scratch space; a Fargate
// task definition whose platform is named by CpuArchitecture.of and OperatingSystemFamily.of; a
// tag-parameter image holding a digest; a cluster's task ARNs granted task protection; default
// Cloud Map namespaces of other types and an existing one.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecr = require('aws-cdk-lib/aws-ecr');
const ecs = require('aws-cdk-lib/aws-ecs');
const iam = require('aws-cdk-lib/aws-iam');
const servicediscovery = require('aws-cdk-lib/aws-servicediscovery');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const stack = new cdk.Stack(app, 'EcsOptions');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });

// Placement: an imported cluster (EC2 capacity assumed, as the CDK does).
const imported = ecs.Cluster.fromClusterAttributes(stack, 'Imported', { clusterName: 'workers', vpc });
const td = new ecs.Ec2TaskDefinition(stack, 'Workers');
const worker = td.addContainer('worker', {
  image,
  memoryLimitMiB: 256,
  systemControls: [
    { namespace: 'net.core.somaxconn', value: '1024' },
    { namespace: 'net.ipv4.tcp_keepalive_time', value: '120' },
  ],
});
worker.addScratch({ name: 'scratch', containerPath: '/var/scratch', readOnly: false, sourcePath: '/tmp/scratch' });
const placed = new ecs.Ec2Service(stack, 'Placed', { cluster: imported, taskDefinition: td, minHealthyPercent: 50 });
placed.addPlacementStrategies(
  ecs.PlacementStrategy.spreadAcross(ecs.BuiltInAttributes.AVAILABILITY_ZONE),
  ecs.PlacementStrategy.spreadAcrossInstances(),
  ecs.PlacementStrategy.packedBy(ecs.BinPackResource.MEMORY),
  ecs.PlacementStrategy.randomly(),
);
placed.addPlacementConstraints(
  ecs.PlacementConstraint.memberOf('attribute:ecs.instance-type =~ t3.*', 'attribute:ecs.os-type == linux'),
  ecs.PlacementConstraint.distinctInstances(),
);

// Platform by value, and an image by digest.
const arm = new ecs.FargateTaskDefinition(stack, 'Arm', {
  cpu: 256,
  memoryLimitMiB: 512,
  runtimePlatform: {
    cpuArchitecture: ecs.CpuArchitecture.of('ARM64'),
    operatingSystemFamily: ecs.OperatingSystemFamily.of('LINUX'),
  },
});
const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
arm.addContainer('web', { image: new ecs.TagParameterContainerImage(repo, { isImageDigest: true }) });

// Task protection, and default namespaces.
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
cluster.addDefaultCloudMapNamespace({ name: 'api.internal', type: servicediscovery.NamespaceType.HTTP });
const role = new iam.Role(stack, 'Protector', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
cluster.grantTaskProtection(role);
new cdk.CfnOutput(stack, 'TaskArns', { value: cluster.arnForTasks('*') });
const other = new ecs.Cluster(stack, 'Other', { vpc });
const existing = new servicediscovery.PrivateDnsNamespace(stack, 'Namespace', { name: 'other.local', vpc });
other.addExistingDefaultCloudMapNamespace({ namespace: existing });
app.synth();
