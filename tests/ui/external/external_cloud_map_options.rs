// X1: an External service cannot register in Cloud Map; reported on the property, and on the
// cluster, whose default namespace an External service cannot run with either.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                default_cloud_map_namespace: { name: "local" },
            }
            external_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                }
            }
            external_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                cloud_map_options: { name: "web" },
            }
        }
    };
    let _ = app;
}
