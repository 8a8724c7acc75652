//! The aws-ecs README's opening example: an EC2 cluster with default capacity running one
//! `Ec2Service` (oracle app 01-intro-ec2-service).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack IntroEc2Service {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t2.xlarge",
                    desired_capacity: 3,
                }
            }
            ec2_task_definition TaskDef {
                container DefaultContainer {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 512,
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
