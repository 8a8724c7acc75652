// E1: a container of an EC2 task definition without memory_limit_mib or memory_reservation_mib.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
