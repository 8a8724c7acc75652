//! The aws-ecs README's "Spot Instances" section: spot capacity whose instances drain their
//! tasks on interruption notices (oracle app 07-spot-draining).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack SpotDraining {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity AsgSpot {
                    max_capacity: 2,
                    min_capacity: 2,
                    desired_capacity: 2,
                    instance_type: "c5.xlarge",
                    spot_price: "0.0735",
                    spot_instance_draining: true,
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
