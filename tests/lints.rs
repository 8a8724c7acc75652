//! Values only known at run time are judged at synthesis: the block's levels and policies are
//! given to the app, so `privileged: privileged()` and an image from a variable are refused
//! there as a literal would be while compiling.

use ecs_app::ecs::lints::{ContainerView, str_starts_with};
use ecs_app::error::ErrorKind;
use ecs_app::facts::Fact;
use ecs_app::prelude::*;

fn privileged() -> bool {
    std::env::var("NOT_SET_IN_TESTS").is_err()
}

const fn images_from_our_registry(c: &ContainerView<'_, ()>) -> Result<(), &'static str> {
    match c.image {
        Fact::Known(image, _) if !str_starts_with(image, "123456789012.dkr.ecr.") => {
            Err("images come from our registry")
        }
        _ => Ok(()),
    }
}

#[test]
fn runtime_values_are_judged_at_synthesis() {
    let image = String::from("nginx");
    let app = ecs_app! {
        #![deny(privileged_container)]
        #![policy(container = images_from_our_registry)]
        stack Web {
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry(image),
                    memory_limit_mib: 256,
                    privileged: privileged(),
                }
            }
        }
    }
    .unwrap();
    let e = app.validate().unwrap_err();
    assert!(e.has(ErrorKind::Lint("privileged_container")), "{e}");
    assert!(e.has(ErrorKind::Lint("images_from_our_registry")), "{e}");
}
