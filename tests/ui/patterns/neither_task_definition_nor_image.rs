// A pattern needs a task definition or task image options; reported on the pattern's id.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            application_load_balanced_fargate_service Service { cpu: 512, memory_limit_mib: 1024 }
        }
    };
    let _ = app;
}
