//! "Application Load Balanced Services": an `ApplicationMultipleTargetGroupsEc2Service` with one
//! load balancer and two target groups, port 90 behind a path rule, on a cluster with EC2
//! capacity (oracle app 52-alb-multiple-target-groups-ec2).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack AlbMultipleTargetGroupsEc2 {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 2,
                }
            }
            application_multiple_target_groups_ec2_service Service {
                cluster: Cluster,
                memory_limit_mib: 256,
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
