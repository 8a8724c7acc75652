// G4: two stacks share an id.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
        }
        stack Web {
            vpc Vpc {}
        }
    };
    let _ = app;
}
