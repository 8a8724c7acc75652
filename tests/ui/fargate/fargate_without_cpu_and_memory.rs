// F1: neither cpu nor memory_limit_mib.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
