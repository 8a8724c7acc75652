// A platform version whose parts do not fit a u32 reads as newer than 1.4.0 (F6), with no panic
// while compiling or running.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                ephemeral_storage_gib: 40,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                platform_version: "9999999999",
            }
        }
    };
    app.unwrap().templates().unwrap();
}
