// Our own CDK app: a cluster with managed storage keys (the Fargate ephemeral storage key's
// policy statements) and capacity created with it.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const kms = require('aws-cdk-lib/aws-kms');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');
const app = new cdk.App({ outdir: process.env.CDK_OUTDIR, context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS } });
const stack = new cdk.Stack(app, "ClusterStorage");
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const key = new kms.Key(stack, 'Key');
const storage = new kms.Key(stack, 'StorageKey');
new ecs.Cluster(stack, 'Cluster', { vpc, managedStorageConfiguration: { fargateEphemeralStorageKmsKey: key, kmsKey: storage },
  capacity: { instanceType: new ec2.InstanceType('t3.small'), maxCapacity: 1 } });
app.synth();
