// A role needs the service that may assume it.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            role TaskRole { role_name: "web-task" }
        }
    };
    let _ = app;
}
