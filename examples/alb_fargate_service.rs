//! "Application Load Balanced Services": an `ApplicationLoadBalancedFargateService` (a 512/1024
//! task whose container takes 256/512) and a custom health-check path set on its target group
//! (oracle app 51-alb-fargate-service).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    let Built { mut app, handles } = ecs_app! {
        stack AlbFargateService {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            application_load_balanced_fargate_service Service {
                cluster: Cluster,
                memory_limit_mib: 1024,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    command: ["command"],
                    entry_point: ["entry", "point"],
                },
                container_cpu: 256,
                container_memory_limit_mib: 512,
                min_healthy_percent: 100,
            }
        }
    }?;
    // CDK `loadBalancedFargateService.targetGroup.configureHealthCheck({ path: … })`.
    handles
        .AlbFargateService
        .Service
        .target_group
        .configure_health_check(
            &mut app,
            TargetGroupHealthCheck::default().path("/custom-health-path"),
        )?;
    Ok(app)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
