// Ids are unique per stack (G4): two stacks may use the same names, and each reference resolves in
// its own stack. User names that clash with the prelude's types (`Cluster`, `Ec2Service`) are fine.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Blue {
            cluster Cluster { add_capacity Ec2Service { instance_type: "t3.micro" } }
            ec2_task_definition Ec2TaskDefinition {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
            ec2_service Service { cluster: Cluster, task_definition: Ec2TaskDefinition }
        }
        stack Green {
            cluster Cluster { add_capacity Ec2Service { instance_type: "t3.micro" } }
            ec2_task_definition Ec2TaskDefinition {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
            ec2_service Service { cluster: Cluster, task_definition: Ec2TaskDefinition }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
