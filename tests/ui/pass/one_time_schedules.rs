// G5's nearest valid neighbours of an events rule on `at(…)`: scheduled scaling keeps one-time
// `at(…)` actions, and a rule fires once on a cron with its year.
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
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            auto_scale_task_count Service {
                max_capacity: 4,
                scale_on_schedule Launch { schedule: "at(2026-12-01T08:30:00)", min_capacity: 4 }
            }
            rule Once {
                schedule: "cron(30 8 1 12 ? 2026)",
                targets: [{ cluster: Cluster, task_definition: TaskDef }],
            }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
