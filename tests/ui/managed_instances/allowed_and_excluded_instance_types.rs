// Instance requirements allow or exclude instance types, not both; reported on the second.
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
                    allowed_instance_types: ["m5.*"],
                    excluded_instance_types: ["t3.*"],
                },
            }
        }
    };
    let _ = app;
}
