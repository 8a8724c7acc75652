//! The aws-ecs README's "Fargate Capacity Providers" section: a cluster with the Fargate and
//! Fargate Spot providers, and a service spreading its tasks over both (oracle app
//! 28-fargate-capacity-providers; the CDK's default task size written out).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack FargateCapacityProviders {
            vpc Vpc { max_azs: 2 }
            cluster FargateCPCluster { vpc: Vpc, enable_fargate_capacity_providers: true }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("amazon/amazon-ecs-sample") }
            }
            fargate_service FargateService {
                cluster: FargateCPCluster,
                task_definition: TaskDef,
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
