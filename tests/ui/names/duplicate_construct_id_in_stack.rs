// G4: two constructs of one stack share an id (kinds do not matter).
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Main {}
            cluster Main {}
        }
    };
    let _ = app;
}
