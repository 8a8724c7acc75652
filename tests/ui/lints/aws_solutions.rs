// cdk-nag's AwsSolutions ECS rules as a group: environment variables (ECS2), Container
// Insights (ECS4) and container logging (ECS7).
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        #![deny(aws_solutions)]
        stack Web {
            cluster Cluster { container_insights_v2: Disabled }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    environment: { STAGE: "prod" },
                }
            }
        }
    };
}
