//! "Customize Container Name for ScheduledFargateTask" and "… for ScheduledEc2Task" (oracle app
//! 62-scheduled-custom-container-name).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack ScheduledCustomContainerName {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 2,
                }
            }
            scheduled_fargate_task ScheduledFargateTask {
                cluster: Cluster,
                scheduled_fargate_task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    container_name: "customContainerName",
                    memory_limit_mib: 512,
                },
                schedule: "rate(1 minute)",
                platform_version: "LATEST",
            }
            scheduled_ec2_task ScheduledTask {
                cluster: Cluster,
                scheduled_ec2_task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    container_name: "customContainerName",
                    memory_limit_mib: 256,
                    environment: { name: "TRIGGER", value: "CloudWatch Events" },
                },
                schedule: "rate(1 minute)",
                enabled: true,
                rule_name: "sample-scheduled-task-rule",
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
