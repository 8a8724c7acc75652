// A listener of a stack names the load balancer it listens on, usually of another stack.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            fargate_task_definition ApiTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx"), port_mappings: [80] }
            }
            fargate_service Api { cluster: Cluster, task_definition: ApiTask, target_groups: [Grop] }
            target_group Group { vpc: Vpc, port: 80 }
            listener Public { load_balancer: Cluster, port: 80 }
        }
    };
    let _ = app;
}
