// A1: a service has one scalable task count; the second declaration is reported.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [80],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            auto_scale_task_count Service {
                max_capacity: 10,
                scale_on_cpu_utilization Cpu { target_utilization_percent: 50 }
            }
            auto_scale_task_count Service {
                max_capacity: 4,
                scale_on_memory_utilization Memory { target_utilization_percent: 70 }
            }
        }
    };
    let _ = app;
}
