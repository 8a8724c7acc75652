// C2 family: a strategy entry needs its provider.
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
                capacity_provider_strategies: [{ weight: 1 }],
            }
        }
    };
    let _ = app;
}
