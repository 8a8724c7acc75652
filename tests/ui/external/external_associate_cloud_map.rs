// X1: an External service cannot be associated with a Cloud Map service either; reported on
// the property.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            private_dns_namespace Namespace { name: "local", vpc: Vpc }
            cloud_map_service Discovery { namespace: Namespace, name: "web" }
            external_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                }
            }
            external_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                associate_cloud_map_service: { service: Discovery },
            }
        }
    };
    let _ = app;
}
