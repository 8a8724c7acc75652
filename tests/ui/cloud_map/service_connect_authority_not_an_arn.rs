// M2: a tls certificate authority named by something other than its arn.
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
                service_connect_configuration: {
                    services: [{ port_mapping_name: "api", tls: { aws_pca_authority_arn: "my-ca" } }],
                },
            }
        }
    };
    let _ = app;
}
