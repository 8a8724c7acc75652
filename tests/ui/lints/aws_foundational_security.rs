// The whole AWS Foundational Security Best Practices group, denied for an app: every control
// a template shows is an error on its token (ECS.1, 2, 3, 5, 8, 9, 10, 12 here).
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        #![deny(aws_foundational_security)]
        stack Web {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc, container_insights: false }
            ec2_task_definition HostTask {
                network_mode: Host,
                pid_mode: Host,
                container agent {
                    image: ContainerImage::from_registry("agent"),
                    memory_limit_mib: 256,
                    user: "root",
                    readonly_root_filesystem: true,
                    environment: { AWS_SECRET_ACCESS_KEY: "do-not" },
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("agent")),
                }
            }
            fargate_task_definition Web {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: Web,
                assign_public_ip: true,
                platform_version: "1.3.0",
            }
        }
    };
}
