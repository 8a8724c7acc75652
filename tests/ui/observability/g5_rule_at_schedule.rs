// G5 (events rules): an events rule fires on `rate(…)` or `cron(…)`; `at(…)` is valid only for
// scheduled scaling. Reported on the literal, with the one-time cron to use instead.
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
            rule Once {
                schedule: "at(2026-12-01T08:30:00)",
                targets: [{ cluster: Cluster, task_definition: TaskDef }],
            }
        }
    };
    let _ = app;
}
