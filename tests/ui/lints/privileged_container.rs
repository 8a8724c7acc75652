// An organization denies privileged containers (AWS FSBP ECS.4) in every app.
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        #![deny(privileged_container)]
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    privileged: true,
                }
            }
        }
    };
}
