// S5: a daemon service takes no placement strategies; reported on `placement_strategies`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc, add_capacity Capacity { instance_type: "t3.large" } }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                }
            }
            ec2_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                daemon: true,
                placement_strategies: [PlacementStrategy::spread_across_instances()],
            }
        }
    };
    let _ = app;
}
