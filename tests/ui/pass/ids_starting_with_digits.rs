// A string id may start with digits: the cluster `"0-Asg"` and its `add_capacity Asg` are two
// constructs, each with its own binding.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster "0-Asg" { vpc: Vpc, add_capacity Asg { instance_type: "t3.micro" } }
            ec2_task_definition Task {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
            ec2_service Service { cluster: "0-Asg", task_definition: Task }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
