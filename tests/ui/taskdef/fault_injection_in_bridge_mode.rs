// G7: fault injection needs awsvpc or host networking.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                enable_fault_injection: true,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                }
            }
        }
    };
    let _ = app;
}
