// A stack's level overrides the app's: the app denies public IPs, the `Demo` stack allows
// them with a reason, and the `Public` stack keeps the app's level.
use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        #![deny(public_ip)]
        stack Demo {
            #![allow(public_ip, reason = "a public demo")]
            cluster Cluster {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef, assign_public_ip: true }
        }
        stack Public {
            cluster Cluster {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef, assign_public_ip: true }
        }
    };
}
