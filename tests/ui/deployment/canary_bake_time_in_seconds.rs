// A canary step bakes for whole minutes.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service Web {
                cluster: Cluster,
                task_definition: TaskDef,
                deployment_strategy: Canary,
                canary_configuration: TrafficShiftConfig::default()
                    .step_percent(10)
                    .step_bake_time(Duration::seconds(90)),
            }
        }
    };
    let _ = app;
}
