//! "Define tasks with public IPs for QueueProcessingFargateService" and "Set cooldown for
//! QueueProcessingFargateService": two patterns given only the vpc share the stack's default
//! cluster (oracle app 69-queue-fargate-public-ip-cooldown).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack QueueFargatePublicIpCooldown {
            vpc Vpc { max_azs: 2 }
            queue_processing_fargate_service PublicIpService {
                vpc: Vpc,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                min_healthy_percent: 100,
                assign_public_ip: true,
            }
            queue_processing_fargate_service CooldownService {
                vpc: Vpc,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                min_healthy_percent: 100,
                assign_public_ip: true,
                cooldown: Duration::seconds(500),
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
