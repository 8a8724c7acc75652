// Each load balancer of a multiple-target-groups pattern has a listener; an empty list is
// reported on `listeners`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            application_multiple_target_groups_ec2_service Service {
                task_image_options: { image: ContainerImage::from_registry("nginx") },
                load_balancers: [{ name: lb, listeners: [] }],
            }
        }
    };
    let _ = app;
}
