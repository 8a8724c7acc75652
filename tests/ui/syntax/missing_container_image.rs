// A container without `image` is reported on its id.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web { memory_limit_mib: 512 }
            }
        }
    };
    let _ = app;
}
