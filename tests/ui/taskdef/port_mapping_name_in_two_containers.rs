// L4: a port mapping name is unique in its task definition, across containers; reported on the
// second container's name.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [{ container_port: 80, name: "http" }],
                }
                container admin {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [{ container_port: 8080, name: "http" }],
                }
            }
        }
    };
    let _ = app;
}
