//! "Set TLS for NetworkLoadBalancedFargateService / NetworkLoadBalancedEc2Service": TLS
//! listeners on port 4443 with a certificate, forwarding over TLS to container port 8443; the
//! Fargate one has neither cluster nor vpc, so the stack's default cluster gets its own VPC
//! (oracle app 78-nlb-tls).

use ecs_app::prelude::*;

/// The README's placeholder certificate, kept as the CDK app keeps it.
const CERTIFICATE: &str = "arn:aws:acm:us-east-1:123456:certificate/abcdefg";

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack NlbTls {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 2,
                }
            }
            network_load_balanced_fargate_service FargateService {
                listener_port: 4443,
                listener_certificate: ListenerCertificate::from_arn(CERTIFICATE),
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    container_port: 8443,
                },
            }
            network_load_balanced_ec2_service Ec2Service {
                cluster: Cluster,
                memory_limit_mib: 1024,
                listener_port: 4443,
                listener_certificate: ListenerCertificate::from_arn(CERTIFICATE),
                task_image_options: {
                    image: ContainerImage::from_registry("test"),
                    container_port: 8443,
                    environment: {
                        TEST_ENVIRONMENT_VARIABLE1: "test environment variable 1 value",
                        TEST_ENVIRONMENT_VARIABLE2: "test environment variable 2 value",
                    },
                },
                desired_count: 2,
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
