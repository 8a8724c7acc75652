//! The multiple-target-groups patterns with the builders, no macro: the default load balancer
//! and target group, `container_ports`, host-header rules, an internal load balancer with two
//! listeners, roles, placement, the network patterns' defaults, a listener port and a domain
//! record; against our own CDK app `tests/golden/apps/multiple_target_groups.js`. And what the
//! builders refuse, as the CDK does.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::ecs_patterns::*;
use ecs_app::prelude::*;
use ecs_app::route53::HostedZone;

fn image() -> ApplicationLoadBalancedTaskImageProps {
    ApplicationLoadBalancedTaskImageProps::default().image(ContainerImage::from_registry(IMAGE))
}

#[test]
fn multiple_target_groups_match_the_cdk() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("MultipleTargetGroups")?;
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    cluster.add_capacity(
        &mut app,
        "Capacity",
        AddCapacityOptions::default()
            .instance_type("t3.medium")
            .max_capacity(2),
    )?;
    let task_role = Role::new(&mut app, s, "TaskRole", "ecs-tasks.amazonaws.com")?;

    let defaults = ApplicationMultipleTargetGroupsFargateService::new(
        &mut app,
        s,
        "Defaults",
        ApplicationMultipleTargetGroupsFargateServiceProps::default()
            .cluster(cluster)
            .task_image_options(
                image()
                    .container_ports([8080, 8081])
                    .family("defaults")
                    .docker_labels([("team", "web")]),
            )
            .desired_count(2)
            .service_name("defaults")
            .health_check_grace_period(Duration::seconds(120))
            .propagate_tags(PropagatedTagSource::Service)
            .enable_ecs_managed_tags(true),
    )?;
    assert_eq!(
        app.stack(s).path(defaults.target_group.node()),
        "MultipleTargetGroups/Defaults/LB/PublicListener/ECSGroup"
    );

    let hosts = ApplicationMultipleTargetGroupsEc2Service::new(
        &mut app,
        s,
        "Hosts",
        ApplicationMultipleTargetGroupsEc2ServiceProps::default()
            .cluster(cluster)
            .memory_reservation_mib(256)
            .cpu(128)
            .task_image_options(
                image()
                    .container_name("api")
                    .task_role(task_role)
                    .environment([("STAGE", "prod")]),
            )
            .load_balancers([ApplicationLoadBalancerProps::new("internal")
                .public_load_balancer(false)
                .listeners([
                    ApplicationListenerProps::new("http"),
                    ApplicationListenerProps::new("admin").port(8080),
                ])])
            .target_groups([
                ApplicationTargetProps::new(80).listener("http"),
                ApplicationTargetProps::new(81)
                    .listener("http")
                    .host_header("api.example.com")
                    .priority(5),
                ApplicationTargetProps::new(83).listener("admin"),
                ApplicationTargetProps::new(82)
                    .listener("admin")
                    .host_header("admin.example.com")
                    .path_pattern("/admin/*")
                    .priority(1),
            ])
            .placement_strategies([PlacementStrategy::spread_across_instances()]),
    )?;
    assert_eq!((hosts.listeners.len(), hosts.target_groups.len()), (2, 4));

    NetworkMultipleTargetGroupsFargateService::new(
        &mut app,
        s,
        "Tcp",
        NetworkMultipleTargetGroupsFargateServiceProps::default()
            .cluster(cluster)
            .task_image_options(image().enable_logging(false))
            .circuit_breaker(DeploymentCircuitBreaker::default().rollback(true)),
    )?;
    NetworkMultipleTargetGroupsEc2Service::new(
        &mut app,
        s,
        "TcpEc2",
        NetworkMultipleTargetGroupsEc2ServiceProps::default()
            .cluster(cluster)
            .memory_limit_mib(512)
            .task_image_options(image().container_ports([7000]))
            .load_balancers([NetworkLoadBalancerProps::new("nlb")
                .listeners([NetworkListenerProps::new("tcp").port(7000)])
                .domain_name("tcp")
                .domain_zone(HostedZone::from_hosted_zone_attributes(
                    "Z23ABC4XYZL05B",
                    "example.com",
                ))])
            .target_groups([NetworkTargetProps::new(7000).listener("tcp")]),
    )?;
    assert_matches_cdk(app, "multiple_target_groups");
    Ok(())
}

/// Builds an application Fargate pattern of `props` with an image, and returns its error.
fn refused(props: ApplicationMultipleTargetGroupsFargateServiceProps) -> String {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    ApplicationMultipleTargetGroupsFargateService::new(
        &mut app,
        s,
        "Web",
        props.task_image_options(image()),
    )
    .map(|_| String::new())
    .unwrap_or_else(|e| e.to_string())
}

#[test]
fn the_builders_refuse_what_the_cdk_refuses() {
    let p = ApplicationMultipleTargetGroupsFargateServiceProps::default;
    let m = refused(p().target_groups([ApplicationTargetProps::new(80).listener("api")]));
    assert!(
        m.contains(
            "on listener `api`, which none of its load balancers has: use one of `PublicListener`"
        ),
        "{m}"
    );
    let m = refused(p().load_balancers([ApplicationLoadBalancerProps::new("lb")]));
    assert!(m.contains("load balancer `lb` without listeners"), "{m}");
    let m = refused(p().target_groups([ApplicationTargetProps::new(80).path_pattern("/a")]));
    assert!(m.contains("and no `priority`: add `priority: …`"), "{m}");
    let m = refused(
        p().load_balancers([ApplicationLoadBalancerProps::new("lb")
            .idle_timeout(Duration::seconds(5000))
            .listeners([ApplicationListenerProps::new("web")])]),
    );
    assert!(m.ends_with("use 1 to 4000 seconds"), "{m}");
    let m = refused(
        p().load_balancers([ApplicationLoadBalancerProps::new("lb").listeners([
            ApplicationListenerProps::new("web")
                .certificate(ListenerCertificate::from_arn("arn:aws:acm:x"))
                .protocol(ListenerProtocol::Http),
        ])]),
    );
    assert!(
        m.ends_with("use `protocol: Https` or remove `certificate`"),
        "{m}"
    );
    let m = refused(
        p().load_balancers([ApplicationLoadBalancerProps::new("lb")
            .listeners([ApplicationListenerProps::new("web")
                .certificate(ListenerCertificate::from_arn("arn:aws:acm:x"))])]),
    );
    assert!(m.contains("without `domain_name` and `domain_zone`"), "{m}");
    let m = refused(p().desired_count(0));
    assert!(m.ends_with("use 1 or more"), "{m}");
}
