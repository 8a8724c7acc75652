// F2 on Windows: with cpu 2048 a windows Fargate task takes 4096 to 16384 MiB; reported on the
// memory.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 2048,
                memory_limit_mib: 2048,
                runtime_platform: RuntimePlatform::default()
                    .operating_system_family(OperatingSystemFamily::WindowsServer2022Full),
                container web { image: ContainerImage::from_registry("mcr.microsoft.com/windows/servercore:ltsc2022") }
            }
        }
    };
    let _ = app;
}
