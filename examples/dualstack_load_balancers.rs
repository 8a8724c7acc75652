//! "Use dualstack Load Balancer": a dual-stack VPC (an IPv6 range, IPv6 subnets and routes)
//! and four load-balanced services whose load balancers answer IPv4 and IPv6 clients, an
//! application and a network one for each launch type (oracle app 79-dualstack-load-balancers).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack DualstackLoadBalancers {
            vpc Vpc { ip_protocol: DualStack }
            cluster EcsCluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 2,
                }
            }
            application_load_balanced_fargate_service myService {
                cluster: EcsCluster,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                ip_address_type: DualStack,
            }
            application_load_balanced_ec2_service myEc2Service {
                cluster: EcsCluster,
                memory_limit_mib: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                ip_address_type: DualStack,
            }
            network_load_balanced_fargate_service NlbFargateService {
                cluster: EcsCluster,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                ip_address_type: DualStack,
            }
            network_load_balanced_ec2_service NlbEc2Service {
                cluster: EcsCluster,
                memory_limit_mib: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                ip_address_type: DualStack,
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
