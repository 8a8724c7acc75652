// An unknown item kind suggests the closest keyword.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            clustr Cluster {}
        }
    };
    let _ = app;
}
