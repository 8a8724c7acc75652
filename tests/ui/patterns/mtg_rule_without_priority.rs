// An application target group's path rule needs a priority; reported on `path_pattern`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            application_multiple_target_groups_fargate_service Service {
                task_image_options: { image: ContainerImage::from_registry("nginx") },
                target_groups: [
                    { container_port: 80 },
                    { container_port: 90, path_pattern: "/api/*" },
                ],
            }
        }
    };
    let _ = app;
}
