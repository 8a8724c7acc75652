// C2 family: a provider needs its group; reported on the provider id.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            asg_capacity_provider Provider {}
        }
    };
    let _ = app;
}
