// A container dependency names a container of the same task definition; a misspelt one is
// reported on the name with the closest container.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    container_dependencies: [
                        ContainerDependency::new("redis"),
                        ContainerDependency::new("rediss").condition(ContainerDependencyCondition::Start),
                    ],
                }
                container redis { image: ContainerImage::from_registry("redis"), memory_limit_mib: 256 }
            }
        }
    };
    let _ = app;
}
