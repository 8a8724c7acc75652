//! The aws-ecs README's "Bottlerocket" section: capacity running the Bottlerocket ECS AMI, chosen
//! by image type (oracle app 05-bottlerocket).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack Bottlerocket {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity "bottlerocket-asg" {
                    min_capacity: 2,
                    instance_type: "c5.large",
                    machine_image_type: Bottlerocket,
                }
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
