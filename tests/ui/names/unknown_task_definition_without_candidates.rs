// G4: an unknown name with nothing of its kind declared says how to declare one.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    };
    let _ = app;
}
