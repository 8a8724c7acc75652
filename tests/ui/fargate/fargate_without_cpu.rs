// F1: memory_limit_mib without cpu, reported on the task definition id.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
