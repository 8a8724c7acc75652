// The synthesis benchmark's app (../shared/oracle/bench/app.js) at N = 10, writing to
// $CDK_OUTDIR: the golden reference proving our benchmark (benches/synth.rs) does the CDK's work.
// Same constructs, ids and props as the oracle's bench app; only N and the outdir are fixed here.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const n = 10;
const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: {
    ...NEW_PROJECT_DEFAULT_CONTEXT,
    ...CURRENTLY_RECOMMENDED_FLAGS,
    '@aws-cdk/core:stackResourceLimit': 1000000,
  },
});
const stack = new cdk.Stack(app, `Bench${n}`);
cdk.Validations.of(stack).acknowledge({
  id: 'CloudFormation-Validate::F0007',
  reason: 'synth benchmark: more than 500 resources on purpose',
});
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const lb = new elbv2.ApplicationLoadBalancer(stack, 'LB', { vpc, internetFacing: true });
const listener = lb.addListener('Listener', {
  port: 80,
  defaultAction: elbv2.ListenerAction.fixedResponse(404),
});

for (let i = 0; i < n; i++) {
  const taskDefinition = new ecs.FargateTaskDefinition(stack, `Svc${i}TaskDef`);
  taskDefinition.addContainer('app', {
    image: ecs.ContainerImage.fromRegistry('amazon/amazon-ecs-sample'),
    portMappings: [{ containerPort: 80 }],
    logging: ecs.LogDrivers.awsLogs({ streamPrefix: `svc${i}` }),
  });
  const service = new ecs.FargateService(stack, `Svc${i}Service`, {
    cluster,
    taskDefinition,
    minHealthyPercent: 100,
    circuitBreaker: { rollback: true },
  });
  listener.addTargets(`Svc${i}`, {
    port: 80,
    priority: i + 1,
    conditions: [elbv2.ListenerCondition.pathPatterns([`/svc${i}/*`])],
    targets: [service],
  });
}
app.synth();
