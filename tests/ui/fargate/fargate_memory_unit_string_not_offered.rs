// F2: unit strings are read ("0.25 vCPU" is 256, "4 GB" is 4096) and checked.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: "0.25 vCPU", memory_limit_mib: "4 GB",
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
