// F3 on the generic kind: a Fargate-compatible task definition in bridge mode.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Fargate,
                cpu: "256",
                memory_mib: "512",
                network_mode: Bridge,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
