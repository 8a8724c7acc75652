// F4: a host volume on a Fargate task definition.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                volumes: [Volume::host("logs", "/var/log")],
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
