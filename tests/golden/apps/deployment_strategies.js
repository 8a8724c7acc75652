// Our own CDK app: ECS-native deployment strategies. A blue/green service behind a production
// and a test listener rule, its alternate target group reached through the role the alternate
// target creates, with a bake time and lifecycle hooks on an existing function; a linear and a
// canary service with their traffic shift steps.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const lambda = require('aws-cdk-lib/aws-lambda');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'DeploymentStrategies');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
const taskDefinition = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
taskDefinition.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  portMappings: [{ containerPort: 80 }],
});

const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
// Listeners of their own (as a stack's `listener` items are), each with a rule to the blue group.
const production = new elbv2.ApplicationListener(stack, 'Production', {
  loadBalancer: lb,
  port: 80,
  defaultAction: elbv2.ListenerAction.fixedResponse(404),
});
const test = new elbv2.ApplicationListener(stack, 'Test', {
  loadBalancer: lb,
  port: 8080,
  defaultAction: elbv2.ListenerAction.fixedResponse(404),
});
const blue = new elbv2.ApplicationTargetGroup(stack, 'Blue', {
  vpc, port: 80, targetType: elbv2.TargetType.IP,
});
const green = new elbv2.ApplicationTargetGroup(stack, 'Green', {
  vpc, port: 80, targetType: elbv2.TargetType.IP,
});
const productionRule = new elbv2.ApplicationListenerRule(stack, 'ProductionRule', {
  listener: production,
  priority: 1,
  conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
  action: elbv2.ListenerAction.forward([blue]),
});
const testRule = new elbv2.ApplicationListenerRule(stack, 'TestRule', {
  listener: test,
  priority: 1,
  conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
  action: elbv2.ListenerAction.forward([blue]),
});

const hook = lambda.Function.fromFunctionAttributes(stack, 'Hook', {
  functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:deployment-check',
  sameEnvironment: true,
});
const web = new ecs.FargateService(stack, 'Web', {
  cluster,
  taskDefinition,
  minHealthyPercent: 100,
  deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN,
  bakeTime: cdk.Duration.minutes(5),
  lifecycleHooks: [
    new ecs.DeploymentLifecycleLambdaTarget(hook, 'Check', {
      lifecycleStages: [
        ecs.DeploymentLifecycleStage.PRE_SCALE_UP,
        ecs.DeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT,
      ],
    }),
  ],
});
web.loadBalancerTarget({
  containerName: 'web',
  containerPort: 80,
  alternateTarget: new ecs.AlternateTarget('Alternate', {
    alternateTargetGroup: green,
    productionListener: ecs.ListenerRuleConfiguration.applicationListenerRule(productionRule),
    testListener: ecs.ListenerRuleConfiguration.applicationListenerRule(testRule),
  }),
}).attachToApplicationTargetGroup(blue);

new ecs.FargateService(stack, 'Linear', {
  cluster,
  taskDefinition,
  minHealthyPercent: 100,
  deploymentStrategy: ecs.DeploymentStrategy.LINEAR,
  linearConfiguration: { stepPercent: 12.5, stepBakeTime: cdk.Duration.minutes(2) },
});
new ecs.FargateService(stack, 'Canary', {
  cluster,
  taskDefinition,
  minHealthyPercent: 100,
  deploymentStrategy: ecs.DeploymentStrategy.CANARY,
  canaryConfiguration: { stepPercent: 5, stepBakeTime: cdk.Duration.minutes(10) },
  bakeTime: cdk.Duration.minutes(15),
});
app.synth();
