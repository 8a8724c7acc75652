//! "Set health checks for ApplicationMultipleTargetGroupsFargateService": the service of
//! `alb_multiple_target_groups_https`, with custom health checks on its first two target groups
//! (oracle app 75-alb-multiple-target-groups-health-checks).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    let Built { mut app, handles } = ecs_app! {
        stack AlbMultipleTargetGroupsHealthChecks {
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
    }?;
    // CDK `loadBalancedFargateService.targetGroups[i].configureHealthCheck({ … })`.
    let service = &handles.AlbMultipleTargetGroupsHealthChecks.myService;
    for group in &service.target_groups[..2] {
        group.configure_health_check(
            &mut app,
            TargetGroupHealthCheck::default()
                .port("8050")
                .protocol(ListenerProtocol::Http)
                .healthy_threshold_count(2)
                .unhealthy_threshold_count(2)
                .timeout(Duration::seconds(10))
                .interval(Duration::seconds(30))
                .healthy_http_codes("200"),
        )?;
    }
    Ok(app)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
