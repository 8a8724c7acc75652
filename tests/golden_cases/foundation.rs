//! Clusters, VPCs and the cloud assembly: options and combinations beyond the README's samples,
//! and synthesis giving the same bytes twice.

use crate::support::{ScratchDir, assert_stacks_match_cdk};

/// Options and combinations beyond the README's samples, against our own CDK app
/// `tests/golden/apps/variations.js`.
#[test]
fn variations_match_the_cdk() {
    use ecs_app::prelude::*;
    let app = ecs_app! {
        stack NatOne {
            vpc Network { max_azs: 2, nat_gateways: 1 }
            cluster Cluster {
                vpc: Network,
                cluster_name: "web",
                add_capacity Capacity { instance_type: "t3.medium", min_capacity: 2, max_capacity: 4 }
            }
            ec2_task_definition TaskDef {
                network_mode: AwsVpc,
                family: "my-family",
                container app {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27"),
                    memory_reservation_mib: 256,
                    cpu: 128,
                    environment: { "STAGE": "prod", "COLOR": "blue" },
                    port_mappings: [8080],
                }
                container sidecar {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27"),
                    memory_limit_mib: 128,
                    essential: false,
                    port_mappings: [{ container_port: 53, protocol: Udp }],
                }
            }
            ec2_service Svc {
                cluster: Cluster,
                task_definition: TaskDef,
                desired_count: 2,
                service_name: "svc",
                min_healthy_percent: 100,
                max_healthy_percent: 150,
            }
        }
        stack SingleAz {
            vpc Vpc { max_azs: 1 }
            cluster Cluster { vpc: Vpc, add_capacity Asg { instance_type: "m5.large" } }
            ec2_task_definition Agent {
                container agent {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27"),
                    memory_limit_mib: 1024,
                    memory_reservation_mib: 512,
                    port_mappings: [{ container_port: 80, host_port: 8080 }, 443],
                }
            }
            ec2_service Daemon { cluster: Cluster, task_definition: Agent, daemon: true }
        }
        stack PublicFargate {
            cluster Cluster {}
            cluster Other {}
            fargate_task_definition Task {
                cpu: 1024,
                memory_limit_mib: 2048,
                container web {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27"),
                    port_mappings: [80],
                }
            }
            fargate_service Web {
                cluster: Cluster,
                task_definition: Task,
                assign_public_ip: true,
                platform_version: "1.4.0",
                desired_count: 1,
            }
        }
        stack NoNat {
            vpc Vpc { nat_gateways: 0 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition Task {
                cpu: 512,
                memory_limit_mib: 1024,
                container web { image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27") }
            }
            fargate_service Web { cluster: Cluster, task_definition: Task }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "variations", 4);
}

#[test]
fn synthesis_is_byte_for_byte_deterministic() {
    let dir = ScratchDir::new("determinism");
    let first = crate::intro_ec2_service::app()
        .unwrap()
        .synth_to(dir.join("a"))
        .unwrap();
    let second = crate::intro_ec2_service::app()
        .unwrap()
        .synth_to(dir.join("b"))
        .unwrap();
    for name in [
        "manifest.json",
        "IntroEc2Service.template.json",
        "IntroEc2Service.assets.json",
    ] {
        let a = std::fs::read(first.dir.join(name)).unwrap();
        let b = std::fs::read(second.dir.join(name)).unwrap();
        assert!(a == b, "{name} differs between two syntheses");
    }
}
