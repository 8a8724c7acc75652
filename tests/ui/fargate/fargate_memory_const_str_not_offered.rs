// F2: a `&str` constant with units ("3 GB") that does not fit `cpu: 256`.
use ecs_app::prelude::*;

mod sizes {
    pub const CPU: i32 = 256;
    pub const MEMORY: &str = "3 GB";
}

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: sizes::CPU, memory_limit_mib: sizes::MEMORY,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
