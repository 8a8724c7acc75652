//! "Elastic Inference Accelerators": a task-level accelerator and a container using it
//! (oracle app 30-inference-accelerators).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack InferenceAccelerators {
            ec2_task_definition Ec2TaskDef {
                inference_accelerators: [InferenceAccelerator::new("device1", "eia2.medium")],
                container cont {
                    image: ContainerImage::from_registry("test"),
                    memory_limit_mib: 1024,
                    inference_accelerator_resources: ["device1"],
                }
            }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
