//! "Use custom ephemeral storage for ECS Fargate tasks": an application (21 GiB) and a network
//! (200 GiB) load-balanced Fargate service (oracle app 76-ephemeral-storage).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack EphemeralStorage {
            vpc Vpc { max_azs: 2, restrict_default_security_group: false }
            cluster FargateCluster { vpc: Vpc }
            application_load_balanced_fargate_service ALBFargateServiceWithCustomEphemeralStorage {
                cluster: FargateCluster,
                memory_limit_mib: 1024,
                cpu: 512,
                ephemeral_storage_gib: 21,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
            }
            network_load_balanced_fargate_service NLBFargateServiceWithCustomEphemeralStorage {
                cluster: FargateCluster,
                memory_limit_mib: 1024,
                cpu: 512,
                ephemeral_storage_gib: 200,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
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
