// A peer names a construct of the stack: an unknown name suggests the closest connectable one.
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
            fargate_service Api {
                cluster: Cluster,
                task_definition: ApiTask,
                allow_from: [{ peer: Wroker, port: Port::tcp(80) }],
            }
            fargate_service Worker { cluster: Cluster, task_definition: ApiTask }
        }
    };
    let _ = app;
}
