// Properties are an object of unique keys; another construct's attribute has one part.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            queue Jobs {}
            resource Bucket {
                type: "AWS::S3::Bucket",
                properties: { BucketName: "a", BucketName: "b", Tags: [{ Key: "k", Value: Jobs.queue_url.x }] },
            }
            resource Other { type: "AWS::SNS::Topic", properties: [1, 2] }
        }
    };
    let _ = app;
}
