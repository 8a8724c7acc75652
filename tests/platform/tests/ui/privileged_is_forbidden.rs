// Privileged containers are forbidden: not even a waiver with a reason lets one through.
use acme_platform::acme_app;
use acme_platform::ecs_app::prelude::*;

fn main() {
    let _ = acme_app! {
        stack Agent {
            cluster Cluster { container_insights_v2: Enabled }
            ec2_task_definition TaskDef {
                #[allow(privileged_container, reason = "the agent needs the host")]
                container agent {
                    image: ContainerImage::from_registry("123456789012.dkr.ecr.eu-west-1.amazonaws.com/agent:2"),
                    memory_limit_mib: 256,
                    privileged: true,
                    readonly_root_filesystem: true,
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("agent")),
                }
            }
        }
    };
}
