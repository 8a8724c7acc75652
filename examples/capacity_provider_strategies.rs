//! "Set capacityProviderStrategies for ApplicationLoadBalancedFargateService" and "… for
//! QueueProcessingFargateService": FARGATE_SPOT and FARGATE on one cluster (oracle app
//! 65-capacity-provider-strategies).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack CapacityProviderStrategies {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc, enable_fargate_capacity_providers: true }
            application_load_balanced_fargate_service AlbService {
                cluster: Cluster,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                capacity_provider_strategies: [
                    { capacity_provider: "FARGATE_SPOT", weight: 2, base: 0 },
                    { capacity_provider: "FARGATE", weight: 1, base: 1 },
                ],
            }
            queue_processing_fargate_service QueueService {
                cluster: Cluster,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                min_healthy_percent: 100,
                capacity_provider_strategies: [
                    { capacity_provider: "FARGATE_SPOT", weight: 2 },
                    { capacity_provider: "FARGATE", weight: 1 },
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
