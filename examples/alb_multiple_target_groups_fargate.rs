//! "Application Load Balanced Services": an `ApplicationMultipleTargetGroupsFargateService` (a
//! 512/1024 task) with one load balancer and two target groups, port 90 behind a path rule
//! (oracle app 53-alb-multiple-target-groups-fargate).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack AlbMultipleTargetGroupsFargate {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            application_multiple_target_groups_fargate_service Service {
                cluster: Cluster,
                memory_limit_mib: 1024,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                target_groups: [
                    { container_port: 80 },
                    { container_port: 90, path_pattern: "a/b/c", priority: 10 },
                ],
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
