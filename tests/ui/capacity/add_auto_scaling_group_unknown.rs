// `add_auto_scaling_group` names a group that is not declared.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc, add_auto_scaling_group Agg {} }
            auto_scaling_group Asg { vpc: Vpc, instance_type: "c5.large" }
        }
    };
    let _ = app;
}
