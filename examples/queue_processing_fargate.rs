//! "Queue Processing Services": `QueueProcessingFargateService`s — the README's default one,
//! one without CPU-based scaling, one tracking 90 % CPU, and one with its own deployment
//! configuration (oracle app 59-queue-processing-fargate).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack QueueProcessingFargate {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            queue_processing_fargate_service Service {
                cluster: Cluster,
                memory_limit_mib: 512,
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
            queue_processing_fargate_service NoCpuScalingService {
                cluster: Cluster,
                memory_limit_mib: 512,
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
                disable_cpu_based_scaling: true,
            }
            queue_processing_fargate_service Cpu90Service {
                cluster: Cluster,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                command: ["-c", "4", "amazon.com"],
                enable_logging: false,
                desired_task_count: 2,
                max_scaling_capacity: 5,
                container_name: "test",
                min_healthy_percent: 100,
                cpu_target_utilization_percent: 90,
            }
            queue_processing_fargate_service DeploymentConfigService {
                cluster: Cluster,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                command: ["-c", "4", "amazon.com"],
                enable_logging: false,
                desired_task_count: 2,
                max_scaling_capacity: 5,
                max_healthy_percent: 200,
                min_healthy_percent: 66,
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
