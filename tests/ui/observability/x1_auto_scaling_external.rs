// X1: ECS Anywhere services are not auto-scaled; reported on the service's name.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            external_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                }
            }
            external_service Service { cluster: Cluster, task_definition: TaskDef }
            auto_scale_task_count Service { max_capacity: 10 }
        }
    };
    let _ = app;
}
