// G4: a reference to a construct of a stack declared later; earlier stacks are fine.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition Ec2Task {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
            ec2_service Service { cluster: Cluster, task_definition: Ec2Task }
        }
        stack Shared {
            cluster Cluster {
                add_capacity Capacity { instance_type: "t2.micro" }
            }
        }
    };
    let _ = app;
}
