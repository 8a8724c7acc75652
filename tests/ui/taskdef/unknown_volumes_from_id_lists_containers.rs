// `volumes_from` names a container by id; with no close id, the message lists the containers.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    volumes_from: [{ source_container: zzz, read_only: true }],
                }
                container redis { image: ContainerImage::from_registry("redis"), memory_limit_mib: 256 }
            }
        }
    };
    let _ = app;
}
