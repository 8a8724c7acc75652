// Ports are 16-bit: a literal container port above 65535, reported on the port.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx"), port_mappings: [80, 70000] }
            }
        }
    };
    let _ = app;
}
