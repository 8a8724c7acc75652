// C1 family: a user-built group needs its VPC; reported on the group id.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            auto_scaling_group Asg { instance_type: "c5.large" }
        }
    };
    let _ = app;
}
