// Load-balanced patterns: on a declared cluster, in a declared vpc (the stack's default cluster),
// with neither (a default cluster with its own vpc), and on a task definition of one's own.
use ecs_app::prelude::*;

fn main() {
    let built = ecs_app! {
        stack Web {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [8080],
                }
            }
            application_load_balanced_fargate_service OnCluster {
                cluster: Cluster,
                task_image_options: {
                    image: ContainerImage::from_registry("nginx"),
                    container_port: 8080,
                    environment: { STAGE: "prod" },
                },
                public_load_balancer: false,
            }
            application_load_balanced_fargate_service InVpc {
                vpc: Vpc,
                task_definition: TaskDef,
                idle_timeout: Duration::seconds(120),
            }
            application_load_balanced_fargate_service Alone {
                task_image_options: { image: ContainerImage::from_registry("nginx") },
                desired_count: 2,
            }
        }
    }
    .expect("the app builds");
    let _ = built.handles.Web.OnCluster.target_group;
}
