// F6 (service side): a Fargate service on platform 1.3.0 cannot run a task with `pid_mode`;
// reported on the version.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                runtime_platform: RuntimePlatform::default()
                    .operating_system_family(OperatingSystemFamily::Linux),
                pid_mode: Task,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                platform_version: "1.3.0",
            }
        }
    };
    let _ = app;
}
