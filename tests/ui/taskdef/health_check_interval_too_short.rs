// G3: a health-check interval below 5 seconds.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    health_check: HealthCheck::default()
                        .command(["curl -f http://localhost/ || exit 1"])
                        .interval(Duration::seconds(2)),
                }
            }
        }
    };
    let _ = app;
}
