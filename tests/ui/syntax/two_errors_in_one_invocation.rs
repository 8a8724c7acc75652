// Every error of one invocation is reported, not only the first.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 4096,
                container web { memory_limit_mib: 512 }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    };
    let _ = app;
}
