// A task definition's `task_role` names a construct that is not a role.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            queue Jobs {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                task_role: Jobs,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
