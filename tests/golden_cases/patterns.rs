//! The aws-ecs-patterns apps whose examples use `ecs_app!`, built with the builders alone:
//! multiple target groups over HTTPS in public hosted zones with health checks (oracle app 75),
//! task subnets by id and a load balancer name (72), and a dual-stack VPC under four
//! load-balanced patterns (79), each against the CDK's template.

use crate::support::assert_matches_cdk;
use ecs_app::ecs_patterns::*;
use ecs_app::prelude::*;

const SAMPLE: &str = "amazon/amazon-ecs-sample";

#[test]
fn https_multiple_target_groups_with_health_checks_match_the_cdk() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("AlbMultipleTargetGroupsHealthChecks")?;
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    let cluster = Cluster::new(&mut app, s, "EcsCluster", ClusterProps::default().vpc(vpc))?;
    let zone = |app: &mut App, id: &str, name: &str| {
        PublicHostedZone::new(app, s, id, PublicHostedZoneProps::default().zone_name(name))
    };
    let example = zone(&mut app, "HostedZone", "example.com")?;
    let frontend = zone(&mut app, "HostedZone2", "frontend.com")?;
    let listener = |name: &str| {
        ApplicationListenerProps::new(name)
            .protocol(ListenerProtocol::Https)
            .certificate(ListenerCertificate::from_arn("helloworld"))
            .ssl_policy(SslPolicy::TLS12_EXT)
    };
    let service = ApplicationMultipleTargetGroupsFargateService::new(
        &mut app,
        s,
        "myService",
        ApplicationMultipleTargetGroupsFargateServiceProps::default()
            .cluster(cluster)
            .memory_limit_mib(512)
            .task_image_options(
                ApplicationLoadBalancedTaskImageProps::default()
                    .image(ContainerImage::from_registry(SAMPLE)),
            )
            .enable_execute_command(true)
            .load_balancers([
                ApplicationLoadBalancerProps::new("lb")
                    .idle_timeout(Duration::seconds(400))
                    .domain_name("api.example.com")
                    .domain_zone(example)
                    .listeners([listener("listener")]),
                ApplicationLoadBalancerProps::new("lb2")
                    .idle_timeout(Duration::seconds(120))
                    .domain_name("frontend.com")
                    .domain_zone(frontend)
                    .listeners([listener("listener2")]),
            ])
            .target_groups([
                ApplicationTargetProps::new(80).listener("listener"),
                ApplicationTargetProps::new(90)
                    .path_pattern("a/b/c")
                    .priority(10)
                    .listener("listener"),
                ApplicationTargetProps::new(443).listener("listener2"),
                ApplicationTargetProps::new(80)
                    .path_pattern("a/b/c")
                    .priority(10)
                    .listener("listener2"),
            ]),
    )?;
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
    assert_matches_cdk(app, "75-alb-multiple-target-groups-health-checks");
    Ok(())
}

#[test]
fn task_subnets_by_id_and_a_load_balancer_name_match_the_cdk() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("AlbFargateSubnetsLbName")?;
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    let props = || {
        ApplicationLoadBalancedFargateServiceProps::default()
            .cluster(cluster)
            .memory_limit_mib(1024)
            .desired_count(1)
            .cpu(512)
            .task_image_options(
                ApplicationLoadBalancedTaskImageOptions::default()
                    .image(ContainerImage::from_registry(SAMPLE)),
            )
            .min_healthy_percent(100)
            .task_subnets(
                SubnetSelection::default()
                    .subnets([Subnet::from_subnet_id("subnet-0123456789abcdef0")]),
            )
    };
    ApplicationLoadBalancedFargateService::new(&mut app, s, "Service", props())?;
    ApplicationLoadBalancedFargateService::new(
        &mut app,
        s,
        "NamedLbService",
        props().load_balancer_name("application-lb-name"),
    )?;
    assert_matches_cdk(app, "72-alb-fargate-subnets-lb-name");
    Ok(())
}

#[test]
fn dual_stack_load_balancers_match_the_cdk() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("DualstackLoadBalancers")?;
    let vpc = Vpc::new(
        &mut app,
        s,
        "Vpc",
        VpcProps::default().ip_protocol(IpProtocol::DualStack),
    )?;
    let cluster = Cluster::new(&mut app, s, "EcsCluster", ClusterProps::default().vpc(vpc))?;
    cluster.add_capacity(
        &mut app,
        "DefaultAutoScalingGroupCapacity",
        AddCapacityOptions::default()
            .instance_type("t3.medium")
            .max_capacity(2),
    )?;
    let image = || ContainerImage::from_registry(SAMPLE);
    let dual = IpAddressType::DualStack;
    ApplicationLoadBalancedFargateService::new(
        &mut app,
        s,
        "myService",
        ApplicationLoadBalancedFargateServiceProps::default()
            .cluster(cluster)
            .task_image_options(ApplicationLoadBalancedTaskImageOptions::default().image(image()))
            .min_healthy_percent(100)
            .ip_address_type(dual),
    )?;
    ApplicationLoadBalancedEc2Service::new(
        &mut app,
        s,
        "myEc2Service",
        ApplicationLoadBalancedEc2ServiceProps::default()
            .cluster(cluster)
            .memory_limit_mib(512)
            .task_image_options(ApplicationLoadBalancedTaskImageOptions::default().image(image()))
            .min_healthy_percent(100)
            .ip_address_type(dual),
    )?;
    NetworkLoadBalancedFargateService::new(
        &mut app,
        s,
        "NlbFargateService",
        NetworkLoadBalancedFargateServiceProps::default()
            .cluster(cluster)
            .task_image_options(NetworkLoadBalancedTaskImageOptions::default().image(image()))
            .min_healthy_percent(100)
            .ip_address_type(dual),
    )?;
    NetworkLoadBalancedEc2Service::new(
        &mut app,
        s,
        "NlbEc2Service",
        NetworkLoadBalancedEc2ServiceProps::default()
            .cluster(cluster)
            .memory_limit_mib(512)
            .task_image_options(NetworkLoadBalancedTaskImageOptions::default().image(image()))
            .min_healthy_percent(100)
            .ip_address_type(dual),
    )?;
    assert_matches_cdk(app, "79-dualstack-load-balancers");
    Ok(())
}

/// HTTPS patterns given no certificate request one from ACM for their domain, validated by DNS
/// in the hosted zone, a multiple-target-groups pattern one per HTTPS listener (our CDK app
/// `tests/golden/apps/https_certificate.js`), with the builders and in `ecs_app!`.
#[test]
fn https_without_a_certificate_requests_one_as_the_cdk_does() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("HttpsCertificate")?;
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    ApplicationLoadBalancedFargateService::new(
        &mut app,
        s,
        "Service",
        ApplicationLoadBalancedFargateServiceProps::default()
            .cluster(cluster)
            .min_healthy_percent(100)
            .protocol(ListenerProtocol::Https)
            .domain_name("api.example.com")
            .domain_zone(HostedZone::from_hosted_zone_attributes(
                "Z0123456789ABCDEFGHIJ",
                "example.com",
            ))
            .redirect_http(true)
            .task_image_options(
                ApplicationLoadBalancedTaskImageOptions::default()
                    .image(ContainerImage::from_registry(SAMPLE)),
            ),
    )?;
    ApplicationMultipleTargetGroupsFargateService::new(
        &mut app,
        s,
        "Multi",
        ApplicationMultipleTargetGroupsFargateServiceProps::default()
            .cluster(cluster)
            .task_image_options(
                ApplicationLoadBalancedTaskImageProps::default()
                    .image(ContainerImage::from_registry(SAMPLE)),
            )
            .load_balancers([ApplicationLoadBalancerProps::new("lb")
                .domain_name("multi.example.com")
                .domain_zone(HostedZone::from_hosted_zone_attributes(
                    "Z0123456789ABCDEFGHIJ",
                    "example.com",
                ))
                .listeners([
                    ApplicationListenerProps::new("listener").protocol(ListenerProtocol::Https)
                ])]),
    )?;
    assert_matches_cdk(app, "https_certificate");
    let app = ecs_app! {
        stack HttpsCertificate {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            application_load_balanced_fargate_service Service {
                cluster: Cluster,
                min_healthy_percent: 100,
                protocol: Https,
                domain_name: "api.example.com",
                domain_zone: HostedZone::from_hosted_zone_attributes("Z0123456789ABCDEFGHIJ", "example.com"),
                redirect_http: true,
                task_image_options: { image: ContainerImage::from_registry(SAMPLE) },
            }
            application_multiple_target_groups_fargate_service Multi {
                cluster: Cluster,
                task_image_options: { image: ContainerImage::from_registry(SAMPLE) },
                load_balancers: [{
                    name: lb,
                    domain_name: "multi.example.com",
                    domain_zone: HostedZone::from_hosted_zone_attributes("Z0123456789ABCDEFGHIJ", "example.com"),
                    listeners: [{ name: listener, protocol: Https }],
                }],
            }
        }
    }?;
    assert_matches_cdk(App::from(app), "https_certificate");
    Ok(())
}
