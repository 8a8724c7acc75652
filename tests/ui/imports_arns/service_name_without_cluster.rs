// A service known by name needs its cluster, which its ARN is made from.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Ops {
            imported_service Web { service_name: "web" }
        }
    };
    let _ = app;
}
