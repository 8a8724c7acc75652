//! "Network Load Balanced Services": a `NetworkMultipleTargetGroupsFargateService` with two
//! network load balancers, each with one listener and one target group (container ports 80 and
//! 90), and deployment limits of 100 and 200 percent (oracle app
//! 57-nlb-multiple-target-groups-fargate).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack NlbMultipleTargetGroupsFargate {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            network_multiple_target_groups_fargate_service Service {
                cluster: Cluster,
                memory_limit_mib: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                load_balancers: [
                    { name: lb1, listeners: [{ name: listener1 }] },
                    { name: lb2, listeners: [{ name: listener2 }] },
                ],
                target_groups: [
                    { container_port: 80, listener: "listener1" },
                    { container_port: 90, listener: "listener2" },
                ],
                min_healthy_percent: 100,
                max_healthy_percent: 200,
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
