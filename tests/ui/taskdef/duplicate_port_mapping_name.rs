// L4: two port mappings of a container with one name.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                network_mode: AwsVpc,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    port_mappings: [{ container_port: 80, name: "web" }, { container_port: 81, name: "web" }],
                }
            }
        }
    };
    let _ = app;
}
