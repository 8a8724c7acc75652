// A container override names a container of the task definition; reported on the name.
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
            rule Nightly {
                schedule: "cron(0 2 * * ? *)",
                targets: [{
                    cluster: Cluster,
                    task_definition: TaskDef,
                    container_overrides: [{ container_name: jobb, command: ["run"] }],
                }],
            }
        }
    };
    let _ = app;
}
