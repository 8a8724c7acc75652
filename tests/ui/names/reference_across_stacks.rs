// G4: references across stacks are not supported yet.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Shared {
            cluster Cluster {
                add_capacity Capacity { instance_type: "t2.micro" }
            }
        }
        stack Web {
            ec2_task_definition Ec2Task {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
            ec2_service Service { cluster: Cluster, task_definition: Ec2Task }
        }
    };
    let _ = app;
}
