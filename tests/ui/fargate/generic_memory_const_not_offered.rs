// F2 on the generic kind by const evaluation: a named `memory_mib` constant that does not fit
// the cpu, on the constant's use and naming `memory_mib`.
use ecs_app::prelude::*;

const MEMORY: u32 = 4096;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Fargate,
                cpu: 256, memory_mib: MEMORY,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
