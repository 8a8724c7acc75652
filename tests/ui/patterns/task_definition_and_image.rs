// A pattern runs its task definition or creates one from task image options, not both;
// reported on `task_image_options`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                add_capacity Capacity { instance_type: "t3.medium" }
            }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    port_mappings: [80],
                }
            }
            application_load_balanced_ec2_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                task_image_options: { image: ContainerImage::from_registry("nginx") },
            }
        }
    };
    let _ = app;
}
