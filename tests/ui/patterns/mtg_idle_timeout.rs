// A load balancer's idle timeout is 1 to 4000 seconds; reported on the duration.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            application_multiple_target_groups_fargate_service Service {
                task_image_options: { image: ContainerImage::from_registry("nginx") },
                load_balancers: [{
                    name: lb,
                    idle_timeout: Duration::seconds(5000),
                    listeners: [{ name: web }],
                }],
            }
        }
    };
    let _ = app;
}
