//! ECS Service Connect: named port mappings with application protocols and a port range, a
//! cluster's default namespace used for Service Connect, servers, a client and a service in a
//! named namespace, TLS and the proxy's logs, in the DSL and with the builders, and the CDK's
//! refusals; against our own CDK app `tests/golden/apps/service_connect.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::ecs::service_connect::{
    ServiceConnectAccessLogConfiguration, ServiceConnectAccessLogFormat, ServiceConnectProps,
    ServiceConnectService, ServiceConnectTlsConfiguration,
};
use ecs_app::kms::{Key, KeyProps};
use ecs_app::prelude::*;
use ecs_app::servicediscovery::CloudMapNamespaceOptions;

const CA: &str = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/ca";

#[test]
fn service_connect_in_the_dsl_matches_the_cdk() {
    let app = ecs_app! {
        stack ServiceConnect {
            cluster Cluster {
                default_cloud_map_namespace: { name: "app.local", use_for_service_connect: true },
            }
            kms_key TlsKey {}
            fargate_task_definition ServerTask {
                cpu: 256,
                memory_limit_mib: 512,
                container api {
                    image: ContainerImage::from_registry(IMAGE),
                    port_mappings: [
                        { container_port: 8080, name: "api", app_protocol: Http },
                        { container_port: 9090, name: "grpc", app_protocol: Grpc },
                        { container_port_range: "10000-10010" },
                    ],
                }
            }
            fargate_service Server {
                cluster: Cluster,
                task_definition: ServerTask,
                min_healthy_percent: 100,
                service_connect_configuration: {
                    services: [
                        {
                            port_mapping_name: "api",
                            dns_name: "api.internal",
                            port: 80,
                            idle_timeout: Duration::seconds(30),
                            per_request_timeout: Duration::seconds(10),
                        },
                        {
                            port_mapping_name: "grpc",
                            discovery_name: "grpc-api",
                            ingress_port_override: 19090,
                            tls: { aws_pca_authority_arn: CA, kms_key: TlsKey },
                        },
                    ],
                    log_driver: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("service-connect")),
                    access_log_configuration: { format: Json, include_query_parameters: true },
                },
            }
            fargate_task_definition ClientTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Client {
                cluster: Cluster,
                task_definition: ClientTask,
                min_healthy_percent: 100,
                service_connect_configuration: {},
            }
            fargate_task_definition OtherTask {
                cpu: 256,
                memory_limit_mib: 512,
                container worker {
                    image: ContainerImage::from_registry(IMAGE),
                    port_mappings: [{ container_port: 7000, name: "jobs" }],
                }
            }
            fargate_service Other {
                cluster: Cluster,
                task_definition: OtherTask,
                min_healthy_percent: 100,
                service_connect_configuration: {
                    namespace: "other.local",
                    services: [{ port_mapping_name: "jobs" }],
                },
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "service_connect");
}

/// A Fargate task definition `id` of 256 cpu units and 512 MiB.
fn task(app: &mut App, s: StackId, id: &str) -> TaskDefinition {
    FargateTaskDefinition::new(
        app,
        s,
        id,
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap()
}

fn container(ports: impl IntoIterator<Item = PortMapping>) -> ContainerDefinitionOptions {
    ContainerDefinitionOptions::default()
        .image(ContainerImage::from_registry(IMAGE))
        .port_mappings(ports)
}

fn service(app: &mut App, s: StackId, id: &str, cluster: Cluster, td: TaskDefinition) -> Service {
    FargateService::new(
        app,
        s,
        id,
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100),
    )
    .unwrap()
}

#[test]
fn service_connect_with_the_builders_matches_the_cdk() {
    let mut app = App::new();
    let s = app.add_stack("ServiceConnect").unwrap();
    let cluster = Cluster::new(
        &mut app,
        s,
        "Cluster",
        ClusterProps::default().default_cloud_map_namespace(
            CloudMapNamespaceOptions::default()
                .name("app.local")
                .use_for_service_connect(true),
        ),
    )
    .unwrap();
    let key = Key::new(&mut app, s, "TlsKey", KeyProps::default()).unwrap();
    let server_task = task(&mut app, s, "ServerTask");
    server_task
        .add_container(
            &mut app,
            "api",
            container([
                PortMapping::default()
                    .container_port(8080)
                    .name("api")
                    .app_protocol(AppProtocol::Http),
                PortMapping::default()
                    .container_port(9090)
                    .name("grpc")
                    .app_protocol(AppProtocol::Grpc),
                PortMapping::default()
                    .container_port(PortMapping::CONTAINER_PORT_USE_RANGE)
                    .container_port_range("10000-10010"),
            ]),
        )
        .unwrap();
    FargateService::new(
        &mut app,
        s,
        "Server",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(server_task)
            .min_healthy_percent(100)
            .service_connect_configuration(
                ServiceConnectProps::default()
                    .services([
                        ServiceConnectService::default()
                            .port_mapping_name("api")
                            .dns_name("api.internal")
                            .port(80)
                            .idle_timeout(Duration::seconds(30))
                            .per_request_timeout(Duration::seconds(10)),
                        ServiceConnectService::default()
                            .port_mapping_name("grpc")
                            .discovery_name("grpc-api")
                            .ingress_port_override(19090)
                            .tls(
                                ServiceConnectTlsConfiguration::default()
                                    .aws_pca_authority_arn(CA)
                                    .kms_key(key),
                            ),
                    ])
                    .log_driver(LogDriver::aws_logs(
                        AwsLogDriverProps::default().stream_prefix("service-connect"),
                    ))
                    .access_log_configuration(
                        ServiceConnectAccessLogConfiguration::default()
                            .format(ServiceConnectAccessLogFormat::Json)
                            .include_query_parameters(true),
                    ),
            ),
    )
    .unwrap();
    let client_task = task(&mut app, s, "ClientTask");
    client_task
        .add_container(&mut app, "web", container([PortMapping::from(80)]))
        .unwrap();
    let client = service(&mut app, s, "Client", cluster, client_task);
    client
        .enable_service_connect(&mut app, ServiceConnectProps::default())
        .unwrap();
    let other_task = task(&mut app, s, "OtherTask");
    other_task
        .add_container(
            &mut app,
            "worker",
            container([PortMapping::default().container_port(7000).name("jobs")]),
        )
        .unwrap();
    FargateService::new(
        &mut app,
        s,
        "Other",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(other_task)
            .min_healthy_percent(100)
            .service_connect_configuration(
                ServiceConnectProps::default()
                    .namespace("other.local")
                    .services([ServiceConnectService::default().port_mapping_name("jobs")]),
            ),
    )
    .unwrap();
    assert_matches_cdk(app, "service_connect");
}

#[test]
fn service_connect_settings_the_cdk_refuses_are_errors() {
    let api = || PortMapping::default().container_port(8080).name("api");
    let cases: Vec<(Option<&str>, ServiceConnectProps, &str)> = vec![
        (
            Some("app.local"),
            ServiceConnectProps::default()
                .services([ServiceConnectService::default().port_mapping_name("apj")]),
            "has no port mapping named `apj`: did you mean `api`?",
        ),
        (
            None,
            ServiceConnectProps::default(),
            "cluster `Cluster` has no default cloud map namespace",
        ),
        (
            Some("app.local"),
            ServiceConnectProps::default().access_log_configuration(
                ServiceConnectAccessLogConfiguration::default()
                    .format(ServiceConnectAccessLogFormat::Text),
            ),
            "without `log_driver`",
        ),
        (
            Some("app.local"),
            ServiceConnectProps::default().services([
                ServiceConnectService::default().port_mapping_name("api"),
                ServiceConnectService::default().port_mapping_name("api"),
            ]),
            "discovery name `api`: give each a distinct `discovery_name`",
        ),
        (
            Some("app.local"),
            ServiceConnectProps::default().services([ServiceConnectService::default()
                .port_mapping_name("api")
                .ingress_port_override(70000)]),
            "`ingress_port_override: 70000`: use a port in 1 to 65535",
        ),
        (
            Some("app.local"),
            ServiceConnectProps::default().services([ServiceConnectService::default()
                .port_mapping_name("api")
                .tls(ServiceConnectTlsConfiguration::default().aws_pca_authority_arn("my-ca"))]),
            "use the certificate authority's arn",
        ),
    ];
    for (namespace, config, message) in cases {
        let mut app = App::new();
        let s = app.add_stack("S").unwrap();
        let mut props = ClusterProps::default();
        if let Some(name) = namespace {
            props =
                props.default_cloud_map_namespace(CloudMapNamespaceOptions::default().name(name));
        }
        let cluster = Cluster::new(&mut app, s, "Cluster", props).unwrap();
        let td = task(&mut app, s, "T");
        td.add_container(&mut app, "web", container([api()]))
            .unwrap();
        let err = FargateService::new(
            &mut app,
            s,
            "Svc",
            FargateServiceProps::default()
                .cluster(cluster)
                .task_definition(td)
                .service_connect_configuration(config),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains(message), "{err}");
    }
}

#[test]
fn port_mappings_the_cdk_refuses_are_errors() {
    let cases = [
        (
            NetworkMode::AwsVpc,
            PortMapping::default()
                .container_port(80)
                .app_protocol(AppProtocol::Http),
            "sets `app_protocol` on a port mapping without `name`: add a `name`",
        ),
        (
            NetworkMode::Host,
            PortMapping::default().container_port(80).name("web"),
            "service connect needs `network_mode: AwsVpc` or `Bridge`",
        ),
        (
            NetworkMode::Host,
            PortMapping::default().container_port_range("8000-8010"),
            "has `container_port_range` in `Host` mode",
        ),
        (
            NetworkMode::Bridge,
            PortMapping::default()
                .container_port_range("8000-8010")
                .host_port(8000),
            "remove `host_port`",
        ),
        (
            NetworkMode::AwsVpc,
            PortMapping::default().container_port_range("8000:8010"),
            "write it as `\"<start>-<end>\"`",
        ),
        (
            NetworkMode::AwsVpc,
            PortMapping::default()
                .container_port(80)
                .container_port_range("8000-8010"),
            "both `container_port` and `container_port_range`: keep one",
        ),
        (
            NetworkMode::AwsVpc,
            PortMapping::default().container_port(80).name(""),
            "empty `name`",
        ),
    ];
    for (mode, mapping, message) in cases {
        let mut app = App::new();
        let s = app.add_stack("S").unwrap();
        let td = Ec2TaskDefinition::new(
            &mut app,
            s,
            "T",
            Ec2TaskDefinitionProps::default().network_mode(mode),
        )
        .unwrap();
        let err = td
            .add_container(&mut app, "web", container([mapping]).memory_limit_mib(256))
            .unwrap_err()
            .to_string();
        assert!(err.contains(message), "{err}");
    }
    // Two mappings of one name in a container.
    let mut app = App::new();
    let s = app.add_stack("S").unwrap();
    let td = task(&mut app, s, "T");
    let err = td
        .add_container(
            &mut app,
            "web",
            container([
                PortMapping::default().container_port(80).name("web"),
                PortMapping::default().container_port(81).name("web"),
            ]),
        )
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("two port mappings named `web`: rename one"),
        "{err}"
    );
}
