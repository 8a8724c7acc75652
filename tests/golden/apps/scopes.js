// Our own CDK app: plain construct scopes as `ecs_app!` writes them (`scope Api { … }`),
// nested, one named like its child, tagged, with an output inside.
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
const stack = new cdk.Stack(app, 'Scopes');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const api = new Construct(stack, 'Api');
cdk.Tags.of(api).add('team', 'api');
const cluster = new ecs.Cluster(api, 'Cluster', { vpc });
const td = new ecs.FargateTaskDefinition(api, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
td.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });
const service = new ecs.FargateService(api, 'Service', { cluster, taskDefinition: td, minHealthyPercent: 100 });
new cdk.CfnOutput(api, 'ServiceName', { value: service.serviceName });
const jobs = new Construct(api, 'Jobs');
new ecs.FargateTaskDefinition(jobs, 'Jobs', { cpu: 256, memoryLimitMiB: 512 }).addContainer('job', { image });
app.synth();
