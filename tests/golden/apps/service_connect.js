// Our own CDK app: ECS Service Connect. A cluster whose default namespace is used for Service
// Connect; a server serving two named ports (one with TLS from a private CA, a KMS key), with
// its proxy's logs and access logs, next to a port range; a client enabled with
// `enableServiceConnect()`; a service in a namespace named by the configuration.
const cdk = require('aws-cdk-lib');
const ecs = require('aws-cdk-lib/aws-ecs');
const kms = require('aws-cdk-lib/aws-kms');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const stack = new cdk.Stack(app, 'ServiceConnect');
const cluster = new ecs.Cluster(stack, 'Cluster', {
  defaultCloudMapNamespace: { name: 'app.local', useForServiceConnect: true },
});
const key = new kms.Key(stack, 'TlsKey');

const serverTask = new ecs.FargateTaskDefinition(stack, 'ServerTask', { cpu: 256, memoryLimitMiB: 512 });
serverTask.addContainer('api', {
  image,
  portMappings: [
    { containerPort: 8080, name: 'api', appProtocol: ecs.AppProtocol.http },
    { containerPort: 9090, name: 'grpc', appProtocol: ecs.AppProtocol.grpc },
    { containerPort: ecs.ContainerDefinition.CONTAINER_PORT_USE_RANGE, containerPortRange: '10000-10010' },
  ],
});
new ecs.FargateService(stack, 'Server', {
  cluster,
  taskDefinition: serverTask,
  minHealthyPercent: 100,
  serviceConnectConfiguration: {
    services: [
      {
        portMappingName: 'api',
        dnsName: 'api.internal',
        port: 80,
        idleTimeout: cdk.Duration.seconds(30),
        perRequestTimeout: cdk.Duration.seconds(10),
      },
      {
        portMappingName: 'grpc',
        discoveryName: 'grpc-api',
        ingressPortOverride: 19090,
        tls: {
          awsPcaAuthorityArn: 'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/ca',
          kmsKey: key,
        },
      },
    ],
    logDriver: ecs.LogDrivers.awsLogs({ streamPrefix: 'service-connect' }),
    accessLogConfiguration: { format: ecs.ServiceConnectAccessLogFormat.JSON, includeQueryParameters: true },
  },
});

const clientTask = new ecs.FargateTaskDefinition(stack, 'ClientTask', { cpu: 256, memoryLimitMiB: 512 });
clientTask.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });
const client = new ecs.FargateService(stack, 'Client', { cluster, taskDefinition: clientTask, minHealthyPercent: 100 });
client.enableServiceConnect();

const otherTask = new ecs.FargateTaskDefinition(stack, 'OtherTask', { cpu: 256, memoryLimitMiB: 512 });
otherTask.addContainer('worker', { image, portMappings: [{ containerPort: 7000, name: 'jobs' }] });
new ecs.FargateService(stack, 'Other', {
  cluster,
  taskDefinition: otherTask,
  minHealthyPercent: 100,
  serviceConnectConfiguration: { namespace: 'other.local', services: [{ portMappingName: 'jobs' }] },
});
app.synth();
