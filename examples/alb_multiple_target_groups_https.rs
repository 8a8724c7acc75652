//! "Select idleTimeout for ApplicationMultipleTargetGroupsFargateService": two application load
//! balancers with idle timeouts, each with an HTTPS listener (a certificate, the `TLS12_EXT`
//! policy) and a domain name in a new public hosted zone, and four target groups, two per
//! listener, one of each behind a path rule; ECS Exec on (oracle app
//! 74-alb-multiple-target-groups-https).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack AlbMultipleTargetGroupsHttps {
            vpc Vpc { max_azs: 2 }
            cluster EcsCluster { vpc: Vpc }
            public_hosted_zone HostedZone { zone_name: "example.com" }
            public_hosted_zone HostedZone2 { zone_name: "frontend.com" }
            application_multiple_target_groups_fargate_service myService {
                cluster: EcsCluster,
                memory_limit_mib: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                enable_execute_command: true,
                load_balancers: [
                    {
                        name: lb,
                        idle_timeout: Duration::seconds(400),
                        domain_name: "api.example.com",
                        domain_zone: HostedZone,
                        listeners: [{
                            name: listener,
                            protocol: Https,
                            certificate: ListenerCertificate::from_arn("helloworld"),
                            ssl_policy: SslPolicy::TLS12_EXT,
                        }],
                    },
                    {
                        name: lb2,
                        idle_timeout: Duration::seconds(120),
                        domain_name: "frontend.com",
                        domain_zone: HostedZone2,
                        listeners: [{
                            name: listener2,
                            protocol: Https,
                            certificate: ListenerCertificate::from_arn("helloworld"),
                            ssl_policy: SslPolicy::TLS12_EXT,
                        }],
                    },
                ],
                target_groups: [
                    { container_port: 80, listener: listener },
                    { container_port: 90, path_pattern: "a/b/c", priority: 10, listener: listener },
                    { container_port: 443, listener: listener2 },
                    { container_port: 80, path_pattern: "a/b/c", priority: 10, listener: listener2 },
                ],
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
