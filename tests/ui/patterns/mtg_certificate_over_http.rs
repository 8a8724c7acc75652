// A listener's certificate needs HTTPS; reported on `protocol`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            application_multiple_target_groups_fargate_service Service {
                task_image_options: { image: ContainerImage::from_registry("nginx") },
                load_balancers: [{
                    name: lb,
                    listeners: [{
                        name: web,
                        protocol: Http,
                        certificate: ListenerCertificate::from_arn("arn:aws:acm:us-east-1:123456789012:certificate/abc"),
                    }],
                }],
            }
        }
    };
    let _ = app;
}
