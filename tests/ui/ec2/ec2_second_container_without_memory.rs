// E1: only the container without memory is reported.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web { image: ContainerImage::from_registry("nginx"), memory_reservation_mib: 256 }
                container "log-router" { image: ContainerImage::from_registry("nginx"), cpu: 128 }
            }
        }
    };
    let _ = app;
}
