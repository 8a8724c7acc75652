// C1: spot draining without a spot price; reported on `spot_instance_draining`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                add_capacity Asg { instance_type: "c5.large", spot_instance_draining: true }
            }
        }
    };
    let _ = app;
}
