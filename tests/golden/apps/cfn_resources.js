// Our own CDK app: raw L1 resources (`new CfnResource`) beside ECS constructs — several types,
// tokens from an L1 to an L2 and back, a DependsOn, removal policies, an override, and tags
// that the CDK's aspect does not put on a plain CfnResource.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const sqs = require('aws-cdk-lib/aws-sqs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'CfnResources');
cdk.Tags.of(stack).add('team', 'data');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const jobs = new sqs.Queue(stack, 'Jobs');
// An L1 bucket with nested properties and its own tags.
const bucket = new cdk.CfnResource(stack, 'Bucket', {
  type: 'AWS::S3::Bucket',
  properties: {
    BucketName: 'acme-jobs-archive',
    VersioningConfiguration: { Status: 'Enabled' },
    LifecycleConfiguration: { Rules: [{ Id: 'expire', Status: 'Enabled', ExpirationInDays: 30 }] },
    Tags: [{ Key: 'a', Value: 'b' }],
  },
});
bucket.applyRemovalPolicy(cdk.RemovalPolicy.RETAIN);
// An L1 reading an L2's attribute and an L1's Ref and attribute, in a scope.
const scope = new (require('constructs').Construct)(stack, 'Alerts');
const topic = new cdk.CfnResource(scope, 'Topic', {
  type: 'AWS::SNS::Topic',
  properties: { DisplayName: 'jobs', KmsMasterKeyId: 'alias/aws/sns' },
});
const param = new cdk.CfnResource(scope, 'QueueParam', {
  type: 'AWS::SSM::Parameter',
  properties: {
    Type: 'String',
    Value: jobs.queueUrl,
    Description: cdk.Fn.join('', ['archive ', bucket.getAtt('Arn').toString()]),
  },
});
param.addDependency(topic);
param.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);
param.addPropertyOverride('Tier', 'Standard');
new cdk.CfnResource(stack, 'Cleanup', {
  type: 'Custom::Cleanup',
  properties: { ServiceToken: topic.ref, Bucket: bucket.ref, Retries: 3, Ratio: 0.5, Enabled: true },
}).applyRemovalPolicy(cdk.RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
// An L2 reading L1 tokens: a container's environment.
const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  environment: { BUCKET: bucket.ref, TOPIC_NAME: topic.getAtt('TopicName').toString() },
});
new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: td, minHealthyPercent: 100 });
new cdk.CfnOutput(stack, 'BucketArn', { value: bucket.getAtt('Arn').toString() });
app.synth();
