//! Run-time values breaking rules S4, L1, L2, F4, M1 and X1 are errors of the builders, with the
//! messages `ecs_app!` gives while compiling.

use ecs_core::ecs::cloud_map::CloudMapOptions;
use ecs_core::ecs::load_balancing::*;
use ecs_core::elb::*;
use ecs_core::prelude::*;
use ecs_core::servicediscovery::{CloudMapNamespaceOptions, DnsRecordType};

fn fargate(app: &mut App, s: StackId, port: Option<u32>) -> (Vpc, Cluster, TaskDefinition) {
    let vpc = Vpc::new(app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    let td = FargateTaskDefinition::new(
        app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    let mut options =
        ContainerDefinitionOptions::default().image(ContainerImage::from_registry("nginx"));
    if let Some(p) = port {
        options = options.port_mappings([PortMapping::from(p)]);
    }
    td.add_container(app, "web", options).unwrap();
    (vpc, cluster, td)
}

#[test]
fn run_time_percents_out_of_order_are_rejected() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let (_, cluster, td) = fargate(&mut app, s, Some(80));
    let min: u32 = "100".parse().unwrap();
    let err = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(min)
            .max_healthy_percent(100),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::healthy_percent_range_message("Service", 100, 100)
    );
}

#[test]
fn a_target_port_the_container_does_not_map_is_rejected() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let (_, cluster, td) = fargate(&mut app, s, Some(80));
    let svc = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td),
    )
    .unwrap();
    let err = svc
        .load_balancer_target(
            &app,
            LoadBalancerTargetOptions::default()
                .container_name("web")
                .container_port(8080),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "container `web` of service `Service` has no tcp port mapping for 8080: add `8080` to its `port_mappings` or target a mapped port"
    );
    let err = svc
        .load_balancer_target(
            &app,
            LoadBalancerTargetOptions::default().container_name("api"),
        )
        .unwrap_err();
    assert!(err.to_string().contains("has no container `api`"));
}

#[test]
fn a_fargate_service_behind_a_classic_load_balancer_is_rejected() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let (vpc, cluster, td) = fargate(&mut app, s, Some(80));
    let svc = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td),
    )
    .unwrap();
    let lb = ClassicLoadBalancer::new(
        &mut app,
        s,
        "LB",
        ClassicLoadBalancerProps::default()
            .vpc(vpc)
            .listeners([LoadBalancerListener::default().external_port(80)]),
    )
    .unwrap();
    let err = lb.add_target(&mut app, svc).unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::classic_lb_launch_type_message("Service", "LB")
    );
}

#[test]
fn cloud_map_needs_a_namespace_and_srv_in_bridge_mode() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let (_, cluster, td) = fargate(&mut app, s, Some(80));
    let err = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .cloud_map_options(CloudMapOptions::default()),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::cloud_map_namespace_message("Service", "Cluster")
    );

    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let cluster = Cluster::new(
        &mut app,
        s,
        "Cluster",
        ClusterProps::default()
            .default_cloud_map_namespace(CloudMapNamespaceOptions::default().name("app.local")),
    )
    .unwrap();
    cluster
        .add_capacity(
            &mut app,
            "Capacity",
            ecs_core::ecs::capacity::AddCapacityOptions::default().instance_type("t3.large"),
        )
        .unwrap();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry("nginx"))
            .memory_limit_mib(256)
            .port_mappings([PortMapping::from(80)]),
    )
    .unwrap();
    let err = Ec2Service::new(
        &mut app,
        s,
        "Service",
        Ec2ServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .cloud_map_options(CloudMapOptions::default().dns_record_type(DnsRecordType::A)),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("use `dns_record_type: Srv`"),
        "{err}"
    );
}

// ---- X1 on ExternalService ----

fn external(app: &mut App, s: StackId) -> (Cluster, TaskDefinition) {
    let vpc = Vpc::new(app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    let td = ExternalTaskDefinition::new(app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry("nginx"))
            .memory_limit_mib(512)
            .port_mappings([PortMapping::from(80)]),
    )
    .unwrap();
    (cluster, td)
}

#[test]
fn an_external_service_has_no_circuit_breaker_cloud_map_or_load_balancer() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let (cluster, td) = external(&mut app, s);
    let props = || {
        ExternalServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
    };
    let err = ExternalService::new(
        &mut app,
        s,
        "Breaker",
        props().circuit_breaker(DeploymentCircuitBreaker::default()),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::external_supports_message(
            "Breaker",
            ecs_core::rules::ExternalFeature::CircuitBreaker
        )
    );
    let err = ExternalService::new(
        &mut app,
        s,
        "CloudMap",
        props().cloud_map_options(CloudMapOptions::default().name("web")),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::external_supports_message(
            "CloudMap",
            ecs_core::rules::ExternalFeature::CloudMap
        )
    );
    let svc = ExternalService::new(&mut app, s, "Service", props()).unwrap();
    let err = svc
        .load_balancer_target(&app, LoadBalancerTargetOptions::default())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::external_supports_message(
            "Service",
            ecs_core::rules::ExternalFeature::LoadBalancer
        )
    );
}

#[test]
fn an_external_service_behind_a_classic_load_balancer_is_refused_by_x1() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let (cluster, td) = external(&mut app, s);
    let svc = ExternalService::new(
        &mut app,
        s,
        "Service",
        ExternalServiceProps::default()
            .cluster(cluster)
            .task_definition(td),
    )
    .unwrap();
    let vpc = Vpc::new(&mut app, s, "LbVpc", VpcProps::default()).unwrap();
    let lb = ClassicLoadBalancer::new(
        &mut app,
        s,
        "LB",
        ClassicLoadBalancerProps::default()
            .vpc(vpc)
            .listeners([LoadBalancerListener::default().external_port(80)]),
    )
    .unwrap();
    // As `ecs_app!` says: X1 before the classic load balancer's own rules.
    let err = lb.add_target(&mut app, svc).unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::external_supports_message(
            "Service",
            ecs_core::rules::ExternalFeature::LoadBalancer
        )
    );
}

#[test]
fn a_default_target_reaches_the_first_port_over_tcp() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    cluster
        .add_capacity(
            &mut app,
            "Capacity",
            ecs_core::ecs::capacity::AddCapacityOptions::default().instance_type("t3.large"),
        )
        .unwrap();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry("nginx"))
            .memory_limit_mib(256)
            .port_mappings([
                PortMapping::default()
                    .container_port(53)
                    .protocol(ecs_core::ecs::container::Protocol::Udp),
                PortMapping::from(80),
            ]),
    )
    .unwrap();
    let svc = Ec2Service::new(
        &mut app,
        s,
        "Service",
        Ec2ServiceProps::default()
            .cluster(cluster)
            .task_definition(td),
    )
    .unwrap();
    let lb = ClassicLoadBalancer::new(
        &mut app,
        s,
        "LB",
        ClassicLoadBalancerProps::default()
            .vpc(vpc)
            .listeners([LoadBalancerListener::default().external_port(80)]),
    )
    .unwrap();
    // The CDK's `defaultLoadBalancerTarget` looks up the first port over TCP.
    let err = lb.add_target(&mut app, svc).unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::target_port_message(
            "Service",
            "web",
            Some(53),
            ecs_core::ecs::container::Protocol::Tcp
        )
    );
}
