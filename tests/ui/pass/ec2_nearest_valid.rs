// The nearest valid configurations of E1 (memory reservation only), S2 (one essential container
// among non-essential ones), S3 (a daemon service needs no capacity) and S5 (a daemon takes
// placement constraints, not strategies), with bridge networking.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Ec2 {
            cluster Cluster {
                add_capacity Capacity { instance_type: "t3.medium", min_capacity: 1, max_capacity: 4 }
            }
            cluster Empty {}
            ec2_task_definition TaskDef {
                network_mode: NetworkMode::Bridge,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_reservation_mib: 256,
                    port_mappings: [{ container_port: 80, host_port: 0 }],
                }
                container sidecar {
                    image: ContainerImage::from_registry("busybox"),
                    memory_limit_mib: 128,
                    cpu: 64,
                    essential: false,
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef, desired_count: 3 }
            ec2_service Agent {
                cluster: Empty,
                task_definition: TaskDef,
                daemon: true,
                placement_constraints: [PlacementConstraint::member_of("attribute:ecs.os-type == linux")],
            }
            ec2_service Spread {
                cluster: Cluster,
                task_definition: TaskDef,
                placement_strategies: [PlacementStrategy::spread_across_instances()],
            }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
