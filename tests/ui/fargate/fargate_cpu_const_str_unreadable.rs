// F2: a `&str` cpu constant that is not a size Fargate reads.
use ecs_app::prelude::*;

const CPU: &str = "1 cpu";

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: CPU, memory_limit_mib: 2048,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
