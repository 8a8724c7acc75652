// C1: a named constant minimum above the maximum, by const evaluation.
use ecs_app::prelude::*;
const MIN: u32 = 3;
fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                add_capacity Asg { instance_type: "c5.large", min_capacity: MIN, max_capacity: 2 }
            }
        }
    };
    let _ = app;
}
