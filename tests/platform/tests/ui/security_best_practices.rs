// The AWS Foundational Security Best Practices are denied: Container Insights off (ECS.12), a
// writable root file system (ECS.5) and a container without logs (ECS.9).
use acme_platform::acme_app;
use acme_platform::ecs_app::prelude::*;

fn main() {
    let _ = acme_app! {
        stack Web {
            cluster Cluster {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4"),
                }
            }
        }
    };
}
