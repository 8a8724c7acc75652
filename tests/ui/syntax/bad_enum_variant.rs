// An enum property with a variant that does not exist lists or suggests the variants.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                network_mode: Bridged,
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
        }
    };
    let _ = app;
}
