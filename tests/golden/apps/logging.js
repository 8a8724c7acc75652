// Our own CDK app: log drivers with every option, FireLens outputs and ECS Exec settings the
// oracle apps do not exercise, one theme per stack.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const kms = require('aws-cdk-lib/aws-kms');
const logs = require('aws-cdk-lib/aws-logs');
const s3 = require('aws-cdk-lib/aws-s3');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

{
  // awslogs: retention, datetime/multiline, non-blocking mode, an existing log group.
  const stack = new cdk.Stack(app, 'AwsLogsOptions');
  const group = new logs.LogGroup(stack, 'Shared', { retention: logs.RetentionDays.ONE_MONTH });
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef');
  td.addContainer('app', {
    image,
    memoryLimitMiB: 256,
    logging: ecs.LogDrivers.awsLogs({
      streamPrefix: 'app',
      logRetention: logs.RetentionDays.ONE_WEEK,
      datetimeFormat: '%Y-%m-%d %H:%M:%S',
      multilinePattern: '^INFO',
      mode: ecs.AwsLogDriverMode.NON_BLOCKING,
      maxBufferSize: cdk.Size.mebibytes(25),
    }),
  });
  td.addContainer('worker', {
    image,
    memoryLimitMiB: 256,
    logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'worker', logGroup: group }),
  });
  td.addContainer('quiet', { image, memoryLimitMiB: 64, essential: false, logging: ecs.LogDrivers.none() });
}

{
  // Docker's drivers with every option, and the generic driver with secret options.
  const stack = new cdk.Stack(app, 'DockerDrivers');
  const token = new secretsmanager.Secret(stack, 'Token');
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef');
  const common = { tag: 'app', labels: ['team', 'tier'], env: ['STAGE'], envRegex: '^APP_' };
  td.addContainer('fluentd', {
    image,
    memoryLimitMiB: 64,
    logging: ecs.LogDrivers.fluentd({
      address: 'fluentd.internal:24224',
      asyncConnect: true,
      async: true,
      bufferLimit: 1000,
      retryWait: cdk.Duration.seconds(2),
      maxRetries: 5,
      subSecondPrecision: true,
      ...common,
    }),
  });
  td.addContainer('gelf', {
    image,
    memoryLimitMiB: 64,
    logging: ecs.LogDrivers.gelf({
      address: 'udp://graylog:12201',
      compressionType: ecs.GelfCompressionType.ZLIB,
      compressionLevel: 6,
      tcpMaxReconnect: 4,
      tcpReconnectDelay: cdk.Duration.seconds(3),
      ...common,
    }),
  });
  td.addContainer('jsonfile', {
    image,
    memoryLimitMiB: 64,
    logging: ecs.LogDrivers.jsonFile({ maxSize: '10m', maxFile: 3, compress: true, ...common }),
  });
  td.addContainer('syslog', {
    image,
    memoryLimitMiB: 64,
    logging: ecs.LogDrivers.syslog({
      address: 'tcp+tls://syslog:6514',
      facility: 'daemon',
      tlsCaCert: '/etc/ca.pem',
      tlsCert: '/etc/cert.pem',
      tlsKey: '/etc/key.pem',
      tlsSkipVerify: false,
      format: 'rfc5424',
      ...common,
    }),
  });
  td.addContainer('journald', { image, memoryLimitMiB: 64, logging: ecs.LogDrivers.journald(common) });
  td.addContainer('generic', {
    image,
    memoryLimitMiB: 64,
    logging: new ecs.GenericLogDriver({
      logDriver: 'splunk',
      options: { 'splunk-url': 'https://splunk.example.com:8088' },
      secretOptions: { 'splunk-token': ecs.Secret.fromSecretsManager(token) },
    }),
  });
  td.addContainer('bare', { image, memoryLimitMiB: 64, logging: new ecs.GenericLogDriver({ logDriver: 'local' }) });
}

{
  // FireLens to CloudWatch with a retention (the task role may set it), and to Kinesis.
  const stack = new cdk.Stack(app, 'FirelensOutputs');
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 512, memoryLimitMiB: 1024 });
  td.addContainer('app', {
    image,
    logging: ecs.LogDrivers.firelens({
      options: {
        Name: 'cloudwatch',
        region: 'us-east-1',
        log_group_name: 'firelens-app',
        auto_create_group: 'true',
        log_stream_prefix: 'app-',
        log_retention_days: '7',
      },
    }),
  });
  const td2 = new ecs.FargateTaskDefinition(stack, 'Kinesis', { cpu: 256, memoryLimitMiB: 512 });
  td2.addContainer('app', {
    image,
    logging: ecs.LogDrivers.firelens({ options: { Name: 'kinesis', region: 'us-east-1', stream: 'logs' } }),
  });
}

{
  // ECS Exec: DEFAULT and NONE logging, a KMS key alone, an unencrypted S3 bucket.
  const stack = new cdk.Stack(app, 'ExecOptions');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const key = new kms.Key(stack, 'Key');
  const bucket = new s3.Bucket(stack, 'Bucket');
  // SPEC rule F1: the size is always written.
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('web', { image });
  const clusters = [
    ['Default', { logging: ecs.ExecuteCommandLogging.DEFAULT }],
    ['None', { logging: ecs.ExecuteCommandLogging.NONE }],
    ['KeyOnly', { kmsKey: key }],
    ['Bucket', { logging: ecs.ExecuteCommandLogging.OVERRIDE, logConfiguration: { s3Bucket: bucket, s3KeyPrefix: 'exec' } }],
  ];
  for (const [id, executeCommandConfiguration] of clusters) {
    const cluster = new ecs.Cluster(stack, `${id}Cluster`, { vpc, executeCommandConfiguration });
    new ecs.FargateService(stack, `${id}Service`, { cluster, taskDefinition: td, enableExecuteCommand: true });
  }
}

app.synth();
