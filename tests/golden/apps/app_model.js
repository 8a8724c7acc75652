// Our own CDK app: the app model around ECS constructs — stack properties, tags at every level
// with their priorities and removals, plain construct scopes, escape hatches.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const { Construct } = require('constructs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
cdk.Tags.of(app).add('org', 'acme');

const stack = new cdk.Stack(app, 'AppModel', {
  stackName: 'acme-app-model',
  description: 'ECS constructs in the CDK app model',
  terminationProtection: true,
  tags: { 'cost-center': '42' },
});
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
// A plain scope holding a cluster, a task definition and a service.
const api = new Construct(stack, 'Api');
const cluster = new ecs.Cluster(api, 'Cluster', { vpc });
const td = new ecs.FargateTaskDefinition(api, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });
const service = new ecs.FargateService(api, 'Service', { cluster, taskDefinition: td, minHealthyPercent: 100 });
service.autoScaleTaskCount({ maxCapacity: 4 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 50 });
// Nested scopes, and a scope named like its child (the CDK drops the repeated part).
const jobs = new Construct(api, 'Jobs');
new ecs.FargateTaskDefinition(jobs, 'Jobs', { cpu: 256, memoryLimitMiB: 512 })
  .addContainer('job', { image });

cdk.Tags.of(stack).add('stage', 'prod');
cdk.Tags.of(api).add('team', 'api');
cdk.Tags.of(service).add('tier', 'frontend');
// A lower priority loses to the app's tag; a higher one wins.
cdk.Tags.of(cluster).add('org', 'acme-low', { priority: 50 });
cdk.Tags.of(td).add('org', 'acme-high', { priority: 300 });
// Only some resource types; and a removal under a scope.
cdk.Tags.of(api).add('backup', 'daily', { includeResourceTypes: ['AWS::ECS::TaskDefinition'] });
cdk.Tags.of(jobs).remove('team');
// Escape hatches on the service's resource.
const cfnService = service.node.defaultChild;
cfnService.addPropertyOverride('EnableECSManagedTags', false);
cfnService.addOverride('UpdateReplacePolicy', 'Retain');
cfnService.addOverride('DeletionPolicy', 'Retain');
cfnService.addPropertyDeletionOverride('NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp');
app.synth();
