// L4: a port range in host mode.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                network_mode: Host,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    port_mappings: [{ container_port_range: "8000-8010" }],
                }
            }
        }
    };
    let _ = app;
}
