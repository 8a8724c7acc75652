// `depends_on` names constructs declared before the resource.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            resource Topic { type: "AWS::SNS::Topic" }
            resource Param { type: "AWS::SSM::Parameter", depends_on: [Topci, Later] }
            resource Later { type: "AWS::SNS::Topic" }
        }
    };
    let _ = app;
}
