// Linear steps apply to linear deployments, each step a multiple of 0.1 from 3 to 100 percent.
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
                linear_configuration: TrafficShiftConfig::default().step_percent(2.5),
            }
        }
    };
    let _ = app;
}
