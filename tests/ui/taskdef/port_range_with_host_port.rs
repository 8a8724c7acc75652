// L4: a host port with a port range.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                network_mode: Bridge,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    port_mappings: [{ container_port_range: "8000-8010", host_port: 8000 }],
                }
            }
        }
    };
    let _ = app;
}
