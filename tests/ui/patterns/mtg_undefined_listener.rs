// A target group of a multiple-target-groups pattern names a listener of its load balancers;
// reported on the listener's name.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            network_multiple_target_groups_fargate_service Service {
                task_image_options: { image: ContainerImage::from_registry("nginx") },
                load_balancers: [{ name: lb1, listeners: [{ name: listener1 }] }],
                target_groups: [{ container_port: 80, listener: "listener2" }],
            }
        }
    };
    let _ = app;
}
