// Our own CDK app: CloudFormation values in string properties — parameters, attributes, joins
// and substitutions as a cluster name, a task family, an image, a log stream prefix, a service
// name, environment values with text around them, output values and export names.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const sqs = require('aws-cdk-lib/aws-sqs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'StringTokens');
const stage = new cdk.CfnParameter(stack, 'Stage', { type: 'String', default: 'dev', description: 'deployment stage' });
const image = new cdk.CfnParameter(stack, 'Image', { type: 'String' });
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, clusterName: `${stage.valueAsString}-cluster` });
const queue = new sqs.Queue(stack, 'Jobs');
const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', {
  cpu: 256,
  memoryLimitMiB: 512,
  family: `${stage.valueAsString}-web`,
});
td.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry(image.valueAsString),
  environment: { QUEUE: `url=${queue.queueUrl}`, STAGE: stage.valueAsString },
  logging: ecs.LogDrivers.awsLogs({ streamPrefix: stage.valueAsString }),
});
new ecs.FargateService(stack, 'Service', {
  cluster,
  taskDefinition: td,
  minHealthyPercent: 100,
  serviceName: cdk.Fn.join('-', [stage.valueAsString, 'web']),
});
new cdk.CfnOutput(stack, 'Endpoint', {
  value: cdk.Fn.join('', ['https://', queue.queueName, '.', stage.valueAsString]),
  exportName: `${stage.valueAsString}-endpoint`,
});
new cdk.CfnOutput(stack, 'Named', { value: cdk.Fn.sub('${AWS::StackName}-${Stage}') });
app.synth();
