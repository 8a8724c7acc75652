// E1 is not reported on top of a misspelt memory property: the unknown property is the one error.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container web { image: ContainerImage::from_registry("nginx"), memory_limt_mib: 512 }
            }
        }
    };
    let _ = app;
}
