//! Container and task-definition options the oracle apps do not exercise, against our own CDK
//! app `tests/golden/apps/containers.js` (one theme per stack).

use super::IMAGE;
use crate::support::assert_stacks_match_cdk;
use ecs_app::prelude::*;

#[test]
fn linux_options_match_the_cdk() {
    use ecs_app::ecs::container_options::{Device, LinuxParameters, Tmpfs, Ulimit};
    let app = ecs_app! {
        stack LinuxOptions {
            ec2_task_definition TaskDef {
                container app {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 512,
                    linux_parameters: LinuxParameters::default()
                        .init_process_enabled(true)
                        .shared_memory_size(256)
                        .max_swap(512)
                        .swappiness(30)
                        .add_capabilities(["NET_ADMIN", "SYS_TIME"])
                        .drop_capabilities(["MKNOD"])
                        .add_devices([
                            Device::new("/dev/fuse"),
                            Device::new("/dev/sda").container_path("/dev/xvda").permissions(["read", "write"]),
                        ])
                        .add_tmpfs_mounts([Tmpfs::new("/tmp", 64).mount_options(["rw", "noexec"])]),
                    ulimits: [Ulimit::new("nofile", 1024, 4096)],
                    docker_labels: { "team": "web", "com.example.tier": "front" },
                    docker_security_options: ["no-new-privileges"],
                    dns_servers: ["10.0.0.2", "8.8.8.8"],
                    dns_search_domains: ["example.internal"],
                    extra_hosts: { "db": "10.0.0.10", "cache": "10.0.0.11" },
                    system_controls: { "net.core.somaxconn": "1024" },
                    start_timeout: Duration::seconds(60),
                    stop_timeout: Duration::minutes(1),
                    working_directory: "/srv",
                    user: "nginx",
                    hostname: "web",
                    readonly_root_filesystem: true,
                    privileged: true,
                    disable_networking: false,
                    interactive: true,
                    pseudo_terminal: true,
                    entry_point: ["/docker-entrypoint.sh"],
                    command: ["nginx", "-g", "daemon off;"],
                    gpu_count: 1,
                }
                container init {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 128,
                    essential: false,
                    linux_parameters: LinuxParameters::default().init_process_enabled(true),
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "containers", 1);
}

#[test]
fn health_checks_and_volumes_match_the_cdk() {
    use ecs_app::ecs::container_options::{
        ContainerDependency, ContainerDependencyCondition, HealthCheck,
    };
    use ecs_app::ecs::service::PlacementConstraint;
    use ecs_app::ecs::volume::{DockerVolumeConfiguration, MountPoint, Scope, Volume, VolumeFrom};
    let app = ecs_app! {
        stack HealthAndVolumes {
            ec2_task_definition TaskDef {
                network_mode: Bridge,
                ipc_mode: Host,
                pid_mode: Task,
                placement_constraints: [
                    PlacementConstraint::member_of("attribute:ecs.instance-type =~ t3.*"),
                    PlacementConstraint::member_of("attribute:ecs.os-type == linux"),
                ],
                volumes: [
                    Volume::host("logs", "/var/log/app"),
                    Volume::new("scratch"),
                    Volume::docker(
                        "shared",
                        DockerVolumeConfiguration::new("local", Scope::Shared)
                            .autoprovision(true)
                            .driver_opts([("type", "tmpfs"), ("device", "tmpfs")])
                            .labels([("owner", "web")]),
                    ),
                    Volume::docker("task", DockerVolumeConfiguration::new("local", Scope::Task)),
                ],
                container db {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    health_check: HealthCheck::default().command(["pg_isready"]),
                }
                container init {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 128,
                    essential: false,
                    health_check: HealthCheck::default()
                        .command(["CMD", "test", "-f", "/ready"])
                        .interval(Duration::seconds(10))
                        .retries(5)
                        .start_period(Duration::seconds(20))
                        .timeout(Duration::seconds(4)),
                }
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    health_check: HealthCheck::default().command(["curl", "-f", "http://localhost/"]),
                    port_mappings: [80],
                    links: ["db", "init:setup"],
                    container_dependencies: [
                        ContainerDependency::new("db"),
                        ContainerDependency::new("init").condition(ContainerDependencyCondition::Success),
                    ],
                    mount_points: [
                        MountPoint::new("logs", "/var/log/nginx", false),
                        MountPoint::new("shared", "/shared", true),
                    ],
                    volumes_from: [VolumeFrom::new("db", true)],
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "containers", 1);
}

#[test]
fn fargate_options_match_the_cdk() {
    use ecs_app::ecs::container_options::LinuxParameters;
    use ecs_app::ecs::task_definition::{CpuArchitecture, OperatingSystemFamily, RuntimePlatform};
    let app = ecs_app! {
        stack FargateOptions {
            // Declared before their first use (the macro has no forward references); the
            // resources are the same, in another template order.
            secret Db {}
            secret RegistryCreds {}
            repository Repo {}
            fargate_task_definition TaskDef {
                cpu: 1024,
                memory_limit_mib: 2048,
                ephemeral_storage_gib: 40,
                pid_mode: Task,
                runtime_platform: RuntimePlatform::default()
                    .cpu_architecture(CpuArchitecture::Arm64)
                    .operating_system_family(OperatingSystemFamily::Linux),
                family: "options",
                container app {
                    image: ContainerImage::from_ecr_repository_tag(
                        Repo,
                        "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                    ),
                    secrets: {
                        PREVIOUS: Secret::from_secrets_manager_version(Db, Some("AWSPREVIOUS"), None, None),
                        PINNED_FIELD: Secret::from_secrets_manager_version(Db, None, Some("v-123"), Some("password")),
                    },
                    readonly_root_filesystem: true,
                }
                container private {
                    image: ContainerImage::from_registry_with_credentials("registry.example.com/app:1.0", RegistryCreds),
                    essential: false,
                    linux_parameters: LinuxParameters::default().init_process_enabled(true),
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "containers", 1);
}
