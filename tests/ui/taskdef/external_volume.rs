// X1: a volume on an External task definition.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            external_task_definition TaskDef {
                volumes: [Volume::efs("data", EfsVolumeConfiguration::new("fs-1"))],
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
        }
    };
    let _ = app;
}
