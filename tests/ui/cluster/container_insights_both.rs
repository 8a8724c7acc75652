use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        stack Web {
            cluster Cluster { container_insights: true, container_insights_v2: Enhanced }
        }
    };
}
