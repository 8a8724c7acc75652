// The cluster is taken from an ARN in the `service/<cluster>/<name>` format only.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Ops {
            imported_service Old {
                service_arn: "arn:aws:ecs:us-east-1:123456789012:service/old",
                import_cluster: true,
            }
        }
    };
    let _ = app;
}
