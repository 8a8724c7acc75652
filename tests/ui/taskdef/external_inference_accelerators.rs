// X1: inference accelerators on an External task definition.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            external_task_definition TaskDef {
                inference_accelerators: [InferenceAccelerator::new("device1", "eia2.medium")],
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
        }
    };
    let _ = app;
}
