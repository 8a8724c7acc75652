//! "Network Load Balanced Services": a `NetworkLoadBalancedFargateService` with a 512/1024 task
//! (oracle app 55-nlb-fargate-service).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack NlbFargateService {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            network_load_balanced_fargate_service Service {
                cluster: Cluster,
                memory_limit_mib: 1024,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
            }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
