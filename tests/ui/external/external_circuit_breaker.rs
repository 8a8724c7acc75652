// X1: an External service has no deployment circuit breaker; reported on the property.
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
                }
            }
            external_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                circuit_breaker: { rollback: true },
            }
        }
    };
    let _ = app;
}
