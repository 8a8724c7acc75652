// L1: a service as target forwards to its first container's first port, which a port range
// does not give.
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
                    port_mappings: [{ container_port_range: "8000-8010" }, { container_port: 80 }],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            application_load_balancer LB {
                vpc: Vpc,
                listener Listener { port: 80, add_targets ECS { port: 80, targets: [Service] } }
            }
        }
    };
    let _ = app;
}
