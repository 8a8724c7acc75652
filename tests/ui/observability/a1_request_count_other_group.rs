// A1: request-count scaling reads a target group the service is registered in; reported on the
// group's name.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc { max_azs: 2 }
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
            fargate_service Other { cluster: Cluster, task_definition: TaskDef }
            application_load_balancer LB {
                vpc: Vpc,
                listener Listener {
                    port: 80,
                    add_targets ECS { port: 80, targets: [Other] }
                }
            }
            auto_scale_task_count Service {
                max_capacity: 10,
                scale_on_request_count Requests { requests_per_target: 1000, target_group: ECS }
            }
        }
    };
    let _ = app;
}
