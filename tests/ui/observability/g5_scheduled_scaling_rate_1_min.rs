// G5 on a scheduled scaling action.
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
            auto_scale_task_count Service {
                max_capacity: 10,
                scale_on_schedule Often { schedule: "rate(1 min)", min_capacity: 2 }
            }
        }
    };
    let _ = app;
}
