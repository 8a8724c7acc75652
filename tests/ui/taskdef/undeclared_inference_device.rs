// G2: an accelerator resource naming no declared device.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                inference_accelerators: [InferenceAccelerator::new("device1", "eia2.medium")],
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    inference_accelerator_resources: ["device2"],
                }
            }
        }
    };
    let _ = app;
}
