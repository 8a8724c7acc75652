use ecs_app::prelude::*;

fn main() {
    let _ = ecs_app! {
        #![deny(privileged_container, writable_root_filesystem)]
        stack Web {
            ec2_task_definition TaskDef {
                #[allow(writable_root_filesystem, reason = "nginx writes its cache under /var")]
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256, privileged: true }
            }
        }
    };
}
