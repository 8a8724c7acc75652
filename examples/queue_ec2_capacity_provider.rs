//! "Set capacityProviderStrategies for QueueProcessingEc2Service": an auto scaling group as a
//! capacity provider of the cluster, named by the pattern's strategy (oracle app
//! 71-queue-ec2-capacity-provider).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack QueueEc2CapacityProvider {
            vpc Vpc { max_azs: 1 }
            cluster EcsCluster { vpc: Vpc, add_asg_capacity_provider provider {} }
            auto_scaling_group asg {
                vpc: Vpc,
                instance_type: "t2.micro",
                machine_image: EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard),
            }
            asg_capacity_provider provider { auto_scaling_group: asg }
            queue_processing_ec2_service Service {
                cluster: EcsCluster,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                min_healthy_percent: 100,
                capacity_provider_strategies: [{ capacity_provider: provider }],
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
