// F2: a named memory constant that does not fit the cpu, by const evaluation, on the constant's use.
use ecs_app::prelude::*;

const MEMORY: u32 = 4096;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256, memory_limit_mib: MEMORY,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
