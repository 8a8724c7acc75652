// An events rule passes the task role of a Fargate-compatible task definition (the default of
// an import): the CDK refuses an import without one.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            imported_task_definition Job {
                task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/job:1",
                network_mode: AwsVpc,
            }
            rule Hourly {
                schedule: "rate(1 hour)",
                targets: [{ cluster: Cluster, task_definition: Job }],
            }
        }
    };
    let _ = app;
}
