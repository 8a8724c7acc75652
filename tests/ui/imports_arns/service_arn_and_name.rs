// An imported service is known by its ARN or by its name, not both: the CDK refuses both.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Ops {
            cluster Cluster {}
            imported_service Web {
                cluster: Cluster,
                service_arn: "arn:aws:ecs:us-east-1:123456789012:service/shared/web",
                service_name: "web",
            }
        }
    };
    let _ = app;
}
