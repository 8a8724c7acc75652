// `volumes_from` names a container of the same task definition; with no close name, the
// message lists the containers (by `container_name` where one is given).
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container data {
                    image: ContainerImage::from_registry("busybox"),
                    memory_limit_mib: 128,
                    container_name: "storage",
                }
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    volumes_from: [VolumeFrom::new("data", true)],
                }
            }
        }
    };
    let _ = app;
}
