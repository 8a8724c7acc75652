// L2: a classic load balancer needs bridge or host mode tasks.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc, add_capacity Capacity { instance_type: "t3.large" } }
            ec2_task_definition TaskDef {
                network_mode: AwsVpc,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    port_mappings: [80],
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef }
            classic_load_balancer LB { vpc: Vpc, listeners: [{ external_port: 80 }], targets: [Service] }
        }
    };
    let _ = app;
}
