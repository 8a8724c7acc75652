//! "Change the default Deployment Controller" (CODE_DEPLOY) and "Deployment circuit breaker and
//! rollback" on `ApplicationLoadBalancedFargateService`s (oracle app 67-alb-fargate-deployment).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack AlbFargateDeployment {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            application_load_balanced_fargate_service CodeDeployService {
                cluster: Cluster,
                memory_limit_mib: 1024,
                desired_count: 1,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                deployment_controller: CodeDeploy,
            }
            application_load_balanced_fargate_service CircuitBreakerService {
                cluster: Cluster,
                memory_limit_mib: 1024,
                desired_count: 1,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                circuit_breaker: { rollback: true },
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
