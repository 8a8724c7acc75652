// Our own CDK app: service, load-balancer and Cloud Map options the oracle apps do not exercise
// (one theme per stack).
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const cloudmap = require('aws-cdk-lib/aws-servicediscovery');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/abcd-1234';

{
  // EC2 services: placement strategies and constraints, tags, the EXTERNAL controller.
  const stack = new cdk.Stack(app, 'Ec2Placement');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  cluster.addCapacity('Asg', { instanceType: new ec2.InstanceType('t3.large'), maxCapacity: 3 });
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef');
  td.addContainer('web', { image, memoryLimitMiB: 256, portMappings: [{ containerPort: 80 }] });
  new ecs.Ec2Service(stack, 'Placed', {
    cluster,
    taskDefinition: td,
    desiredCount: 3,
    placementStrategies: [
      ecs.PlacementStrategy.spreadAcross(ecs.BuiltInAttributes.AVAILABILITY_ZONE),
      ecs.PlacementStrategy.packedByMemory(),
    ],
    placementConstraints: [
      ecs.PlacementConstraint.distinctInstances(),
      ecs.PlacementConstraint.memberOf('attribute:ecs.instance-type =~ t3.*'),
    ],
    propagateTags: ecs.PropagatedTagSource.SERVICE,
    enableECSManagedTags: true,
  });
  new ecs.Ec2Service(stack, 'Random', {
    cluster,
    taskDefinition: td,
    placementStrategies: [ecs.PlacementStrategy.randomly(), ecs.PlacementStrategy.spreadAcrossInstances()],
    propagateTags: ecs.PropagatedTagSource.TASK_DEFINITION,
  });
  new ecs.Ec2Service(stack, 'External', {
    cluster,
    taskDefinition: td,
    deploymentController: { type: ecs.DeploymentControllerType.EXTERNAL },
  });
}

{
  // Fargate networking: public subnets, explicit security groups, a public IP; CODE_DEPLOY.
  const stack = new cdk.Stack(app, 'FargateNetworking');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const sgA = new ec2.SecurityGroup(stack, 'SgA', { vpc, description: 'first' });
  const sgB = new ec2.SecurityGroup(stack, 'SgB', { vpc, allowAllOutbound: false });
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('web', { image, portMappings: [{ containerPort: 80 }] });
  new ecs.FargateService(stack, 'Public', {
    cluster,
    taskDefinition: td,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    securityGroups: [sgA, sgB],
    assignPublicIp: true,
    enableECSManagedTags: true,
    propagateTags: ecs.PropagatedTagSource.SERVICE,
  });
  const blueGreen = new ecs.FargateService(stack, 'BlueGreen', {
    cluster,
    taskDefinition: td,
    deploymentController: { type: ecs.DeploymentControllerType.CODE_DEPLOY },
    healthCheckGracePeriod: cdk.Duration.seconds(120),
  });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'LB', { vpc, internetFacing: true });
  lb.addListener('Http', { port: 80 }).addTargets('Blue', { port: 80, targets: [blueGreen] });
}

{
  // HTTPS listener with a certificate and policy, target group health check and deregistration.
  const stack = new cdk.Stack(app, 'HttpsAlb');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('web', { image, portMappings: [{ containerPort: 8080 }] });
  const service = new ecs.FargateService(stack, 'Service', {
    cluster,
    taskDefinition: td,
    healthCheckGracePeriod: cdk.Duration.minutes(2),
  });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'LB', { vpc, internetFacing: true });
  const https = lb.addListener('Https', {
    port: 443,
    certificates: [elbv2.ListenerCertificate.fromArn(CERT)],
    sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
  });
  https.addTargets('Web', {
    port: 8080,
    protocol: elbv2.ApplicationProtocol.HTTP,
    targets: [service],
    healthCheck: {
      path: '/health',
      interval: cdk.Duration.seconds(15),
      timeout: cdk.Duration.seconds(5),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 4,
      healthyHttpCodes: '200-299',
    },
    deregistrationDelay: cdk.Duration.seconds(30),
  });
  // An HTTPS listener without a policy gets the flag's default one.
  lb.addListener('Alt', { port: 8443, protocol: elbv2.ApplicationProtocol.HTTPS, certificates: [elbv2.ListenerCertificate.fromArn(CERT)] })
    .addTargets('Alt', { port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, targets: [service] });
}

{
  // NLB listeners in TCP, UDP and TLS.
  const stack = new cdk.Stack(app, 'NlbProtocols');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('dns', {
    image,
    portMappings: [{ containerPort: 53, protocol: ecs.Protocol.UDP }, { containerPort: 8443 }],
  });
  const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: td });
  const nlb = new elbv2.NetworkLoadBalancer(stack, 'NLB', { vpc });
  nlb.addListener('Udp', { port: 53, protocol: elbv2.Protocol.UDP }).addTargets('Dns', {
    port: 53,
    protocol: elbv2.Protocol.UDP,
    targets: [service.loadBalancerTarget({ containerName: 'dns', containerPort: 53, protocol: ecs.Protocol.UDP })],
  });
  nlb.addListener('Tls', { port: 443, protocol: elbv2.Protocol.TLS, certificates: [elbv2.ListenerCertificate.fromArn(CERT)] })
    .addTargets('Tcp', {
      port: 8443,
      protocol: elbv2.Protocol.TCP,
      targets: [service.loadBalancerTarget({ containerName: 'dns', containerPort: 8443 })],
      deregistrationDelay: cdk.Duration.seconds(10),
      healthCheck: { port: '8443', protocol: elbv2.Protocol.TCP, interval: cdk.Duration.seconds(10) },
    });
}

{
  // A cluster's default Cloud Map namespace; A records on awsvpc with a custom health check.
  const stack = new cdk.Stack(app, 'CloudMapA');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'svc.local' } });
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('api', { image, portMappings: [{ containerPort: 8080 }] });
  new ecs.FargateService(stack, 'Api', {
    cluster,
    taskDefinition: td,
    cloudMapOptions: {
      name: 'api',
      dnsRecordType: cloudmap.DnsRecordType.A,
      dnsTtl: cdk.Duration.seconds(30),
      failureThreshold: 2,
    },
  });
  new ecs.FargateService(stack, 'Worker', { cluster, taskDefinition: td, cloudMapOptions: {} });
}

{
  // A circuit breaker, an EC2 service in awsvpc mode, load balancers with names, groups and
  // subnets, a disabled health check, a named target group, an explicit namespace with SRV.
  const stack = new cdk.Stack(app, 'Misc');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  cluster.addCapacity('Asg', { instanceType: new ec2.InstanceType('t3.medium') });
  const ns = new cloudmap.PrivateDnsNamespace(stack, 'Ns', { name: 'corp.local', vpc });
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef', { networkMode: ecs.NetworkMode.AWS_VPC });
  td.addContainer('web', { image, memoryLimitMiB: 256, portMappings: [{ containerPort: 80 }] });
  const service = new ecs.Ec2Service(stack, 'Service', {
    cluster,
    taskDefinition: td,
    circuitBreaker: { rollback: true },
    minHealthyPercent: 0,
    maxHealthyPercent: 100,
    cloudMapOptions: { cloudMapNamespace: ns, dnsRecordType: cloudmap.DnsRecordType.SRV, name: 'web' },
  });
  const lbSg = new ec2.SecurityGroup(stack, 'LbSg', { vpc, allowAllOutbound: false });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'ALB', {
    vpc,
    internetFacing: false,
    loadBalancerName: 'private-alb',
    securityGroup: lbSg,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  });
  alb.addListener('Http', { port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, open: false }).addTargets('Web', {
    port: 80,
    targets: [service],
    targetGroupName: 'web-tg',
    healthCheck: { enabled: true, healthyHttpCodes: '200,301' },
  });
  const nlb = new elbv2.NetworkLoadBalancer(stack, 'NLB', { vpc, internetFacing: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
  nlb.addListener('Tcp', { port: 80 }).addTargets('Web', { port: 80, targets: [service], healthCheck: { enabled: false } });
}

app.synth();
