// An unknown property far from all lists the kind's properties.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc { zones: 3 }
        }
    };
    let _ = app;
}
