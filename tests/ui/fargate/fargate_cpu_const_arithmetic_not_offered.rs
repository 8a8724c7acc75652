// F2: constant arithmetic is const-evaluated too (`BASE * 3` is 768).
use ecs_app::prelude::*;

const BASE: u32 = 256;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: BASE * 3, memory_limit_mib: 2048,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
