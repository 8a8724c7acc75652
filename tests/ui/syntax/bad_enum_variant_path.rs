// The same for a variant written as a path, and for a port mapping protocol.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                network_mode: NetworkMode::Overlay,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    port_mappings: [{ container_port: 53, protocol: Sctp }],
                }
            }
        }
    };
    let _ = app;
}
