// E1 on the generic kind: an EC2-compatible `task_definition` without task memory needs memory
// on each container, as `ec2_task_definition` does.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Ec2,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
