// An imported role's ARN names no role: its resource has no `/<name>`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            imported_role TaskRole { role_arn: "arn:aws:iam::123456789012:role" }
        }
    };
    let _ = app;
}
