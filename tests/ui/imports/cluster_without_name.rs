// An imported cluster with neither its name and vpc nor its ARN.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            imported_cluster Shared { has_ec2_capacity: false }
        }
    };
    let _ = app;
}
