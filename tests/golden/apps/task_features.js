// Our own CDK app: task definitions with fault injection (awsvpc and host network modes) and
// an App Mesh proxy configuration; statements added to the task and execution roles' policies.
const cdk = require('aws-cdk-lib');
const ecs = require('aws-cdk-lib/aws-ecs');
const iam = require('aws-cdk-lib/aws-iam');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const stack = new cdk.Stack(app, 'TaskFeatures');
const mesh = new ecs.FargateTaskDefinition(stack, 'Mesh', {
  cpu: 512,
  memoryLimitMiB: 1024,
  enableFaultInjection: true,
  proxyConfiguration: ecs.ProxyConfigurations.appMeshProxyConfiguration({
    containerName: 'envoy',
    properties: {
      ignoredUID: 1337,
      appPorts: [8080, 8081],
      proxyIngressPort: 15000,
      proxyEgressPort: 15001,
      egressIgnoredIPs: ['169.254.170.2', '169.254.169.254'],
    },
  }),
});
mesh.addContainer('app', { image, portMappings: [{ containerPort: 8080 }] });
mesh.addContainer('envoy', { image, essential: false, user: '1337' });
const host = new ecs.Ec2TaskDefinition(stack, 'Host', { networkMode: ecs.NetworkMode.HOST, enableFaultInjection: true });
host.addContainer('app', { image, memoryLimitMiB: 256 });
mesh.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::assets/*'] }));
host.addToExecutionRolePolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameters'], resources: ['*'] }));
app.synth();
