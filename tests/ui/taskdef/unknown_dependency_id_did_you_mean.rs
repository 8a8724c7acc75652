// A dependency object names its container by id, declared before or after; a misspelt id is
// reported on the identifier with the closest container, and the rest of the app still expands.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    container_dependencies: [init, { container: initt, condition: Success }],
                }
                container init { image: ContainerImage::from_registry("busybox"), memory_limit_mib: 128 }
            }
        }
    };
    let _ = app;
}
