// Provider names starting with aws, ecs or fargate are reserved; reported on the literal.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            security_group Sg { vpc: Vpc }
            cluster Cluster { vpc: Vpc, add_managed_instances_capacity_provider Provider {} }
            managed_instances_capacity_provider Provider {
                capacity_provider_name: "ecs-instances",
                vpc: Vpc,
                subnets: { subnet_type: PrivateWithEgress },
                security_groups: [Sg],
            }
        }
    };
    let _ = app;
}
