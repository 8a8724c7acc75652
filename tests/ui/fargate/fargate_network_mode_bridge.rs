// F3: Fargate runs only AwsVpc; the bare variant is reported.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256, memory_limit_mib: 512, network_mode: Bridge,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
