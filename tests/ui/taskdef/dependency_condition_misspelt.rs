// A dependency's condition is a `ContainerDependencyCondition`; a misspelt variant is reported
// on the variant with the closest one.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container init { image: ContainerImage::from_registry("busybox"), memory_limit_mib: 128 }
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    container_dependencies: [{ container: init, condition: Sucess }],
                }
            }
        }
    };
    let _ = app;
}
