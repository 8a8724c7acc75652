// F2 on Windows: windows Fargate tasks take cpu 1024, 2048 or 4096; reported on the cpu.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 512,
                memory_limit_mib: 1024,
                runtime_platform: RuntimePlatform::default()
                    .operating_system_family(OperatingSystemFamily::WindowsServer2019Core),
                container web { image: ContainerImage::from_registry("mcr.microsoft.com/windows/servercore:ltsc2019") }
            }
        }
    };
    let _ = app;
}
