// A compliant app: one container's writable root file system is waived with a reason, which
// the assembly's SARIF report records.
use acme_platform::acme_app;
use acme_platform::ecs_app::prelude::*;

fn main() {
    let app = acme_app! {
        stack Web {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc, container_insights_v2: Enabled }
            fargate_task_definition TaskDef {
                cpu: 512,
                memory_limit_mib: 1024,
                #[allow(writable_root_filesystem, reason = "the CMS writes uploads under /srv")]
                container cms {
                    image: ContainerImage::from_registry("123456789012.dkr.ecr.eu-west-1.amazonaws.com/cms:3"),
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("cms")),
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    }
    .unwrap();
    let reports = app.lint_reports();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].waived.as_deref(), Some("the CMS writes uploads under /srv"));
}
