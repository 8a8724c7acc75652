// G6: ignored exit codes with the restart policy turned off.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    enable_restart_policy: false,
                    restart_ignored_exit_codes: [0, 127],
                }
            }
        }
    };
    let _ = app;
}
