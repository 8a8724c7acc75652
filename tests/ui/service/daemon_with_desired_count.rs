// S4: a daemon service takes no desired count; reported on `desired_count`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc, add_capacity Capacity { instance_type: "t3.large" } }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    port_mappings: [{ container_port: 80, host_port: 80 }],
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef, daemon: true, desired_count: 2 }
        }
    };
    let _ = app;
}
