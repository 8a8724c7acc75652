//! "Network Load Balanced Services": a `NetworkLoadBalancedEc2Service` with environment and two
//! tasks, on a cluster with EC2 capacity (oracle app 54-nlb-ec2-service).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack NlbEc2Service {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 2,
                }
            }
            network_load_balanced_ec2_service Service {
                cluster: Cluster,
                memory_limit_mib: 1024,
                task_image_options: {
                    image: ContainerImage::from_registry("test"),
                    environment: {
                        TEST_ENVIRONMENT_VARIABLE1: "test environment variable 1 value",
                        TEST_ENVIRONMENT_VARIABLE2: "test environment variable 2 value",
                    },
                },
                desired_count: 2,
                min_healthy_percent: 100,
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
