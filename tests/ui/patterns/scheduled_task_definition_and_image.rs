// A scheduled task runs its task definition or creates one from its image options, not both;
// reported on the image options, by their name.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Jobs {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container job { image: ContainerImage::from_registry("busybox") }
            }
            scheduled_fargate_task Nightly {
                schedule: "rate(1 day)",
                task_definition: TaskDef,
                scheduled_fargate_task_image_options: {
                    image: ContainerImage::from_registry("busybox"),
                },
            }
        }
    };
    let _ = app;
}
