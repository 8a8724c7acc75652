// Our own CDK app: container restart policies (on with ignored exit codes and an attempt
// period, on by default when a setting is given, off) and gMSA credential specs from a bucket
// and from an SSM parameter, domain-joined and domainless.
const cdk = require('aws-cdk-lib');
const ecs = require('aws-cdk-lib/aws-ecs');
const s3 = require('aws-cdk-lib/aws-s3');
const ssm = require('aws-cdk-lib/aws-ssm');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const stack = new cdk.Stack(app, 'ContainerRestart');
const specs = new s3.Bucket(stack, 'Specs');
const spec = new ssm.StringParameter(stack, 'Spec', { parameterName: '/gmsa/spec', stringValue: '{}' });
const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 512, memoryLimitMiB: 1024 });
td.addContainer('web', {
  image,
  enableRestartPolicy: true,
  restartIgnoredExitCodes: [0, 127],
  restartAttemptPeriod: cdk.Duration.seconds(360),
});
td.addContainer('worker', { image, essential: false, restartAttemptPeriod: cdk.Duration.minutes(2) });
td.addContainer('batch', { image, essential: false, enableRestartPolicy: false });
const ec2td = new ecs.Ec2TaskDefinition(stack, 'Windows');
ec2td.addContainer('joined', {
  image,
  memoryLimitMiB: 512,
  credentialSpecs: [ecs.DomainJoinedCredentialSpec.fromS3Bucket(specs, 'joined.json')],
});
ec2td.addContainer('domainless', {
  image,
  memoryLimitMiB: 512,
  essential: false,
  credentialSpecs: [ecs.DomainlessCredentialSpec.fromSsmParameter(spec)],
});
app.synth();
