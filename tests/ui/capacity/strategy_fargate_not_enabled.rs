// C2: a strategy names FARGATE_SPOT on a cluster without Fargate providers.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            fargate_task_definition Task { cpu: 256, memory_limit_mib: 512, container web { image: ContainerImage::from_registry("nginx") } }
            fargate_service Service {
                cluster: Cluster,
                task_definition: Task,
                capacity_provider_strategies: [{ capacity_provider: "FARGATE_SPOT", weight: 1 }],
            }
        }
    };
    let _ = app;
}
