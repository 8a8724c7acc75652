// A provider whose instance profile it creates names its cluster: it must be added to one (the CDK: "Managed instances capacity provider must be associated with a cluster.").
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            security_group Sg { vpc: Vpc }
            managed_instances_capacity_provider Provider {
                vpc: Vpc,
                subnets: { subnet_type: PrivateWithEgress },
                security_groups: [Sg],
            }
        }
    };
    let _ = app;
}
