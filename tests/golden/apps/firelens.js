// Our own CDK app: FireLens log routers added with addFirelensLogRouter. Fluent Bit with a
// configuration file in S3 (the execution role may read it) and an application container
// logging through it to Firehose with a secret option; Fluentd with a file in the image and
// ECS log metadata off; a router with no options.
const cdk = require('aws-cdk-lib');
const ecs = require('aws-cdk-lib/aws-ecs');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'Firelens');
const token = secretsmanager.Secret.fromSecretNameV2(stack, 'Token', 'log-token');

const bit = new ecs.FargateTaskDefinition(stack, 'FluentBit', { cpu: 256, memoryLimitMiB: 512 });
bit.addFirelensLogRouter('log_router', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-for-fluent-bit:stable'),
  firelensConfig: {
    type: ecs.FirelensLogRouterType.FLUENTBIT,
    options: { configFileType: ecs.FirelensConfigFileType.S3, configFileValue: 'arn:aws:s3:::log-config/fluent-bit.conf' },
  },
  memoryReservationMiB: 50,
});
bit.addContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  logging: ecs.LogDrivers.firelens({
    options: { Name: 'firehose', region: 'us-east-1', delivery_stream: 'app-logs' },
    secretOptions: { token: ecs.Secret.fromSecretsManager(token) },
  }),
});

const fluentd = new ecs.Ec2TaskDefinition(stack, 'Fluentd');
fluentd.addFirelensLogRouter('log_router', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/fluentd:v1.16'),
  firelensConfig: {
    type: ecs.FirelensLogRouterType.FLUENTD,
    options: {
      enableECSLogMetadata: false,
      configFileType: ecs.FirelensConfigFileType.FILE,
      configFileValue: '/fluentd/etc/extra.conf',
    },
  },
  memoryLimitMiB: 256,
});

const plain = new ecs.Ec2TaskDefinition(stack, 'Plain');
plain.addFirelensLogRouter('router', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-for-fluent-bit:stable'),
  firelensConfig: { type: ecs.FirelensLogRouterType.FLUENTBIT },
  memoryLimitMiB: 128,
});
const metadataOnly = new ecs.Ec2TaskDefinition(stack, 'MetadataOnly');
metadataOnly.addFirelensLogRouter('router', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-for-fluent-bit:stable'),
  firelensConfig: { type: ecs.FirelensLogRouterType.FLUENTBIT, options: {} },
  memoryLimitMiB: 128,
});
app.synth();
