// S4: the minimum healthy percent must be below the maximum; reported on the maximum.
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
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: 100,
                max_healthy_percent: 100,
            }
        }
    };
    let _ = app;
}
