// Our own CDK app: stacks in an environment. `Env` names its account and region, so the CDK
// writes its region, account and partition as literals, takes the availability zones from the
// context (`availability-zones:account=…:region=…`, here given as the CLI would have written
// it to cdk.context.json) and sets the manifest's environment, roles and asset destinations.
// `Regional` names only its region: its zones stay `Fn::GetAZs`, its account a reference.
const cdk = require('aws-cdk-lib');
const appscaling = require('aws-cdk-lib/aws-applicationautoscaling');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecr = require('aws-cdk-lib/aws-ecr');
const ecs = require('aws-cdk-lib/aws-ecs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const kms = require('aws-cdk-lib/aws-kms');
const logs = require('aws-cdk-lib/aws-logs');
const s3 = require('aws-cdk-lib/aws-s3');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const ssm = require('aws-cdk-lib/aws-ssm');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: {
    ...NEW_PROJECT_DEFAULT_CONTEXT,
    ...CURRENTLY_RECOMMENDED_FLAGS,
    ...(process.env.ENV_APP_WITHOUT_ZONES ? {} : {
      'availability-zones:account=123456789012:region=eu-west-1': ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    }),
  },
});
const image = ecs.ContainerImage.fromRegistry('amazon/amazon-ecs-sample');
const stack = new cdk.Stack(app, 'Env', { env: { account: '123456789012', region: 'eu-west-1' } });
const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 1 });

const kmsKey = new kms.Key(stack, 'KmsKey');
const logGroup = new logs.LogGroup(stack, 'LogGroup', { encryptionKey: kmsKey });
const execBucket = new s3.Bucket(stack, 'EcsExecBucket', { encryptionKey: kmsKey });
const cluster = new ecs.Cluster(stack, 'Cluster', {
  vpc,
  defaultCloudMapNamespace: { name: 'app.local' },
  executeCommandConfiguration: {
    kmsKey,
    logConfiguration: { cloudWatchLogGroup: logGroup, s3Bucket: execBucket, s3KeyPrefix: 'exec' },
    logging: ecs.ExecuteCommandLogging.OVERRIDE,
  },
});
cluster.addCapacity('Capacity', { instanceType: new ec2.InstanceType('t3.medium'), maxCapacity: 1 });

const secret = new secretsmanager.Secret(stack, 'Secret');
const parameter = new ssm.StringParameter(stack, 'Parameter', {
  parameterName: '/app/config/parameter',
  stringValue: 'some-value',
});
const repo = new ecr.Repository(stack, 'Repo');
const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('web', {
  image: ecs.ContainerImage.fromEcrRepository(repo, 'v1'),
  portMappings: [{ containerPort: 80 }],
  logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }),
  secrets: {
    SECRET: ecs.Secret.fromSecretsManager(secret),
    PARAMETER: ecs.Secret.fromSsmParameter(parameter),
  },
});
const service = new ecs.FargateService(stack, 'Service', {
  cluster,
  taskDefinition: td,
  minHealthyPercent: 100,
  enableExecuteCommand: true,
  cloudMapOptions: { name: 'web' },
});
const lb = new elbv2.ApplicationLoadBalancer(stack, 'LB', { vpc, internetFacing: true });
const target = lb.addListener('Listener', { port: 80 }).addTargets('ECS', { port: 80, targets: [service] });
const scaling = service.autoScaleTaskCount({ maxCapacity: 4 });
scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 50 });
scaling.scaleOnRequestCount('Requests', { requestsPerTarget: 1000, targetGroup: target });
scaling.scaleOnSchedule('Morning', { schedule: appscaling.Schedule.cron({ hour: '8', minute: '0' }), minCapacity: 2 });

const jobs = new ecs.Ec2TaskDefinition(stack, 'Jobs');
jobs.addContainer('job', {
  image,
  memoryLimitMiB: 256,
  logging: new ecs.AwsLogDriver({ streamPrefix: 'jobs' }),
});
new events.Rule(stack, 'Nightly', { schedule: events.Schedule.expression('rate(1 day)') })
  .addTarget(new targets.EcsTask({ cluster, taskDefinition: jobs }));

const regional = new cdk.Stack(app, 'Regional', { env: { region: 'us-west-2' } });
const rvpc = new ec2.Vpc(regional, 'Vpc', { maxAzs: 2, natGateways: 1 });
const rcluster = new ecs.Cluster(regional, 'Cluster', { vpc: rvpc });
const rtd = new ecs.FargateTaskDefinition(regional, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
rtd.addContainer('web', { image, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }) });
new ecs.FargateService(regional, 'Service', { cluster: rcluster, taskDefinition: rtd, minHealthyPercent: 100 });
app.synth();
