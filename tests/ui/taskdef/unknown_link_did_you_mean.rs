// A link names a container of the same task definition; a misspelt one is reported on the
// literal with the closest container.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container redis { image: ContainerImage::from_registry("redis"), memory_limit_mib: 256 }
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    links: ["redis:cache", "rediss"],
                }
            }
        }
    };
    let _ = app;
}
