// S2: the only container is `essential: false`; reported on the service's task_definition.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {
                add_capacity Capacity { instance_type: "t2.micro" }
            }
            ec2_task_definition TaskDef {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512, essential: false }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    };
    let _ = app;
}
