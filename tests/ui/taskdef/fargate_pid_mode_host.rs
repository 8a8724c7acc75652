// G8: Linux Fargate tasks take only `pid_mode: Task`; reported on the mode.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                runtime_platform: RuntimePlatform::default()
                    .operating_system_family(OperatingSystemFamily::Linux),
                pid_mode: Host,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
