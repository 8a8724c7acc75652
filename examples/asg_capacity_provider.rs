//! The aws-ecs README's "Auto Scaling Group Capacity Providers" section: a provider managing a
//! user-built group, added to the cluster and named by a service's strategy (oracle app
//! 29-asg-capacity-provider).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack AsgCapacityProvider {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc, add_asg_capacity_provider AsgCapacityProvider {} }
            auto_scaling_group ASG {
                vpc: Vpc,
                instance_type: "t2.micro",
                machine_image: EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard),
                min_capacity: 0,
                max_capacity: 100,
            }
            asg_capacity_provider AsgCapacityProvider { auto_scaling_group: ASG }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_reservation_mib: 256,
                }
            }
            ec2_service EC2Service {
                cluster: Cluster,
                task_definition: TaskDef,
                capacity_provider_strategies: [{ capacity_provider: AsgCapacityProvider, weight: 1 }],
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
