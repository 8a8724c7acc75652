// X1: an External service cannot be a load balancer target; reported on the service's name in
// `targets`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            external_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    port_mappings: [80],
                }
            }
            external_service Service { cluster: Cluster, task_definition: TaskDef }
            application_load_balancer LB {
                vpc: Vpc,
                listener Listener {
                    port: 80,
                    add_targets ECS { port: 80, targets: [Service] }
                }
            }
        }
    };
    let _ = app;
}
