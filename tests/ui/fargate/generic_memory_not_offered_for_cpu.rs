// F2 on the generic kind: a literal `memory_mib` Fargate does not offer with the cpu, on the
// memory value and naming `memory_mib`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Ec2AndFargate,
                cpu: "256",
                memory_mib: "4096",
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
        }
    };
    let _ = app;
}
