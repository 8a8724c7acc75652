//! "Launch types": an ECS Anywhere `ExternalTaskDefinition` run by an `ExternalService`
//! (oracle app 10-external-service).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack ExternalService {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            external_task_definition TaskDef {
                container WebContainer {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 1024,
                }
            }
            external_service Service { cluster: Cluster, task_definition: TaskDef, desired_count: 5 }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
