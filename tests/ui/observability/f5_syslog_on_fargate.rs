// F5: Fargate runs only the awslogs, splunk and firelens log drivers; reported on the value.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    logging: LogDriver::syslog(SyslogLogDriverProps::default()),
                }
            }
        }
    };
    let _ = app;
}
