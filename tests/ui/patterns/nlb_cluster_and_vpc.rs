// The network patterns share the choice of cluster or vpc; reported on `vpc`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            network_load_balanced_fargate_service Service {
                cluster: Cluster,
                vpc: Vpc,
                task_image_options: { image: ContainerImage::from_registry("nginx") },
            }
        }
    };
    let _ = app;
}
