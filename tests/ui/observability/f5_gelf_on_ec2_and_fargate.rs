// F5 also holds in a task definition compatible with both EC2 and Fargate.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Ec2AndFargate,
                cpu: "256",
                memory_mib: "512",
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    logging: LogDriver::gelf(GelfLogDriverProps::default().address("udp://logs:12201")),
                }
            }
        }
    };
    let _ = app;
}
