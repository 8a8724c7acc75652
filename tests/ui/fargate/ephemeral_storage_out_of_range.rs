// F6 on a literal: Fargate's ephemeral storage is 21 to 200 GiB; judged while compiling by the
// same facts rule the builder runs, on the value.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                ephemeral_storage_gib: 500,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
