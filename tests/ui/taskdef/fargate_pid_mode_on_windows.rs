// G8: Windows containers have no `pid_mode`; reported on the mode.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 1024,
                memory_limit_mib: 2048,
                runtime_platform: RuntimePlatform::default()
                    .operating_system_family(OperatingSystemFamily::WindowsServer2022Core),
                pid_mode: Task,
                container web { image: ContainerImage::from_registry("mcr.microsoft.com/windows/servercore:ltsc2022") }
            }
        }
    };
    let _ = app;
}
