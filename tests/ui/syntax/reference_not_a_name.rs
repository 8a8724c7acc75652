// A reference property takes a declared name, not an expression.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            fargate_task_definition FargateTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service Service { cluster: make_cluster(), task_definition: FargateTask }
        }
    };
    let _ = app;
}
