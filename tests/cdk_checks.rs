//! The CDK's checks the builders refuse outside the rules (`ecs_core::ecs::cdk_checks`), each
//! with its message, and the table's consistency.

use ecs_app::ecs::cdk_checks::{CDK_CHECKS, Enforcement};
use ecs_app::ecs::container_options::LinuxParameters;
use ecs_app::ecs::service::{
    DeploymentCircuitBreaker, DeploymentControllerType, TaskDefinitionRevision,
};
use ecs_app::ecs::volume::{MountPoint, Volume};
use ecs_app::prelude::*;

fn nginx() -> ContainerDefinitionOptions {
    ContainerDefinitionOptions::default()
        .image(ContainerImage::from_registry("nginx"))
        .memory_limit_mib(256)
}

#[test]
fn every_check_has_a_unique_id() {
    for c in CDK_CHECKS {
        assert_eq!(
            CDK_CHECKS.iter().filter(|o| o.id == c.id).count(),
            1,
            "{}",
            c.id
        );
        if let Enforcement::Types(why) | Enforcement::NotApplicable(why) = c.enforcement {
            assert!(!why.is_empty(), "{} gives no reason", c.id);
        }
    }
}

#[test]
fn ec2_task_definition_props_take_member_of_only() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let err = Ec2TaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        Ec2TaskDefinitionProps::default()
            .placement_constraints([PlacementConstraint::distinct_instances()]),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("take only `PlacementConstraint::member_of(…)`"),
        "{err}"
    );
    let td = Ec2TaskDefinition::new(&mut app, s, "Added", Default::default()).unwrap();
    td.add_placement_constraint(&mut app, PlacementConstraint::distinct_instances())
        .unwrap();
}

#[test]
fn links_need_bridge_mode_and_swappiness_is_a_percentage() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let td = Ec2TaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        Ec2TaskDefinitionProps::default().network_mode(NetworkMode::AwsVpc),
    )
    .unwrap();
    td.add_container(&mut app, "redis", nginx()).unwrap();
    let err = td
        .add_container(&mut app, "web", nginx().links(["redis"]))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("links need `network_mode: Bridge`"),
        "{err}"
    );
    let err = td
        .add_container(
            &mut app,
            "swap",
            nginx().linux_parameters(LinuxParameters::default().swappiness(101)),
        )
        .unwrap_err();
    assert!(err.to_string().contains("`swappiness: 101`"), "{err}");
}

#[test]
fn volumes_configured_at_launch() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let mut a = Volume::host("a", "/data");
    a.configured_at_launch = Some(true);
    let mut b = Volume::new("b");
    b.configured_at_launch = Some(true);
    td.add_volume(&mut app, a).unwrap();
    td.add_volume(&mut app, b).unwrap();
    td.add_container(
        &mut app,
        "web",
        nginx().mount_points([MountPoint::new("a", "/a", false)]),
    )
    .unwrap();
    let err = app.templates().unwrap_err().to_string();
    assert!(
        err.contains(
            "volume `a` of task definition `TaskDef` is `configured_at_launch` and has a host"
        ),
        "{err}"
    );
    assert!(
        err.contains("more than one volume configured at launch (`a`, `b`)"),
        "{err}"
    );
    assert!(err.contains("volume `b` of task definition `TaskDef` is `configured_at_launch` but no container mounts it"), "{err}");
}

fn fargate_service(
    props: impl FnOnce(FargateServiceProps) -> FargateServiceProps,
) -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    td.add_container(&mut app, "web", nginx()).unwrap();
    let base = FargateServiceProps::default()
        .cluster(cluster)
        .task_definition(td);
    FargateService::new(&mut app, s, "Service", props(base)).map(|_| ())
}

#[test]
fn circuit_breaker_needs_the_ecs_controller_and_revisions_start_at_1() {
    let err = fargate_service(|p| {
        p.deployment_controller(DeploymentControllerType::CodeDeploy)
            .circuit_breaker(DeploymentCircuitBreaker::default())
    })
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("needs the `Ecs` deployment controller"),
        "{err}"
    );
    let err =
        fargate_service(|p| p.task_definition_revision(TaskDefinitionRevision::of(0))).unwrap_err();
    assert!(err.to_string().contains("revisions start at 1"), "{err}");
}

#[test]
fn availability_zone_rebalancing_needs_room_above_100_percent() {
    use ecs_app::ecs::service::AvailabilityZoneRebalancing;
    let err = fargate_service(|p| {
        p.availability_zone_rebalancing(AvailabilityZoneRebalancing::Enabled)
            .max_healthy_percent(100)
    })
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("needs `max_healthy_percent` above 100"),
        "{err}"
    );
    fargate_service(|p| p.availability_zone_rebalancing(AvailabilityZoneRebalancing::Enabled))
        .unwrap();
}
