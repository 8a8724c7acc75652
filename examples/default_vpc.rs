//! "Clusters": without `vpc` the cluster creates its own over two availability zones (oracle app
//! 04-default-vpc). The CDK's default Fargate size is written out: `ecs_app!` has no default.

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack DefaultVpc {
            cluster Cluster {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
