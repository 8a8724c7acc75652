// A property given twice is reported at the second.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc { max_azs: 2, nat_gateways: 1, max_azs: 3 }
        }
    };
    let _ = app;
}
