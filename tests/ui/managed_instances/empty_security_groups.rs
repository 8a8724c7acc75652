// A Managed Instances provider needs a security group (the CDK: "Security groups cannot be an empty array"); reported on the property.
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
                security_groups: [],
            }
        }
    };
    let _ = app;
}
