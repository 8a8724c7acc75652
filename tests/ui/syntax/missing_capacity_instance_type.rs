// add_capacity without `instance_type` is reported on its id.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {
                add_capacity Asg { desired_capacity: 2 }
            }
        }
    };
    let _ = app;
}
