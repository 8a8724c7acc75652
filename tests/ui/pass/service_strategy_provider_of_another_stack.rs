// A service of a later stack may run on a cluster of an earlier one, through a capacity provider
// that cluster adds.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Base {
            vpc Vpc {}
            auto_scaling_group Group { vpc: Vpc, instance_type: "c5.large" }
            asg_capacity_provider Provider { auto_scaling_group: Group }
            cluster Cluster { vpc: Vpc, add_asg_capacity_provider Provider {} }
        }
        stack Web {
            ec2_task_definition Task {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
            ec2_service Service {
                cluster: Cluster,
                task_definition: Task,
                capacity_provider_strategies: [{ capacity_provider: Provider, weight: 1 }],
            }
        }
    };
    app.unwrap().templates().unwrap();
}
