// C1: the group of a capacity provider, without `spot_price`, added with spot draining.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            auto_scaling_group Asg { vpc: Vpc, instance_type: "c5.large", min_capacity: 0 }
            asg_capacity_provider Provider { auto_scaling_group: Asg }
            cluster Cluster { vpc: Vpc, add_asg_capacity_provider Provider { spot_instance_draining: true } }
        }
    };
    let _ = app;
}
