// Ports are 16-bit: a literal host port above 65535, reported on the host port (0, a dynamic
// host port, stays valid).
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    port_mappings: [{ container_port: 80, host_port: 0 }, { container_port: 81, host_port: 65536 }],
                }
            }
        }
    };
    let _ = app;
}
