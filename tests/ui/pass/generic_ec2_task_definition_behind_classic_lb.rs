// L2's nearest valid neighbour on the generic kind: `task_definition { compatibility: Ec2 }`
// defaults to bridge networking, as the builder does, so a classic load balancer can target it.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc, add_capacity Capacity { instance_type: "t3.large" } }
            task_definition TaskDef {
                compatibility: Ec2,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    port_mappings: [{ container_port: 80, host_port: 80 }],
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef }
            classic_load_balancer LB { vpc: Vpc, listeners: [{ external_port: 80 }], targets: [Service] }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
