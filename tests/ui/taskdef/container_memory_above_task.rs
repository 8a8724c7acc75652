// E2: a container's literal memory above the task's, reported on the container's memory.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Ec2AndFargate,
                cpu: "256",
                memory_mib: "512",
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 1024 }
            }
        }
    };
    let _ = app;
}
