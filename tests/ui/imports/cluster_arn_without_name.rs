// An imported cluster's ARN ends at `cluster`, naming no cluster.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            imported_cluster Shared { cluster_arn: "arn:aws:ecs:us-east-1:123456789012:cluster" }
        }
    };
    let _ = app;
}
