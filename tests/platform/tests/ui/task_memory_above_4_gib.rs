// 8 GiB for one task: the memory policy refuses it.
use acme_platform::acme_app;
use acme_platform::ecs_app::prelude::*;

fn main() {
    let _ = acme_app! {
        stack Batch {
            cluster Cluster { container_insights_v2: Enabled }
            fargate_task_definition Job {
                cpu: 1024,
                memory_limit_mib: 8192,
                container job {
                    image: ContainerImage::from_registry("123456789012.dkr.ecr.eu-west-1.amazonaws.com/job:7"),
                    readonly_root_filesystem: true,
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("job")),
                }
            }
        }
    };
}
