// The nearest valid configurations of E1 (memory reservation only), S2 (one essential container
// among non-essential ones) and S3 (a daemon service needs no capacity), with bridge networking.
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
            ec2_service Agent { cluster: Empty, task_definition: TaskDef, daemon: true }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
