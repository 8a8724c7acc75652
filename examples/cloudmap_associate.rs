//! "Associate With a Specific CloudMap Service": a namespace and a Cloud Map service of their
//! own, and `associate_cloud_map_service` (oracle app 27-cloudmap-associate).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack CloudMapAssociate {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            private_dns_namespace Namespace { name: "corp.internal", vpc: Vpc }
            cloud_map_service CloudMapService {
                namespace: Namespace,
                name: "api",
                dns_record_type: A,
                dns_ttl: Duration::seconds(10),
                custom_health_check: { failure_threshold: 2 },
            }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container api {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80],
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                associate_cloud_map_service: { service: CloudMapService },
            }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
