// F4: fargate tasks cannot be targets of a classic load balancer.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [80],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            classic_load_balancer LB { vpc: Vpc, listeners: [{ external_port: 80 }], targets: [Service] }
        }
    };
    let _ = app;
}
