// S2: a task definition without any container.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            fargate_task_definition TaskDef { cpu: 256, memory_limit_mib: 512 }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    };
    let _ = app;
}
