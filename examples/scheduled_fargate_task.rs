//! "Scheduled Tasks": `ScheduledFargateTask`s started every minute, on the `LATEST` platform
//! version and on 1.4.0 ("Set PlatformVersion for ScheduledFargateTask"; oracle app
//! 61-scheduled-fargate-task).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack ScheduledFargateTask {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            scheduled_fargate_task ScheduledFargateTask {
                cluster: Cluster,
                scheduled_fargate_task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 512,
                },
                schedule: "rate(1 minute)",
                platform_version: "LATEST",
            }
            scheduled_fargate_task ScheduledFargateTaskV14 {
                cluster: Cluster,
                scheduled_fargate_task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 512,
                },
                schedule: "rate(1 minute)",
                platform_version: "1.4.0",
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
