// A misspelt construct in a property token gets a suggestion.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            queue Jobs {}
            resource Bucket { type: "AWS::S3::Bucket" }
            resource Param {
                type: "AWS::SSM::Parameter",
                properties: { Type: "String", Value: Jbos.queue_url, Description: Buckte.Arn },
            }
        }
    };
    let _ = app;
}
