// A queue-processing service runs its task definition or creates one from `image`, not both;
// reported on `image`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Workers {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container worker { image: ContainerImage::from_registry("worker") }
            }
            queue_processing_fargate_service Worker {
                task_definition: TaskDef,
                image: ContainerImage::from_registry("worker"),
            }
        }
    };
    let _ = app;
}
