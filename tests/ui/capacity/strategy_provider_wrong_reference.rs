// A strategy names an auto scaling group, not its capacity provider.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc, add_asg_capacity_provider Provider {} }
            auto_scaling_group Asg { vpc: Vpc, instance_type: "c5.large" }
            asg_capacity_provider Provider { auto_scaling_group: Asg }
            ec2_task_definition Task { container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 } }
            ec2_service Service {
                cluster: Cluster,
                task_definition: Task,
                capacity_provider_strategies: [{ capacity_provider: Asg, weight: 1 }],
            }
        }
    };
    let _ = app;
}
