// An io2 volume is provisioned: it needs iops, and at least 4 GiB.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            service_managed_volume Data {
                name: "data",
                managed_ebs_volume: { size: Size::gibibytes(2), volume_type: Io2 },
            }
        }
    };
    let _ = app;
}
