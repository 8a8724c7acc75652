// A service runs a task definition of the app: the CDK's services take no imported one.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            imported_task_definition Job {
                task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/job:1",
            }
            fargate_service Service { cluster: Cluster, task_definition: Job }
        }
    };
    let _ = app;
}
