// Tags go on the constructs of a stack (and containers); a nested item has no handle to tag.
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                #[tag(team = "api")]
                add_capacity Capacity { instance_type: "t3.medium" }
            }
            #[tag(team)]
            #[untag(org = "acme")]
            vpc Other {}
        }
    };
}
