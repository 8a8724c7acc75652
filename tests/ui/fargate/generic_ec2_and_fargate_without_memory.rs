// F1 on the generic kind: a Fargate-compatible `task_definition` with `cpu` but no `memory_mib`,
// reported on the task definition id and naming `memory_mib`, the property this kind takes.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Ec2AndFargate,
                cpu: 256,
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
        }
    };
    let _ = app;
}
