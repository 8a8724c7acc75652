// Our own CDK app: service-managed EBS volumes. A Fargate service whose volume is made at launch
// (gp3 with iops, throughput, XFS, a KMS key and tags propagated from the service), mounted by
// the container, with the ECS infrastructure role the volume creates; an EC2 service given its
// volume in its props, from a snapshot with an initialization rate and an existing role.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const iam = require('aws-cdk-lib/aws-iam');
const kms = require('aws-cdk-lib/aws-kms');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'EbsVolumes');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
cluster.addCapacity('Capacity', { instanceType: new ec2.InstanceType('t3.medium'), minCapacity: 1 });
const key = new kms.Key(stack, 'Key');

const webTask = new ecs.FargateTaskDefinition(stack, 'WebTask', { cpu: 256, memoryLimitMiB: 512 });
const web = webTask.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  portMappings: [{ containerPort: 80 }],
});
const data = new ecs.ServiceManagedVolume(stack, 'Data', {
  name: 'data',
  managedEBSVolume: {
    size: cdk.Size.gibibytes(15),
    volumeType: ec2.EbsDeviceVolumeType.GP3,
    iops: 4000,
    throughput: 200,
    fileSystemType: ecs.FileSystemType.XFS,
    encrypted: true,
    kmsKeyId: key,
    tagSpecifications: [{
      tags: { purpose: 'production' },
      propagateTags: ecs.EbsPropagatedTagSource.SERVICE,
    }],
  },
});
data.mountIn(web, { containerPath: '/var/lib/data', readOnly: false });
webTask.addVolume(data);
const webService = new ecs.FargateService(stack, 'Web', { cluster, taskDefinition: webTask, minHealthyPercent: 100 });
webService.addVolume(data);

const role = iam.Role.fromRoleArn(stack, 'VolumeRole', 'arn:aws:iam::123456789012:role/ecs-volumes');
const jobTask = new ecs.Ec2TaskDefinition(stack, 'JobTask');
const job = jobTask.addContainer('job', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  memoryLimitMiB: 256,
});
const restored = new ecs.ServiceManagedVolume(stack, 'Restored', {
  name: 'restored',
  managedEBSVolume: {
    role,
    snapShotId: 'snap-0123456789abcdef0',
    volumeInitializationRate: cdk.Size.mebibytes(200),
    volumeType: ec2.EbsDeviceVolumeType.IO2,
    iops: 5000,
    tagSpecifications: [{ propagateTags: ecs.EbsPropagatedTagSource.TASK_DEFINITION }],
  },
});
restored.mountIn(job, { containerPath: '/restored', readOnly: true });
jobTask.addVolume(restored);
new ecs.Ec2Service(stack, 'Job', {
  cluster, taskDefinition: jobTask, minHealthyPercent: 100, volumeConfigurations: [restored],
});
app.synth();
