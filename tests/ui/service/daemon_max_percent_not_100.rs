// S4: a daemon service replaces tasks in place, at most 100%; reported on the value.
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
            ec2_service Service { cluster: Cluster, task_definition: TaskDef, daemon: true, max_healthy_percent: 200 }
        }
    };
    let _ = app;
}
