// M2: service connect with no namespace, in a cluster without a default namespace.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [{ container_port: 8080, name: "api" }],
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                service_connect_configuration: {},
            }
        }
    };
    let _ = app;
}
