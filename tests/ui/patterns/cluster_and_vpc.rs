// A pattern runs on its cluster or creates one in its vpc, not both; reported on `vpc`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            application_load_balanced_fargate_service Service {
                cluster: Cluster,
                vpc: Vpc,
                task_image_options: { image: ContainerImage::from_registry("nginx") },
            }
        }
    };
    let _ = app;
}
