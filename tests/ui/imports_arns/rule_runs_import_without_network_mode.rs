// An events rule needs the network mode of the task definition it runs: the CDK refuses an
// import without one.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            imported_task_definition Job {
                task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/job:1",
                compatibility: Ec2,
            }
            rule Hourly {
                schedule: "rate(1 hour)",
                targets: [{ cluster: Cluster, task_definition: Job }],
            }
        }
    };
    let _ = app;
}
