// A link names a container of the same task definition by id; a misspelt id is reported on
// the identifier with the closest container.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    links: [redis, rediss],
                }
                container redis { image: ContainerImage::from_registry("redis"), memory_limit_mib: 256 }
            }
        }
    };
    let _ = app;
}
