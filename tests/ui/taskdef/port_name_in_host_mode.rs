// L4: a service connect port name in host mode.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                network_mode: Host,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    port_mappings: [{ container_port: 80, name: "web" }],
                }
            }
        }
    };
    let _ = app;
}
