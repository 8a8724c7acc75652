// A lint name no lint, group or policy has: an error with the closest one.
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        #![deny(priviledged_container, aws_fundational_security)]
        stack Web {}
    };
}
