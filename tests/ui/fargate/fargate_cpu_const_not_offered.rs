// F2: a named cpu constant Fargate does not offer, by const evaluation.
use ecs_app::prelude::*;

const CPU: u32 = 300;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: CPU, memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
