// G5: `rate(1 min)` is not a schedule expression (the unit is `minute`); reported on the
// literal.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container job { image: ContainerImage::from_registry("busybox") }
            }
            rule Every {
                schedule: "rate(1 min)",
                targets: [{ cluster: Cluster, task_definition: TaskDef }],
            }
        }
    };
    let _ = app;
}
