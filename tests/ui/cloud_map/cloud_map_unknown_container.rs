// M1: an SRV record names a container of this task definition.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                default_cloud_map_namespace: { name: "app.local" },
                add_capacity Capacity { instance_type: "t3.large" }
            }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    port_mappings: [80],
                }
            }
            ec2_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                cloud_map_options: { container: sidecar, container_port: 80 },
            }
        }
    };
    let _ = app;
}
