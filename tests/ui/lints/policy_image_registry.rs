// A platform team's own rule: images only from its registry, checked while compiling.
use ecs_app::ecs::lints::{ContainerView, str_starts_with};
use ecs_app::facts::Fact;
use ecs_app::prelude::*;

const fn images_from_our_registry(c: &ContainerView<'_, ()>) -> Result<(), &'static str> {
    match c.image {
        Fact::Known(image, _) if !str_starts_with(image, "123456789012.dkr.ecr.") => {
            Err("images come from our registry: use an image of 123456789012.dkr.ecr.<region>.amazonaws.com")
        }
        _ => Ok(()),
    }
}

fn main() {
    let _ = ecs_app! {
        #![policy(container = images_from_our_registry)]
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
        }
    };
}
