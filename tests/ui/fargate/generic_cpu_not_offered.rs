// F2 on the generic kind: a literal cpu Fargate does not offer, on the cpu value.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Ec2AndFargate,
                cpu: 300, memory_mib: 512,
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
        }
    };
    let _ = app;
}
