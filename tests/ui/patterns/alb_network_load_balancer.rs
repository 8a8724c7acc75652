// An application load-balanced pattern adds its listener to an application load balancer;
// reported on the name of the network one given.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            network_load_balancer Nlb { vpc: Vpc, internet_facing: true }
            application_load_balanced_fargate_service Service {
                vpc: Vpc,
                load_balancer: Nlb,
                task_image_options: { image: ContainerImage::from_registry("nginx") },
            }
        }
    };
    let _ = app;
}
