// Our own CDK app: tags and stack properties as `ecs_app!` writes them (`#![tag(…)]` on the
// app and a stack, `#[tag(…)]` / `#[untag(…)]` on constructs, stack props).
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
cdk.Tags.of(app).add('org', 'acme');
const stack = new cdk.Stack(app, 'Tagged', {
  stackName: 'acme-tagged',
  description: 'tags on ECS constructs',
  terminationProtection: true,
  tags: { 'cost-center': '42' },
});
cdk.Tags.of(stack).add('stage', 'prod');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
cdk.Tags.of(vpc).remove('org');
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
cdk.Tags.of(cluster).add('org', 'acme-low', { priority: 50 });
const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });
cdk.Tags.of(td).add('org', 'acme-high', { priority: 300 });
const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: td, minHealthyPercent: 100 });
cdk.Tags.of(service).add('tier', 'frontend');
cdk.Tags.of(service).add('backup', 'daily', { includeResourceTypes: ['AWS::EC2::SecurityGroup'] });
new cdk.CfnOutput(stack, 'ServiceName', { value: service.serviceName, exportName: 'acme-service-name', description: 'the service, for other stacks' });
app.synth();
