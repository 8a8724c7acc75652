// S1: an ec2_service naming a fargate_task_definition; reported on the reference.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {
                add_capacity Capacity { instance_type: "t2.micro" }
            }
            fargate_task_definition FargateTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            ec2_service Service { cluster: Cluster, task_definition: FargateTask }
        }
    };
    let _ = app;
}
