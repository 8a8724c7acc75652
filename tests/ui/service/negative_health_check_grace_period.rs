// Durations are never negative (the CDK: "Duration amounts cannot be negative"): a negative
// bare integer for a duration, reported on the value instead of becoming 0.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx"), port_mappings: [80] }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef, health_check_grace_period: -60 }
        }
    };
    let _ = app;
}
