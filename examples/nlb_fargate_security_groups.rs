//! "Set securityGroups for NetworkLoadBalancedFargateService": a pattern given a `vpc` and no
//! cluster (it creates the stack's default cluster in that vpc) and a security group of one's
//! own for its tasks (oracle app 77-nlb-fargate-security-groups).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack NlbFargateSecurityGroups {
            vpc Vpc { max_azs: 2 }
            security_group SecurityGroup { vpc: Vpc }
            network_load_balanced_fargate_service Service {
                vpc: Vpc,
                memory_limit_mib: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                security_groups: [SecurityGroup],
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
