// A role name IAM refuses: spaces are not among its characters.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            role TaskRole { assumed_by: "ecs-tasks.amazonaws.com", role_name: "web task" }
        }
    };
    let _ = app;
}
