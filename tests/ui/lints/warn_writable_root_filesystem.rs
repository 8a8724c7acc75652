// `warn` is a compiler warning on the offending token; this file denies warnings to show it.
#![deny(deprecated)]
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        stack Web {
            #![warn(writable_root_filesystem)]
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    readonly_root_filesystem: false,
                }
            }
        }
    };
}
