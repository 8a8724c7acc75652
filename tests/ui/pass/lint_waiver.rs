// An organization's levels with a recorded waiver: the stack denies the AWS Foundational
// Security Best Practices, and one container is allowed its writable root file system with a
// reason (kept in the SARIF report of the assembly).
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        #![warn(aws_solutions)]
        stack Web {
            #![deny(aws_foundational_security)]
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc, container_insights_v2: Enabled }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                #[allow(writable_root_filesystem, reason = "nginx writes its cache under /var")]
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("web")),
                    port_mappings: [80],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    };
    let reports = app.unwrap().lint_reports();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].waived.as_deref(), Some("nginx writes its cache under /var"));
}
