// X2: an External task definition in awsvpc mode.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            external_task_definition TaskDef {
                network_mode: AwsVpc,
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
        }
    };
    let _ = app;
}
