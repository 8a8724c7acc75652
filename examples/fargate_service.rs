//! "Clusters" (a Fargate-only cluster), a Fargate task definition with its size and one
//! container, and a service with `desired_count` (oracle app 02-fargate-service).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack FargateService {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                memory_limit_mib: 512,
                cpu: 256,
                container WebContainer {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80],
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                desired_count: 5,
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
