// C2: Fargate and auto scaling group providers in one strategy; reported on the odd one.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                enable_fargate_capacity_providers: true,
                add_asg_capacity_provider Provider {}
                default_capacity_provider_strategy: [
                    { capacity_provider: "FARGATE", weight: 1 },
                    { capacity_provider: Provider, weight: 1 },
                ],
            }
            auto_scaling_group Asg { vpc: Vpc, instance_type: "c5.large" }
            asg_capacity_provider Provider { auto_scaling_group: Asg }
        }
    };
    let _ = app;
}
