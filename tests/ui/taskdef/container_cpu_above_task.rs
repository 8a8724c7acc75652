// E2: the containers' literal cpu units add up to more than the task's, reported on the cpu of
// the container that overflows it.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx"), cpu: 128 }
                container sidecar { image: ContainerImage::from_registry("busybox"), cpu: 256 }
            }
        }
    };
    let _ = app;
}
