// Escape hatches take a string path (and a value unless they delete), before a construct.
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        stack Web {
            #[add_property_override(DesiredCount, 2)]
            cluster A {}
            #[add_deletion_override("Properties.ClusterName", "x")]
            cluster B {}
            #[add_override("Properties.ClusterName")]
            cluster C {}
        }
    };
}
