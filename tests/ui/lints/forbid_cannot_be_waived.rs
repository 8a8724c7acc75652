// `forbid` holds in every scope inside it: an `allow` under it is an error.
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        #![forbid(privileged_container)]
        stack Web {
            ec2_task_definition TaskDef {
                #[allow(privileged_container, reason = "the agent needs the host")]
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    privileged: true,
                }
            }
        }
    };
}
