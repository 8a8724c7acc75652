// C1: a user-built group whose desired capacity is below its minimum.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            auto_scaling_group Asg { vpc: Vpc, instance_type: "c5.large", min_capacity: 2, max_capacity: 4, desired_capacity: 1 }
        }
    };
    let _ = app;
}
