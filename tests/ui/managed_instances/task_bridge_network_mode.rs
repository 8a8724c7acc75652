// G9: Managed Instances tasks have awsvpc or host networking; reported on network_mode.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            security_group Sg { vpc: Vpc }
            task_definition Task {
                compatibility: ManagedInstances,
                network_mode: Bridge,
                cpu: "256",
                memory_mib: "512",
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
