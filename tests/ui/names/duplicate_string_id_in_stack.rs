// G4: a string id is the same id as an identifier with the same text.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            cluster "Cluster" {}
        }
    };
    let _ = app;
}
