// L1: `register_load_balancer_targets` checks the container port too.
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
            application_load_balancer LB {
                vpc: Vpc,
                listener Listener {
                    port: 80,
                    register_load_balancer_targets ECS { service: Service, container_name: web, container_port: 81 }
                }
            }
        }
    };
    let _ = app;
}
