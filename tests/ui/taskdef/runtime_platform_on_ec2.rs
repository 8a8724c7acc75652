// Only Fargate tasks choose their platform: `runtime_platform` on an EC2-only generic task
// definition is refused on the property name.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Ec2,
                runtime_platform: RuntimePlatform::default(),
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
        }
    };
    let _ = app;
}
