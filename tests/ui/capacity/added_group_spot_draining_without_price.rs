// C1: a user-built group without `spot_price` added with spot draining.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc, add_auto_scaling_group Asg { spot_instance_draining: true } }
            auto_scaling_group Asg { vpc: Vpc, instance_type: "c5.large" }
        }
    };
    let _ = app;
}
