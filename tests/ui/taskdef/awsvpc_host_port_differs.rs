// L3: a host port other than the container port in awsvpc mode.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [{ container_port: 80, host_port: 8080 }],
                }
            }
        }
    };
    let _ = app;
}
