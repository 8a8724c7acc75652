// Instance requirements protect Spot or On-Demand prices over the lowest price, not both.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            security_group Sg { vpc: Vpc }
            cluster Cluster { vpc: Vpc, add_managed_instances_capacity_provider Provider {} }
            managed_instances_capacity_provider Provider {
                vpc: Vpc,
                subnets: { subnet_type: PrivateWithEgress },
                security_groups: [Sg],
                instance_requirements: {
                    vcpu_count_min: 2,
                    memory_min: Size::gibibytes(4),
                    spot_max_price_percentage_over_lowest_price: 50,
                    on_demand_max_price_percentage_over_lowest_price: 20,
                },
            }
        }
    };
    let _ = app;
}
