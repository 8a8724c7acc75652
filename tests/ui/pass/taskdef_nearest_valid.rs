// The nearest valid neighbours of the task-definition rules (F3, F4, E2, G2, G3, G5, L3, X1, X2):
// Fargate with SYS_PTRACE and an EFS volume, EC2 with host volumes, accelerators and privileged
// containers, containers naming each other, External in host mode, health checks at the bounds,
// 100 variables.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition Fargate {
                cpu: 256,
                memory_limit_mib: 512,
                volumes: [Volume::efs("data", EfsVolumeConfiguration::new("fs-1"))],
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    privileged: false,
                    linux_parameters: LinuxParameters::default().add_capabilities(["SYS_PTRACE"]),
                    port_mappings: [{ container_port: 80, host_port: 80 }],
                    health_check: HealthCheck::default()
                        .command(["curl -f http://localhost/ || exit 1"])
                        .interval(Duration::seconds(5))
                        .timeout(Duration::seconds(2)),
                }
            }
            ec2_task_definition Ec2 {
                volumes: [Volume::host("logs", "/var/log")],
                placement_constraints: [PlacementConstraint::member_of("attribute:ecs.instance-type =~ t3.*")],
                inference_accelerators: [InferenceAccelerator::new("device1", "eia2.medium")],
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    memory_reservation_mib: 512,
                    privileged: true,
                    inference_accelerator_resources: ["device1"],
                    port_mappings: [{ container_port: 80, host_port: 8080 }],
                    health_check: HealthCheck::default()
                        .command(["CMD", "true"])
                        .interval(Duration::minutes(5))
                        .timeout(Duration::seconds(120)),
                }
            }
            // Links, dependencies and `volumes_from` name containers declared before or after,
            // by `container_name` where one is given; a link may carry an alias.
            ec2_task_definition Linked {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    links: ["redis:cache", "storage"],
                    container_dependencies: [
                        ContainerDependency::new("redis").condition(ContainerDependencyCondition::Start),
                    ],
                    volumes_from: [VolumeFrom::new("storage", true)],
                }
                container redis { image: ContainerImage::from_registry("redis"), memory_limit_mib: 256 }
                container data {
                    image: ContainerImage::from_registry("busybox"),
                    memory_limit_mib: 128,
                    container_name: "storage",
                }
            }
            external_task_definition External {
                network_mode: Host,
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
            task_definition Both {
                compatibility: Ec2AndFargate,
                cpu: "256",
                memory_mib: "512",
                network_mode: AwsVpc,
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
            // G8: `pid_mode: Task` on Linux with the family stated; `ipc_mode` on EC2.
            fargate_task_definition Namespaces {
                cpu: 256,
                memory_limit_mib: 512,
                runtime_platform: RuntimePlatform::default()
                    .operating_system_family(OperatingSystemFamily::Linux),
                pid_mode: Task,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            // F2 on Windows: 1 vCPU with 1 GiB, which Linux does not offer.
            fargate_task_definition Windows {
                cpu: 1024,
                memory_limit_mib: 1024,
                runtime_platform: RuntimePlatform::default()
                    .operating_system_family(OperatingSystemFamily::WindowsServer2022Core),
                container web { image: ContainerImage::from_registry("mcr.microsoft.com/windows/servercore:ltsc2022") }
            }
            // L4: port mapping names unique across containers.
            fargate_task_definition Named {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [{ container_port: 80, name: "http" }],
                }
                container admin {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [{ container_port: 8080, name: "admin" }],
                }
            }
            ec2_task_definition Ipc {
                ipc_mode: Host,
                pid_mode: Host,
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
        }
    };
    assert!(app.is_ok(), "{:?}", app.err());
}
