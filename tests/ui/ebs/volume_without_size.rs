// A managed volume is made of a size or a snapshot: one of them is needed.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            service_managed_volume Data {
                name: "data",
                managed_ebs_volume: { volume_type: Gp3 },
            }
        }
    };
    let _ = app;
}
