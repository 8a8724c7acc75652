// M2: two service connect services of one port discovered by the same name.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            cluster Cluster { default_cloud_map_namespace: { name: "app.local" } }
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
                service_connect_configuration: { services: [{ port_mapping_name: "api" }, { port_mapping_name: "api" }] },
            }
        }
    };
    let _ = app;
}
