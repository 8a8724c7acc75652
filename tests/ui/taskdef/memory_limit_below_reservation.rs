// E2: a hard memory limit below the soft limit.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    memory_reservation_mib: 512,
                }
            }
        }
    };
    let _ = app;
}
