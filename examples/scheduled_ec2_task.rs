//! "Scheduled Tasks": a `ScheduledEc2Task` started every minute by a named rule, on a cluster
//! with EC2 capacity; the README's `environment: { name: …, value: … }` defines two variables
//! named `name` and `value`, as in the CDK (oracle app 60-scheduled-ec2-task).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack ScheduledEc2Task {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 2,
                }
            }
            scheduled_ec2_task ScheduledTask {
                cluster: Cluster,
                scheduled_ec2_task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
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
