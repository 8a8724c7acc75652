// Only gp3 volumes take a throughput; gp2 volumes (the default type) take no iops.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            service_managed_volume Data {
                name: "data",
                managed_ebs_volume: { size: Size::gibibytes(20), throughput: 250, iops: 3000 },
            }
        }
    };
    let _ = app;
}
