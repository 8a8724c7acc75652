// Our own CDK app: existing services and load balancers. Services imported by ARN (both ARN
// formats, and an ARN that is a parameter), by name and cluster, and with the cluster taken
// from the ARN; an existing application load balancer given a new listener with targets; an
// existing listener forwarding through a rule to a target group of a new service.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const stack = new cdk.Stack(app, 'ImportsServices');
const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  privateSubnetIds: ['subnet-0b000001', 'subnet-0b000002'],
  publicSubnetIds: ['subnet-0a000001', 'subnet-0a000002'],
});
const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'shared', vpc });

// Services known by ARN or name.
const arnParam = new cdk.CfnParameter(stack, 'ServiceArn', { type: 'String' });
const imported = {
  Web: ecs.FargateService.fromFargateServiceArn(stack, 'Web',
    'arn:aws:ecs:us-east-1:123456789012:service/shared/web'),
  Api: ecs.FargateService.fromFargateServiceAttributes(stack, 'Api', { cluster, serviceName: 'api' }),
  Old: ecs.Ec2Service.fromEc2ServiceArn(stack, 'Old', 'arn:aws:ecs:us-east-1:123456789012:service/old'),
  Batch: ecs.BaseService.fromServiceArnWithCluster(stack, 'Batch',
    'arn:aws:ecs:us-west-2:210987654321:service/jobs/batch'),
  Worker: ecs.Ec2Service.fromEc2ServiceAttributes(stack, 'Worker', {
    cluster, serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/shared/worker',
  }),
  Param: ecs.FargateService.fromFargateServiceArn(stack, 'Param', arnParam.valueAsString),
};
for (const [name, service] of Object.entries(imported)) {
  new cdk.CfnOutput(stack, `${name}Name`, { value: service.serviceName });
  new cdk.CfnOutput(stack, `${name}Arn`, { value: service.serviceArn });
}
new cdk.CfnOutput(stack, 'BatchClusterName', { value: imported.Batch.cluster.clusterName });
new cdk.CfnOutput(stack, 'BatchClusterArnOut', { value: imported.Batch.cluster.clusterArn });

const taskDefinition = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
taskDefinition.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('nginx'),
  portMappings: [{ containerPort: 80 }],
});

// An existing load balancer: a new listener with a new service behind it.
const lb = elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(stack, 'Lb', {
  loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/0123456789abcdef',
  securityGroupId: 'sg-0c0ffee0000000001',
  loadBalancerDnsName: 'shared-1234567890.us-east-1.elb.amazonaws.com',
  vpc,
});
const front = new ecs.FargateService(stack, 'Front', { cluster, taskDefinition, minHealthyPercent: 100 });
const http = lb.addListener('Http', { port: 8080, protocol: elbv2.ApplicationProtocol.HTTP });
http.addTargets('Front', { port: 80, targets: [front] });
// Two groups behind one rule of the new listener: a weighted forward.
const blue = new elbv2.ApplicationTargetGroup(stack, 'Blue', { vpc, port: 80 });
const green = new elbv2.ApplicationTargetGroup(stack, 'Green', { vpc, port: 80 });
http.addTargetGroups('Split', {
  targetGroups: [blue, green],
  priority: 5,
  conditions: [elbv2.ListenerCondition.hostHeaders(['split.example.com'])],
});
new cdk.CfnOutput(stack, 'LbDns', { value: lb.loadBalancerDnsName });

// An existing listener: a rule forwarding to a group of a new service.
const listenerSg = ec2.SecurityGroup.fromSecurityGroupId(stack, 'ListenerSg', 'sg-0c0ffee0000000002');
const listener = elbv2.ApplicationListener.fromApplicationListenerAttributes(stack, 'Listener', {
  listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/0123456789abcdef/fedcba9876543210',
  securityGroup: listenerSg,
  defaultPort: 443,
});
const back = new ecs.FargateService(stack, 'Back', { cluster, taskDefinition, minHealthyPercent: 100 });
const group = new elbv2.ApplicationTargetGroup(stack, 'BackGroup', { vpc, port: 80, targets: [back] });
listener.addTargetGroups('Back', {
  targetGroups: [group],
  priority: 10,
  conditions: [elbv2.ListenerCondition.pathPatterns(['/back/*'])],
});
app.synth();
