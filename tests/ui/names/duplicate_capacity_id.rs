// G4: two add_capacity items of one cluster share an id.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {
                add_capacity Asg { instance_type: "t2.micro" }
                add_capacity Asg { instance_type: "t3.micro" }
            }
        }
    };
    let _ = app;
}
