// C1: desired capacity above the maximum; reported on the desired capacity.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                add_capacity Asg { instance_type: "c5.large", max_capacity: 2, desired_capacity: 3 }
            }
        }
    };
    let _ = app;
}
