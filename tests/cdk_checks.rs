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

/// A Managed Instances provider of `props` (given a VPC and security group), and its app.
fn managed_instances_provider(
    props: impl FnOnce(
        ManagedInstancesCapacityProviderProps,
        Vpc,
        SecurityGroup,
    ) -> ManagedInstancesCapacityProviderProps,
) -> (App, Result<ManagedInstancesCapacityProvider, Error>) {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let sg = SecurityGroup::new(&mut app, s, "Sg", SecurityGroupProps::default().vpc(vpc)).unwrap();
    let provider = ManagedInstancesCapacityProvider::new(
        &mut app,
        s,
        "Provider",
        props(ManagedInstancesCapacityProviderProps::default(), vpc, sg),
    );
    (app, provider)
}

#[test]
fn managed_instances_providers_as_the_cdk_checks_them() {
    let message = |r: Result<ManagedInstancesCapacityProvider, Error>| r.unwrap_err().to_string();
    let (_, r) =
        managed_instances_provider(|p, vpc, _| p.vpc(vpc).subnets(SubnetType::PrivateWithEgress));
    assert!(message(r).contains("needs at least one security group"));
    let (_, r) = managed_instances_provider(|p, _, sg| {
        p.subnets(SubnetSelection::default()).security_groups([sg])
    });
    assert!(message(r).contains("its `subnets` select none"));
    let (_, r) = managed_instances_provider(|p, vpc, sg| {
        p.vpc(vpc)
            .subnets(SubnetType::Public)
            .security_groups([sg])
            .capacity_provider_name("fargate-instances")
    });
    assert!(message(r).contains("names starting with `aws`, `ecs` or `fargate` are reserved"));
    let (_, r) = managed_instances_provider(|p, vpc, sg| {
        p.vpc(vpc)
            .subnets(SubnetType::Public)
            .security_groups([sg])
            .instance_requirements(
                InstanceRequirementsConfig::default()
                    .vcpu_count_min(1)
                    .memory_min(Size::gibibytes(1))
                    .spot_max_price_percentage_over_lowest_price(10)
                    .on_demand_max_price_percentage_over_lowest_price(10),
            )
    });
    assert!(
        message(r).contains("cannot specify both `spot_max_price_percentage_over_lowest_price`")
    );
    // The instance profile it creates names a cluster: refused at synthesis without one.
    let (app, r) = managed_instances_provider(|p, vpc, sg| {
        p.vpc(vpc).subnets(SubnetType::Public).security_groups([sg])
    });
    r.unwrap();
    let err = app.templates().unwrap_err().to_string();
    assert!(err.contains("must be added to a cluster"), "{err}");
    // With an instance profile of its own it needs none.
    let (app, r) = managed_instances_provider(|p, vpc, sg| {
        p.vpc(vpc)
            .subnets(SubnetType::Public)
            .security_groups([sg])
            .ec2_instance_profile(InstanceProfile::from_instance_profile_name(
                "ecsInstanceRole-web",
            ))
    });
    r.unwrap();
    app.templates().unwrap();
}

#[test]
fn managed_instances_task_definitions_as_the_cdk_checks_them() {
    use ecs_app::ecs::volume::DockerVolumeConfiguration;
    let task = |props: TaskDefinitionProps| {
        let mut app = App::new();
        let s = app.add_stack("Web").unwrap();
        TaskDefinition::new(
            &mut app,
            s,
            "Task",
            props
                .compatibility(Compatibility::ManagedInstances)
                .cpu("256")
                .memory_mib("512"),
        )
        .map(|_| ())
    };
    let err = task(TaskDefinitionProps::default().network_mode(NetworkMode::Bridge)).unwrap_err();
    assert!(err.to_string().contains("got `Bridge`"), "{err}");
    let docker = Volume::docker(
        "data",
        DockerVolumeConfiguration::new("local", ecs_app::ecs::volume::Scope::Task),
    );
    let err = task(TaskDefinitionProps::default().volumes([docker])).unwrap_err();
    assert!(
        err.to_string().contains("volume `data` cannot use it"),
        "{err}"
    );
    task(TaskDefinitionProps::default().network_mode(NetworkMode::Host)).unwrap();
    // As in the CDK, Fargate, EC2 and Managed Instances together count as none of them.
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    TaskDefinition::new(
        &mut app,
        s,
        "Task",
        TaskDefinitionProps::default()
            .compatibility(Compatibility::FargateAndEc2AndManagedInstances)
            .cpu("256")
            .memory_mib("512"),
    )
    .unwrap();
    let t = &app.templates().unwrap()[0].1;
    let td = t["Resources"]
        .as_object()
        .unwrap()
        .values()
        .find(|r| r["Type"] == "AWS::ECS::TaskDefinition")
        .unwrap();
    assert_eq!(
        td["Properties"]["RequiresCompatibilities"],
        serde_json::json!([])
    );
    assert_eq!(td["Properties"]["NetworkMode"], "bridge");
}
