// Our own CDK app: container and task-definition options the oracle apps do not exercise
// (one theme per stack), so the golden tests check how each option renders.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const ecr = require('aws-cdk-lib/aws-ecr');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const { NEW_PROJECT_DEFAULT_CONTEXT, CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR,
  context: { ...NEW_PROJECT_DEFAULT_CONTEXT, ...CURRENTLY_RECOMMENDED_FLAGS },
});
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

{
  // Linux parameters, ulimits, labels, DNS, hosts, sysctls, timeouts and the plain options.
  const stack = new cdk.Stack(app, 'LinuxOptions');
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef');
  const linuxParameters = new ecs.LinuxParameters(stack, 'LinuxParameters', {
    initProcessEnabled: true,
    sharedMemorySize: 256,
    maxSwap: cdk.Size.mebibytes(512),
    swappiness: 30,
  });
  linuxParameters.addCapabilities(ecs.Capability.NET_ADMIN, ecs.Capability.SYS_TIME);
  linuxParameters.dropCapabilities(ecs.Capability.MKNOD);
  linuxParameters.addDevices(
    { hostPath: '/dev/fuse' },
    { hostPath: '/dev/sda', containerPath: '/dev/xvda', permissions: [ecs.DevicePermission.READ, ecs.DevicePermission.WRITE] },
  );
  linuxParameters.addTmpfs({ containerPath: '/tmp', size: 64, mountOptions: [ecs.TmpfsMountOption.RW, ecs.TmpfsMountOption.NOEXEC] });
  td.addContainer('app', {
    image,
    memoryLimitMiB: 512,
    linuxParameters,
    ulimits: [{ name: ecs.UlimitName.NOFILE, softLimit: 1024, hardLimit: 4096 }],
    dockerLabels: { team: 'web', 'com.example.tier': 'front' },
    dockerSecurityOptions: ['no-new-privileges'],
    dnsServers: ['10.0.0.2', '8.8.8.8'],
    dnsSearchDomains: ['example.internal'],
    extraHosts: { db: '10.0.0.10', cache: '10.0.0.11' },
    systemControls: [{ namespace: 'net.core.somaxconn', value: '1024' }],
    startTimeout: cdk.Duration.seconds(60),
    stopTimeout: cdk.Duration.minutes(1),
    workingDirectory: '/srv',
    user: 'nginx',
    hostname: 'web',
    readonlyRootFilesystem: true,
    privileged: true,
    disableNetworking: false,
    interactive: true,
    pseudoTerminal: true,
    entryPoint: ['/docker-entrypoint.sh'],
    command: ['nginx', '-g', 'daemon off;'],
    gpuCount: 1,
  });
  // Linux parameters with only the init process: no capability added or dropped.
  const initOnly = new ecs.LinuxParameters(stack, 'InitOnly', { initProcessEnabled: true });
  td.addContainer('init', { image, memoryLimitMiB: 128, essential: false, linuxParameters: initOnly });
}

{
  // Health checks, dependencies, links, volumes (host, Docker), mounts, IPC/PID, placement.
  const stack = new cdk.Stack(app, 'HealthAndVolumes');
  const td = new ecs.Ec2TaskDefinition(stack, 'TaskDef', {
    networkMode: ecs.NetworkMode.BRIDGE,
    ipcMode: ecs.IpcMode.HOST,
    pidMode: ecs.PidMode.TASK,
    placementConstraints: [ecs.PlacementConstraint.memberOf('attribute:ecs.instance-type =~ t3.*')],
    volumes: [
      { name: 'logs', host: { sourcePath: '/var/log/app' } },
      { name: 'scratch' },
      {
        name: 'shared',
        dockerVolumeConfiguration: {
          driver: 'local',
          scope: ecs.Scope.SHARED,
          autoprovision: true,
          driverOpts: { type: 'tmpfs', device: 'tmpfs' },
          labels: { owner: 'web' },
        },
      },
      { name: 'task', dockerVolumeConfiguration: { driver: 'local', scope: ecs.Scope.TASK } },
    ],
  });
  const db = td.addContainer('db', {
    image,
    memoryLimitMiB: 256,
    healthCheck: { command: ['pg_isready'] },
  });
  const init = td.addContainer('init', {
    image,
    memoryLimitMiB: 128,
    essential: false,
    healthCheck: {
      command: ['CMD', 'test', '-f', '/ready'],
      interval: cdk.Duration.seconds(10),
      retries: 5,
      startPeriod: cdk.Duration.seconds(20),
      timeout: cdk.Duration.seconds(4),
    },
  });
  const web = td.addContainer('web', {
    image,
    memoryLimitMiB: 256,
    healthCheck: { command: ['curl', '-f', 'http://localhost/'] },
    portMappings: [{ containerPort: 80 }],
  });
  web.addLink(db);
  web.addLink(init, 'setup');
  web.addContainerDependencies(
    { container: db },
    { container: init, condition: ecs.ContainerDependencyCondition.SUCCESS },
  );
  web.addMountPoints(
    { sourceVolume: 'logs', containerPath: '/var/log/nginx', readOnly: false },
    { sourceVolume: 'shared', containerPath: '/shared', readOnly: true },
  );
  web.addVolumesFrom({ sourceContainer: 'db', readOnly: true });
  td.addPlacementConstraint(ecs.PlacementConstraint.memberOf('attribute:ecs.os-type == linux'));
}

{
  // Fargate: ephemeral storage, runtime platform, PID mode, secret versions, ECR by digest,
  // registry credentials.
  const stack = new cdk.Stack(app, 'FargateOptions');
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', {
    cpu: 1024,
    memoryLimitMiB: 2048,
    ephemeralStorageGiB: 40,
    pidMode: ecs.PidMode.TASK,
    runtimePlatform: {
      cpuArchitecture: ecs.CpuArchitecture.ARM64,
      operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
    },
    family: 'options',
  });
  const secret = new secretsmanager.Secret(stack, 'Db');
  const creds = new secretsmanager.Secret(stack, 'RegistryCreds');
  const repo = new ecr.Repository(stack, 'Repo');
  td.addContainer('app', {
    image: ecs.ContainerImage.fromEcrRepository(repo, 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
    secrets: {
      PREVIOUS: ecs.Secret.fromSecretsManagerVersion(secret, { versionStage: 'AWSPREVIOUS' }),
      PINNED_FIELD: ecs.Secret.fromSecretsManagerVersion(secret, { versionId: 'v-123' }, 'password'),
    },
    readonlyRootFilesystem: true,
  });
  td.addContainer('private', {
    image: ecs.ContainerImage.fromRegistry('registry.example.com/app:1.0', { credentials: creds }),
    essential: false,
    linuxParameters: new ecs.LinuxParameters(stack, 'Ptrace', { initProcessEnabled: true }),
  });
}

app.synth();
