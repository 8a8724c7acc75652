// G4: a misspelt cluster name gets a suggestion.
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
            ec2_service Service { cluster: Clustr, task_definition: Ec2Task }
        }
    };
    let _ = app;
}
