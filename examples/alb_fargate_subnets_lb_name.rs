//! "Select specific vpc subnets for ApplicationLoadBalancedFargateService" and "Select specific
//! load balancer name ApplicationLoadBalancedFargateService": two Fargate services whose tasks
//! run in one existing subnet, the second behind a load balancer named `application-lb-name`
//! (oracle app 72-alb-fargate-subnets-lb-name).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack AlbFargateSubnetsLbName {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            application_load_balanced_fargate_service Service {
                cluster: Cluster,
                memory_limit_mib: 1024,
                desired_count: 1,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                task_subnets: { subnets: [Subnet::from_subnet_id("subnet-0123456789abcdef0")] },
            }
            application_load_balanced_fargate_service NamedLbService {
                cluster: Cluster,
                memory_limit_mib: 1024,
                desired_count: 1,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                task_subnets: { subnets: [Subnet::from_subnet_id("subnet-0123456789abcdef0")] },
                load_balancer_name: "application-lb-name",
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
