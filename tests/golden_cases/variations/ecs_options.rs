//! aws-ecs options the README's samples do not reach, in the DSL and with the builders: an
//! EC2 service placed by strategies and constraints (added after creation, and as properties),
//! system controls and scratch space, a platform named by its values, a tag-parameter image
//! holding a digest, task protection granted on the cluster's task ARNs, an HTTP default
//! namespace and an existing one; against our own CDK app `tests/golden/apps/ecs_options.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::cfn::Output;
use ecs_app::construct::CfnOutput;
use ecs_app::ecs::cluster::ExistingCloudMapNamespaceOptions;
use ecs_app::ecs::service::BinPackResource;
use ecs_app::prelude::*;
use ecs_app::servicediscovery::NamespaceType;

macro_rules! options_app {
    ($($placement:tt)*) => {
        ecs_app! {
            stack EcsOptions {
                vpc Vpc { max_azs: 2, nat_gateways: 1 }
                imported_cluster Imported { cluster_name: "workers", vpc: Vpc }
                ec2_task_definition Workers {
                    container worker {
                        image: ContainerImage::from_registry(IMAGE),
                        memory_limit_mib: 256,
                        system_controls: {
                            "net.core.somaxconn": "1024",
                            "net.ipv4.tcp_keepalive_time": "120",
                        },
                        scratch: [ScratchSpace::new("scratch", "/var/scratch", "/tmp/scratch")],
                    }
                }
                ec2_service Placed {
                    cluster: Imported,
                    task_definition: Workers,
                    min_healthy_percent: 50,
                    $($placement)*
                }
                imported_repository Repo { repository_name: "web" }
                fargate_task_definition Arm {
                    cpu: 256,
                    memory_limit_mib: 512,
                    runtime_platform: RuntimePlatform::default()
                        .cpu_architecture(CpuArchitecture::of("ARM64"))
                        .operating_system_family(OperatingSystemFamily::of("LINUX")),
                    container web {
                        image: ContainerImage::from_tag_parameter_with(
                            Repo,
                            TagParameterContainerImageProps::default().is_image_digest(true),
                        ),
                    }
                }
                cluster Cluster {
                    vpc: Vpc,
                    default_cloud_map_namespace: { name: "api.internal", namespace_type: NamespaceType::Http },
                }
                role Protector { assumed_by: "ecs-tasks.amazonaws.com" }
                cluster Other { vpc: Vpc }
                private_dns_namespace Namespace { name: "other.local", vpc: Vpc }
            }
        }
    };
}

fn strategies() -> Vec<PlacementStrategy> {
    vec![
        PlacementStrategy::spread_across(["attribute:ecs.availability-zone"]),
        PlacementStrategy::spread_across_instances(),
        PlacementStrategy::packed_by(BinPackResource::Memory),
        PlacementStrategy::randomly(),
    ]
}

fn constraints() -> Vec<PlacementConstraint> {
    vec![
        PlacementConstraint::member_of_all([
            "attribute:ecs.instance-type =~ t3.*",
            "attribute:ecs.os-type == linux",
        ]),
        PlacementConstraint::distinct_instances(),
    ]
}

/// What the DSL does not say: the grant, the output of the task ARNs, the existing namespace.
fn finish(
    app: &mut App,
    stack: StackId,
    cluster: Cluster,
    role: Role,
    other: Cluster,
    ns: ecs_app::servicediscovery::Namespace,
) {
    cluster.grant_task_protection(app, role).unwrap();
    let arns = cluster.arn_for_tasks(app, "*");
    CfnOutput::new(app, stack, "TaskArns", Output::new(arns)).unwrap();
    other
        .add_existing_default_cloud_map_namespace(app, ExistingCloudMapNamespaceOptions::new(ns))
        .unwrap();
}

#[test]
fn placement_added_after_creation_and_other_options_match_the_cdk() {
    let (mut app, handles) = options_app! {}.unwrap().into_parts();
    let h = handles.EcsOptions;
    h.Placed
        .add_placement_strategies(&mut app, strategies())
        .unwrap();
    h.Placed
        .add_placement_constraints(&mut app, constraints())
        .unwrap();
    finish(&mut app, *h, *h.Cluster, h.Protector, *h.Other, h.Namespace);
    assert_matches_cdk(app, "ecs_options");
}

#[test]
fn placement_as_properties_matches_the_cdk_too() {
    let (mut app, handles) = options_app! {
        placement_strategies: [
            PlacementStrategy::spread_across(["attribute:ecs.availability-zone"]),
            PlacementStrategy::spread_across_instances(),
            PlacementStrategy::packed_by(BinPackResource::Memory),
            PlacementStrategy::randomly(),
        ],
        placement_constraints: [
            PlacementConstraint::member_of_all([
                "attribute:ecs.instance-type =~ t3.*",
                "attribute:ecs.os-type == linux",
            ]),
            PlacementConstraint::distinct_instances(),
        ],
    }
    .unwrap()
    .into_parts();
    let h = handles.EcsOptions;
    finish(&mut app, *h, *h.Cluster, h.Protector, *h.Other, h.Namespace);
    assert_matches_cdk(app, "ecs_options");
}

#[test]
fn only_ec2_services_take_placement_and_daemons_no_strategies() {
    let mut app = App::new();
    let s = app.add_stack("S").unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let fargate = FargateTaskDefinition::new(
        &mut app,
        s,
        "Fargate",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    fargate
        .add_container(
            &mut app,
            "web",
            ContainerDefinitionOptions::default().image(ContainerImage::from_registry(IMAGE)),
        )
        .unwrap();
    let service = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(fargate),
    )
    .unwrap();
    let err = service
        .add_placement_strategies(&mut app, strategies())
        .unwrap_err();
    assert!(
        err.to_string().contains("only ec2 services place tasks"),
        "{err}"
    );
    let ec2 = Ec2TaskDefinition::new(&mut app, s, "Ec2", Default::default()).unwrap();
    ec2.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .memory_limit_mib(256),
    )
    .unwrap();
    let daemon = Ec2Service::new(
        &mut app,
        s,
        "Daemon",
        Ec2ServiceProps::default()
            .cluster(cluster)
            .task_definition(ec2)
            .daemon(true),
    )
    .unwrap();
    let err = daemon
        .add_placement_strategies(&mut app, strategies())
        .unwrap_err();
    assert!(
        err.to_string().contains("takes no placement strategies"),
        "{err}"
    );
    daemon
        .add_placement_constraints(&mut app, constraints())
        .unwrap();
}

#[test]
fn task_protection_and_an_existing_namespace_in_the_dsl_match_the_cdk() {
    let (mut app, handles) = ecs_app! {
        stack EcsOptions {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            imported_cluster Imported { cluster_name: "workers", vpc: Vpc }
            ec2_task_definition Workers {
                container worker {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    system_controls: {
                        "net.core.somaxconn": "1024",
                        "net.ipv4.tcp_keepalive_time": "120",
                    },
                    scratch: [ScratchSpace::new("scratch", "/var/scratch", "/tmp/scratch")],
                }
            }
            ec2_service Placed {
                cluster: Imported,
                task_definition: Workers,
                min_healthy_percent: 50,
                placement_strategies: [
                    PlacementStrategy::spread_across(["attribute:ecs.availability-zone"]),
                    PlacementStrategy::spread_across_instances(),
                    PlacementStrategy::packed_by(BinPackResource::Memory),
                    PlacementStrategy::randomly(),
                ],
                placement_constraints: [
                    PlacementConstraint::member_of_all([
                        "attribute:ecs.instance-type =~ t3.*",
                        "attribute:ecs.os-type == linux",
                    ]),
                    PlacementConstraint::distinct_instances(),
                ],
            }
            imported_repository Repo { repository_name: "web" }
            fargate_task_definition Arm {
                cpu: 256,
                memory_limit_mib: 512,
                runtime_platform: RuntimePlatform::default()
                    .cpu_architecture(CpuArchitecture::of("ARM64"))
                    .operating_system_family(OperatingSystemFamily::of("LINUX")),
                container web {
                    image: ContainerImage::from_tag_parameter_with(
                        Repo,
                        TagParameterContainerImageProps::default().is_image_digest(true),
                    ),
                }
            }
            role Protector { assumed_by: "ecs-tasks.amazonaws.com" }
            cluster Cluster {
                vpc: Vpc,
                default_cloud_map_namespace: { name: "api.internal", namespace_type: NamespaceType::Http },
                grant_task_protection: [Protector],
            }
            private_dns_namespace Namespace { name: "other.local", vpc: Vpc }
            cluster Other { vpc: Vpc, existing_default_cloud_map_namespace: Namespace }
        }
    }
    .unwrap()
    .into_parts();
    let h = handles.EcsOptions;
    let arns = h.Cluster.arn_for_tasks(&app, "*");
    CfnOutput::new(&mut app, *h, "TaskArns", Output::new(arns)).unwrap();
    assert_matches_cdk(app, "ecs_options");
}

#[test]
fn an_existing_namespace_for_service_connect() {
    let mut app = App::new();
    let s = app.add_stack("S").unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let vpc = cluster.vpc(&app).unwrap();
    let ns = ecs_app::servicediscovery::PrivateDnsNamespace::new(
        &mut app,
        s,
        "Ns",
        ecs_app::servicediscovery::PrivateDnsNamespaceProps::default()
            .name("app.local")
            .vpc(vpc),
    )
    .unwrap();
    cluster
        .add_existing_default_cloud_map_namespace(
            &mut app,
            ExistingCloudMapNamespaceOptions::new(ns).use_for_service_connect(true),
        )
        .unwrap();
    let err = cluster
        .add_existing_default_cloud_map_namespace(
            &mut app,
            ExistingCloudMapNamespaceOptions::new(ns),
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("already has a default cloud map namespace"),
        "{err}"
    );
    let (_, template) = app.templates().unwrap().into_iter().next().unwrap();
    let text = template.to_string();
    assert!(text.contains("\"ServiceConnectDefaults\""), "{text}");
}
