// Our own CDK app: the multiple-target-groups patterns with what the README's samples leave
// out — the default load balancer and target group, containerPorts, hostHeader rules, UDP
// mappings, an internal load balancer, listener ports, an NLB domain record, task and
// execution roles, family, docker labels, environment, desiredCount, serviceName,
// healthCheckGracePeriod, propagateTags, enableECSManagedTags, placement (EC2) and the NLB
// Fargate circuit breaker.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const iam = require('aws-cdk-lib/aws-iam');
const route53 = require('aws-cdk-lib/aws-route53');
const ecsPatterns = require('aws-cdk-lib/aws-ecs-patterns');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'MultipleTargetGroups');
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
cluster.addCapacity('Capacity', { instanceType: new ec2.InstanceType('t3.medium'), maxCapacity: 2 });
const taskRole = new iam.Role(stack, 'TaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });

// The defaults: `LB`, `PublicListener`, the target group `ECS` on the first container port.
new ecsPatterns.ApplicationMultipleTargetGroupsFargateService(stack, 'Defaults', {
  cluster,
  taskImageOptions: { image, containerPorts: [8080, 8081], family: 'defaults', dockerLabels: { team: 'web' } },
  desiredCount: 2,
  serviceName: 'defaults',
  healthCheckGracePeriod: cdk.Duration.seconds(120),
  propagateTags: ecs.PropagatedTagSource.SERVICE,
  enableECSManagedTags: true,
});

// Host rules, an internal load balancer with two listeners, a UDP mapping, placement.
new ecsPatterns.ApplicationMultipleTargetGroupsEc2Service(stack, 'Hosts', {
  cluster,
  memoryReservationMiB: 256,
  cpu: 128,
  taskImageOptions: {
    image,
    containerName: 'api',
    taskRole,
    environment: { STAGE: 'prod' },
  },
  loadBalancers: [{
    name: 'internal',
    publicLoadBalancer: false,
    listeners: [{ name: 'http' }, { name: 'admin', port: 8080 }],
  }],
  targetGroups: [
    { containerPort: 80, listener: 'http' },
    { containerPort: 81, listener: 'http', hostHeader: 'api.example.com', priority: 5 },
    { containerPort: 83, listener: 'admin' },
    { containerPort: 82, listener: 'admin', hostHeader: 'admin.example.com', pathPattern: '/admin/*', priority: 1 },
  ],
  placementStrategies: [ecs.PlacementStrategy.spreadAcrossInstances()],
});

// The network patterns' defaults, a listener port and a record in an imported zone.
new ecsPatterns.NetworkMultipleTargetGroupsFargateService(stack, 'Tcp', {
  cluster,
  taskImageOptions: { image, enableLogging: false },
  circuitBreaker: { rollback: true },
});
new ecsPatterns.NetworkMultipleTargetGroupsEc2Service(stack, 'TcpEc2', {
  cluster,
  memoryLimitMiB: 512,
  taskImageOptions: { image, containerPorts: [7000] },
  loadBalancers: [{
    name: 'nlb',
    listeners: [{ name: 'tcp', port: 7000 }],
    domainName: 'tcp',
    domainZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z23ABC4XYZL05B', zoneName: 'example.com' }),
  }],
  targetGroups: [{ containerPort: 7000, listener: 'tcp' }],
});
app.synth();
