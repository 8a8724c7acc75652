// Our own CDK app: cluster settings (Container Insights, classic and V2).
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'ClusterSettings');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
new ecs.Cluster(stack, 'Insights', { vpc, containerInsights: true });
new ecs.Cluster(stack, 'NoInsights', { vpc, containerInsights: false });
new ecs.Cluster(stack, 'Enhanced', { vpc, containerInsightsV2: ecs.ContainerInsights.ENHANCED });
new ecs.Cluster(stack, 'V2Disabled', { vpc, containerInsightsV2: ecs.ContainerInsights.DISABLED });
new ecs.Cluster(stack, 'Plain', { vpc });
app.synth();
