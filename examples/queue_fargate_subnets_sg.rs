//! "Set taskSubnets and securityGroups for QueueProcessingFargateService": tasks in the isolated
//! subnets with a security group of one's own, the pattern given only the vpc (oracle app
//! 68-queue-fargate-subnets-sg).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack QueueFargateSubnetsSg {
            vpc Vpc {
                max_azs: 2,
                subnet_configuration: [
                    { name: "Public", subnet_type: Public, cidr_mask: 24 },
                    { name: "Private", subnet_type: PrivateWithEgress, cidr_mask: 24 },
                    { name: "Isolated", subnet_type: PrivateIsolated, cidr_mask: 24 },
                ],
            }
            security_group SecurityGroup { vpc: Vpc }
            queue_processing_fargate_service Service {
                vpc: Vpc,
                memory_limit_mib: 512,
                image: ContainerImage::from_registry("test"),
                min_healthy_percent: 100,
                security_groups: [SecurityGroup],
                task_subnets: { subnet_type: PrivateIsolated },
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
