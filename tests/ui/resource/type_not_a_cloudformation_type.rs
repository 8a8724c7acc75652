// A literal resource type that is not `Org::Service::Resource` or `Custom::Name` is refused on the literal.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            resource Bucket { type: "AWS::S3", properties: { BucketName: "logs" } }
            resource Hook { type: "Custom::my hook" }
        }
    };
    let _ = app;
}
