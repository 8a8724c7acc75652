//! "Define tasks with custom queue parameters", "Set a custom container-level Healthcheck" and
//! "Set healthCheckGracePeriod" for `QueueProcessingFargateService`; the health check uses the
//! largest values ECS accepts, as the CDK app does (oracle app 70-queue-fargate-queue-health).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack QueueFargateQueueHealth {
            vpc Vpc { max_azs: 2 }
            queue_processing_fargate_service QueueParamsService {
                vpc: Vpc,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                min_healthy_percent: 100,
                max_receive_count: 42,
                retention_period: Duration::days(7),
                visibility_timeout: Duration::minutes(5),
            }
            queue_processing_fargate_service HealthCheckService {
                vpc: Vpc,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                min_healthy_percent: 100,
                health_check: HealthCheck::default()
                    .command(["CMD-SHELL", "curl -f http://localhost/ || exit 1"])
                    .interval(Duration::minutes(5))
                    .retries(10)
                    .start_period(Duration::minutes(5))
                    .timeout(Duration::minutes(2)),
            }
            queue_processing_fargate_service GracePeriodService {
                vpc: Vpc,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                min_healthy_percent: 100,
                health_check_grace_period: Duration::seconds(120),
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
