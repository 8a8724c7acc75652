//! "Queue Processing Services": a `QueueProcessingEc2Service` with its own queue and dead-letter
//! queue, no logging, two tasks scaling up to five, on a cluster with EC2 capacity (oracle app
//! 58-queue-processing-ec2).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack QueueProcessingEc2 {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 2,
                }
            }
            queue_processing_ec2_service Service {
                cluster: Cluster,
                memory_limit_mib: 1024,
                image: ContainerImage::from_registry("test"),
                command: ["-c", "4", "amazon.com"],
                enable_logging: false,
                desired_task_count: 2,
                environment: {
                    TEST_ENVIRONMENT_VARIABLE1: "test environment variable 1 value",
                    TEST_ENVIRONMENT_VARIABLE2: "test environment variable 2 value",
                },
                max_scaling_capacity: 5,
                container_name: "test",
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
