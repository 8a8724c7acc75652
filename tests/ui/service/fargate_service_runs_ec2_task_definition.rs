// S1: a fargate_service naming an ec2_task_definition.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            ec2_task_definition Ec2Task {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
            fargate_service Service { cluster: Cluster, task_definition: Ec2Task }
        }
    };
    let _ = app;
}
