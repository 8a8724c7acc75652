//! "Integration with CloudWatch Events": a rule running an EC2 task every minute, with a
//! container override (oracle app 23-events-ecs-task).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack EventsEcsTask {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 1,
                }
            }
            ec2_task_definition TaskDef {
                container TheContainer {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 256,
                    logging: LogDriver::aws_logs(
                        AwsLogDriverProps::default()
                            .stream_prefix("EventDemo")
                            .mode(AwsLogDriverMode::NonBlocking),
                    ),
                }
            }
            rule Rule {
                schedule: "rate(1 minute)",
                targets: [{
                    cluster: Cluster,
                    task_definition: TaskDef,
                    task_count: 1,
                    container_overrides: [{
                        container_name: TheContainer,
                        environment: { I_WAS_TRIGGERED: "From CloudWatch Events" },
                    }],
                }],
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
