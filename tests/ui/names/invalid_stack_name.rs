// A stack id is its CloudFormation stack name: letters, digits and `-`, starting with a letter.
// Reported on the id, with a name CloudFormation accepts.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack "my web" {
            cluster Cluster {}
        }
    };
    let _ = app;
}
