// G9: Managed Instances tasks take no ephemeral storage, no IPC mode and only Linux; each reported on its property.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            security_group Sg { vpc: Vpc }
            task_definition Task {
                compatibility: FargateAndManagedInstances,
                cpu: "1024",
                memory_mib: "2048",
                ephemeral_storage_gib: 40,
                ipc_mode: Host,
                runtime_platform: RuntimePlatform::default()
                    .operating_system_family(OperatingSystemFamily::WindowsServer2019Core),
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
