// G4: an unknown name far from every candidate lists the declared ones.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Main {}
            vpc Backup {}
            cluster Cluster { vpc: Zzz }
        }
    };
    let _ = app;
}
