// C2: two providers with a nonzero base; reported on the second base.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc, enable_fargate_capacity_providers: true }
            fargate_task_definition Task { cpu: 256, memory_limit_mib: 512, container web { image: ContainerImage::from_registry("nginx") } }
            fargate_service Service {
                cluster: Cluster,
                task_definition: Task,
                capacity_provider_strategies: [
                    { capacity_provider: "FARGATE", base: 1, weight: 1 },
                    { capacity_provider: "FARGATE_SPOT", base: 2, weight: 1 },
                ],
            }
        }
    };
    let _ = app;
}
