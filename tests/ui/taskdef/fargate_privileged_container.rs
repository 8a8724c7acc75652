// F4: a privileged container on Fargate.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx"), privileged: true }
            }
        }
    };
    let _ = app;
}
