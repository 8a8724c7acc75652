//! "Network Load Balanced Services": a `NetworkMultipleTargetGroupsEc2Service` with two network
//! load balancers, each with one listener and one target group (container ports 80 and 90), on
//! a cluster with EC2 capacity (oracle app 56-nlb-multiple-target-groups-ec2).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack NlbMultipleTargetGroupsEc2 {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 2,
                }
            }
            network_multiple_target_groups_ec2_service Service {
                cluster: Cluster,
                memory_limit_mib: 256,
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
