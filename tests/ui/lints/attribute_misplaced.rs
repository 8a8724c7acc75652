// Inner attributes go first in the app or a stack; outer ones before an item.
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        stack Web {
            cluster Cluster {}
            #![deny(privileged_container)]
            #[allow(public_ip)]
        }
        #[unknown(public_ip)]
        stack Api {}
    };
}
