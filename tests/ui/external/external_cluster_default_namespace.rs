// X1: an External service cannot run on a cluster with a default Cloud Map namespace; reported
// on the cluster it names.
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
            external_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    };
    let _ = app;
}
