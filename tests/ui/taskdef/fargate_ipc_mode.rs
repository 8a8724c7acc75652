// G8: tasks on Fargate have no IPC mode; reported on `ipc_mode` of a Fargate-compatible
// generic task definition.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Ec2AndFargate,
                cpu: "256",
                memory_mib: "512",
                ipc_mode: Task,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
    let _ = app;
}
