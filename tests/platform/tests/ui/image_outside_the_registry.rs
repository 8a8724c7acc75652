// An image from Docker Hub: the acme registry policy refuses it.
use acme_platform::acme_app;
use acme_platform::ecs_app::prelude::*;

fn main() {
    let _ = acme_app! {
        stack Web {
            cluster Cluster { container_insights_v2: Enabled }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    readonly_root_filesystem: true,
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("web")),
                }
            }
        }
    };
}
