// G4: string ids resolve and suggest like identifiers.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster "bottlerocket-cluster" {}
            fargate_task_definition FargateTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service Service { cluster: "bottlerocket-clutser", task_definition: FargateTask }
        }
    };
    let _ = app;
}
