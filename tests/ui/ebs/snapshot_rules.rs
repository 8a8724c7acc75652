// A snapshot id is `snap-` and hex digits; an initialization rate is 100 to 300 MiB/s.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            service_managed_volume Data {
                name: "data",
                managed_ebs_volume: {
                    snap_shot_id: "snapshot-1",
                    volume_initialization_rate: Size::mebibytes(500),
                },
            }
        }
    };
    let _ = app;
}
