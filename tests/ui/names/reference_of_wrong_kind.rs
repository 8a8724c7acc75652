// G4: a reference naming a construct of another kind says what it is.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {
                add_capacity Capacity { instance_type: "t2.micro" }
            }
            ec2_task_definition Ec2Task {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
            ec2_service Service { cluster: Ec2Task, task_definition: Ec2Task }
        }
    };
    let _ = app;
}
