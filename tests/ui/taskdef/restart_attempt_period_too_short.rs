// G6: a restart attempt period below 60 seconds.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    restart_attempt_period: Duration::seconds(30),
                }
            }
        }
    };
    let _ = app;
}
