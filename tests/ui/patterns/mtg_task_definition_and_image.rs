// The multiple-target-groups patterns take a task definition or image options, not both;
// reported on `task_image_options`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
            network_multiple_target_groups_ec2_service Service {
                task_definition: TaskDef,
                task_image_options: { image: ContainerImage::from_registry("nginx") },
            }
        }
    };
    let _ = app;
}
