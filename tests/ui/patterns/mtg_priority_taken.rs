// Two rules of one listener cannot share a priority; reported on the second.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            application_multiple_target_groups_fargate_service Service {
                task_image_options: { image: ContainerImage::from_registry("nginx") },
                target_groups: [
                    { container_port: 80 },
                    { container_port: 90, path_pattern: "/a/*", priority: 10 },
                    { container_port: 91, path_pattern: "/b/*", priority: 10 },
                ],
            }
        }
    };
    let _ = app;
}
