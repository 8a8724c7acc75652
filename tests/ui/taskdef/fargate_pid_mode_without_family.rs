// G8: a Fargate task definition with `pid_mode` states its operating system family; reported
// on the mode.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                pid_mode: Task,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
