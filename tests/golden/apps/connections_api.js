// Our own CDK app: the connections API between constructs of every kind (services, security
// groups, a load balancer and its listener, a file system, peers), as the CDK places each rule:
// inline on the group for address ranges, a rule resource under a group for groups and prefix
// lists, egress only from groups that do not allow all outbound, duplicates once; and across
// stacks, the rules in the stack whose connections were asked (`Consumer`), so `Conn` never
// depends on it.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const efs = require('aws-cdk-lib/aws-efs');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
function fargate(stack, id, cluster) {
  const td = new ecs.FargateTaskDefinition(stack, `${id}Task`, { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('web', { image, portMappings: [{ containerPort: 8080 }] });
  return new ecs.FargateService(stack, id, { cluster, taskDefinition: td, minHealthyPercent: 100 });
}

const conn = new cdk.Stack(app, 'Conn');
const vpc = new ec2.Vpc(conn, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(conn, 'Cluster', { vpc });
const a = fargate(conn, 'Api', cluster);
const b = fargate(conn, 'Worker', cluster);
const db = new ec2.SecurityGroup(conn, 'Db', { vpc, allowAllOutbound: false });
const alb = new elbv2.ApplicationLoadBalancer(conn, 'ALB', { vpc, internetFacing: true });
const listener = alb.addListener('Http', {
  port: 80,
  open: false,
  defaultAction: elbv2.ListenerAction.fixedResponse(200),
});
const fs = new efs.FileSystem(conn, 'Files', { vpc });

a.connections.allowFrom(b, ec2.Port.tcp(8080));
a.connections.allowTo(db, ec2.Port.tcp(5432), 'to the database');
db.connections.allowFrom(a, ec2.Port.tcp(5432));
a.connections.allowFromAnyIpv4(ec2.Port.tcp(443));
a.connections.allowFrom(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(8080), 'from the vpc');
a.connections.allowFrom(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(8080), 'again');
db.connections.allowInternally(ec2.Port.allTcp());
db.connections.allowFrom(ec2.Peer.prefixList('pl-12345678'), ec2.Port.tcp(5432));
db.connections.allowTo(ec2.Peer.ipv4('10.1.0.0/16'), ec2.Port.udp(53));
db.connections.allowTo(b, ec2.Port.tcp(8080));
fs.connections.allowDefaultPortFrom(b);
b.connections.allowToDefaultPort(listener);
listener.connections.allowDefaultPortFrom(ec2.Peer.ipv4('192.168.0.0/16'));
alb.connections.allowTo(a, ec2.Port.tcp(8080), 'Load balancer to target');

const consumer = new cdk.Stack(app, 'Consumer');
const c = fargate(consumer, 'Reporter', cluster);
c.connections.allowTo(db, ec2.Port.tcp(5432));
c.connections.allowFrom(alb, ec2.Port.tcp(8080));
c.connections.allowToDefaultPort(fs, 'nfs');

app.synth();
