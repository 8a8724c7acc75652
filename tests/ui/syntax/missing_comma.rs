// Properties need a comma between them; the rest of the block is still read.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc { max_azs: 2 nat_gateways: 1 }
            cluster Cluster { vpc: Vpcc }
        }
    };
    let _ = app;
}
