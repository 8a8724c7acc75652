// G4: two containers of one task definition share an id.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
        }
    };
    let _ = app;
}
