//! "Task definitions": a generic task definition compatible with both EC2 and Fargate, run on
//! Fargate (oracle app 12-taskdef-ec2-and-fargate).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack TaskDefEc2AndFargate {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            task_definition TaskDef {
                compatibility: Ec2AndFargate,
                memory_mib: "512",
                cpu: "256",
                network_mode: AwsVpc,
                container WebContainer {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 512,
                    port_mappings: [80],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef, assign_public_ip: true }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
