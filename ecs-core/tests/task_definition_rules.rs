//! The builders reject run-time values breaking the task-definition rules with the messages
//! `ecs_app!` gives while compiling.

use ecs_core::prelude::*;

fn stack() -> (App, StackId) {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    (app, s)
}

fn nginx() -> ContainerDefinitionOptions {
    ContainerDefinitionOptions::default().image(ContainerImage::from_registry("nginx"))
}

fn fargate(app: &mut App, s: StackId) -> TaskDefinition {
    FargateTaskDefinition::new(
        app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap()
}

#[test]
fn fargate_privileged_container_is_rejected() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    let err = td
        .add_container(&mut app, "web", nginx().privileged(true))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::fargate_container_message("TaskDef", "web", "`privileged: true`")
    );
}

#[test]
fn fargate_capabilities_other_than_sys_ptrace_are_rejected() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    let ok = nginx().linux_parameters(LinuxParameters::default().add_capabilities(["SYS_PTRACE"]));
    td.add_container(&mut app, "ok", ok).unwrap();
    let bad = nginx().linux_parameters(LinuxParameters::default().add_capabilities(["NET_ADMIN"]));
    assert!(td.add_container(&mut app, "bad", bad).is_err());
}

#[test]
fn fargate_host_volumes_and_placement_are_rejected() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    assert!(
        td.add_volume(&mut app, Volume::host("logs", "/var/log"))
            .is_err()
    );
    assert!(
        td.add_placement_constraint(&mut app, PlacementConstraint::member_of("x"))
            .is_err()
    );
    assert!(
        td.add_volume(
            &mut app,
            Volume::efs("data", EfsVolumeConfiguration::new("fs-1"))
        )
        .is_ok()
    );
}

#[test]
fn external_awsvpc_and_volumes_are_rejected() {
    let (mut app, s) = stack();
    let err = ExternalTaskDefinition::new(
        &mut app,
        s,
        "A",
        ExternalTaskDefinitionProps::default().network_mode(NetworkMode::AwsVpc),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::external_network_mode_message("A", NetworkMode::AwsVpc)
    );
    let err = ExternalTaskDefinition::new(
        &mut app,
        s,
        "B",
        ExternalTaskDefinitionProps::default().volumes([Volume::new("v")]),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::external_feature_message("B", "volume `v`")
    );
    assert!(
        ExternalTaskDefinition::new(
            &mut app,
            s,
            "C",
            ExternalTaskDefinitionProps::default().network_mode(NetworkMode::Host)
        )
        .is_ok()
    );
}

#[test]
fn memory_limit_below_reservation_is_rejected() {
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let err = td
        .add_container(
            &mut app,
            "web",
            nginx().memory_limit_mib(256).memory_reservation_mib(512),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::memory_limit_message("web", 256, 512)
    );
}

#[test]
fn container_cpu_beyond_the_task_is_rejected() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    td.add_container(&mut app, "a", nginx().cpu(128)).unwrap();
    assert!(td.add_container(&mut app, "b", nginx().cpu(256)).is_err());
}

#[test]
fn host_port_must_equal_container_port_in_awsvpc() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    let web = td.add_container(&mut app, "web", nginx()).unwrap();
    let err = web
        .add_port_mappings(
            &mut app,
            [PortMapping::default().container_port(80).host_port(8080)],
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::host_port_message("web", NetworkMode::AwsVpc, 80, 8080)
    );
}

#[test]
fn undeclared_inference_devices_are_rejected() {
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        Ec2TaskDefinitionProps::default()
            .inference_accelerators([InferenceAccelerator::new("device1", "eia2.medium")]),
    )
    .unwrap();
    assert!(
        td.add_container(
            &mut app,
            "ok",
            nginx()
                .memory_limit_mib(512)
                .inference_accelerator_resources(["device1"])
        )
        .is_ok()
    );
    let err = td
        .add_container(
            &mut app,
            "bad",
            nginx()
                .memory_limit_mib(512)
                .inference_accelerator_resources(["device2"]),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::inference_device_message("TaskDef", "bad", "device2", &["device1"])
    );
}

#[test]
fn health_check_timing_is_checked() {
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let hc = HealthCheck::default()
        .command(["true"])
        .interval(Duration::seconds(10))
        .timeout(Duration::seconds(10));
    let err = td
        .add_container(
            &mut app,
            "web",
            nginx().memory_limit_mib(512).health_check(hc),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::health_check_message("web", ecs_core::rules::HealthCheckError::Order)
    );
}

#[test]
fn more_than_100_environment_variables_are_rejected() {
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let vars: Vec<(String, String)> = (0..101).map(|i| (format!("V{i}"), "x".into())).collect();
    let err = td
        .add_container(
            &mut app,
            "web",
            nginx().memory_limit_mib(512).environment(vars),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::environment_count_message("web", 101)
    );
}

#[test]
fn ephemeral_storage_is_21_to_200_gib_and_needs_platform_1_4() {
    let (mut app, s) = stack();
    let props = || {
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512)
    };
    assert!(
        FargateTaskDefinition::new(&mut app, s, "Small", props().ephemeral_storage_gib(20))
            .is_err()
    );
    let td =
        FargateTaskDefinition::new(&mut app, s, "Ok", props().ephemeral_storage_gib(21)).unwrap();
    assert!(td.needs_platform_1_4(&app).is_some());
    assert!(!ecs_core::rules::fargate_platform_version_supports("1.3.0"));
}

// ---- F6, service side ----

#[test]
fn a_fargate_service_below_platform_1_4_cannot_run_a_task_needing_it() {
    let (mut app, s) = stack();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512)
            .ephemeral_storage_gib(40),
    )
    .unwrap();
    td.add_container(&mut app, "web", nginx()).unwrap();
    let props = || {
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
    };
    let err =
        FargateService::new(&mut app, s, "Old", props().platform_version("1.3.0")).unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::fargate_platform_version_message(
            "Old",
            "TaskDef",
            "`ephemeral_storage_gib`",
            "1.3.0"
        )
    );
    FargateService::new(&mut app, s, "New", props().platform_version("1.4.0")).unwrap();
    FargateService::new(&mut app, s, "Default", props()).unwrap();
}

#[test]
fn a_platform_version_too_big_for_a_u32_is_read_as_newer_than_1_4() {
    let (mut app, s) = stack();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512)
            .ephemeral_storage_gib(40),
    )
    .unwrap();
    td.add_container(&mut app, "web", nginx()).unwrap();
    for version in ["9999999999", "1.99999999999", "99999999999999999999.0.0"] {
        let props = FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .platform_version(version);
        FargateService::new(&mut app, s, &format!("Service{}", version.len()), props).unwrap();
    }
}

#[test]
fn a_container_added_after_the_service_is_judged_at_synthesis() {
    let (mut app, s) = stack();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    let td = fargate(&mut app, s);
    let db = ecs_core::secretsmanager::Secret::new(&mut app, s, "Db", Default::default()).unwrap();
    FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .platform_version("1.3.0"),
    )
    .unwrap();
    td.add_container(
        &mut app,
        "web",
        nginx().secrets([(
            "PASSWORD".to_string(),
            Secret::from_secrets_manager_field(db, "password"),
        )]),
    )
    .unwrap();
    let err = app.validate().unwrap_err();
    assert!(
        err.to_string()
            .contains(&ecs_core::rules::fargate_platform_version_message(
                "Service",
                "TaskDef",
                "a secret read from a JSON field",
                "1.3.0"
            )),
        "{err}"
    );
}

#[test]
fn a_generic_ec2_task_definition_defaults_to_bridge_networking() {
    let (mut app, s) = stack();
    let td = TaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        TaskDefinitionProps::default().compatibility(Compatibility::Ec2),
    )
    .unwrap();
    assert_eq!(td.network_mode(&app), NetworkMode::Bridge);
    assert_eq!(
        td.network_mode(&app),
        Compatibility::Ec2.default_network_mode()
    );
}

#[test]
fn fargate_size_messages_name_memory_as_each_kind_spells_it() {
    let (mut app, s) = stack();
    let generic = |props: TaskDefinitionProps| props.compatibility(Compatibility::Ec2AndFargate);
    let err = TaskDefinition::new(
        &mut app,
        s,
        "A",
        generic(TaskDefinitionProps::default().cpu(256)),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "ec2 and fargate task definition `A` needs `memory_mib`: add `cpu` and `memory_mib`, e.g. `cpu: 256, memory_mib: 512`"
    );
    let err = TaskDefinition::new(
        &mut app,
        s,
        "B",
        generic(TaskDefinitionProps::default().cpu("256").memory_mib("4096")),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "ec2 and fargate task definition `B` cannot use `memory_mib: 4096` with `cpu: 256`: use 512, 1024 or 2048"
    );
    let err = TaskDefinition::new(
        &mut app,
        s,
        "C",
        generic(TaskDefinitionProps::default().cpu(256).memory_mib(-1)),
    )
    .unwrap_err();
    assert!(err.to_string().contains("`memory_mib: -1`"), "{err}");
    let err = FargateTaskDefinition::new(
        &mut app,
        s,
        "D",
        FargateTaskDefinitionProps::default().cpu(256),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "fargate task definition `D` needs `memory_limit_mib`: add `cpu` and `memory_limit_mib`, e.g. `cpu: 256, memory_limit_mib: 512`"
    );
    let err = FargateTaskDefinition::new(
        &mut app,
        s,
        "E",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(4096),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "fargate task definition `E` cannot use `memory_limit_mib: 4096` with `cpu: 256`: use 512, 1024 or 2048"
    );
}

fn ec2_with_redis(app: &mut App, s: StackId) -> TaskDefinition {
    let td = Ec2TaskDefinition::new(app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(app, "redis", nginx().memory_limit_mib(256))
        .unwrap();
    td
}

#[test]
fn a_link_to_an_unknown_container_is_rejected_with_the_closest_name() {
    let (mut app, s) = stack();
    let td = ec2_with_redis(&mut app, s);
    td.add_container(
        &mut app,
        "web",
        nginx()
            .memory_limit_mib(256)
            .links(["redis:cache", "rediss"]),
    )
    .unwrap();
    assert_eq!(
        app.templates().unwrap_err().to_string(),
        "`links` of container `web` names `rediss`, which task definition `TaskDef` does not have: did you mean `redis`?"
    );
}

#[test]
fn a_dependency_on_an_unknown_container_is_rejected_with_the_closest_name() {
    let (mut app, s) = stack();
    let td = ec2_with_redis(&mut app, s);
    let web = td
        .add_container(&mut app, "web", nginx().memory_limit_mib(256))
        .unwrap();
    web.add_container_dependencies(&mut app, [ContainerDependency::new("rediss")])
        .unwrap();
    assert_eq!(
        app.validate().unwrap_err().to_string(),
        ecs_core::rules::unknown_container_reference_message(
            "container_dependencies",
            "web",
            "rediss",
            "TaskDef",
            &["redis", "web"],
        )
    );
}

#[test]
fn volumes_from_an_unknown_container_lists_the_containers() {
    let (mut app, s) = stack();
    let td = ec2_with_redis(&mut app, s);
    td.add_container(
        &mut app,
        "web",
        nginx()
            .memory_limit_mib(256)
            .volumes_from([VolumeFrom::new("zzz", true)]),
    )
    .unwrap();
    assert_eq!(
        app.validate().unwrap_err().to_string(),
        "`volumes_from` of container `web` names `zzz`, which task definition `TaskDef` does not have: name one of its containers, `redis` or `web`"
    );
}

#[test]
fn containers_may_name_containers_added_after_them() {
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        nginx()
            .memory_limit_mib(256)
            .links(["redis:cache"])
            .container_dependencies([ContainerDependency::new("redis")])
            .volumes_from([VolumeFrom::new("storage", false)]),
    )
    .unwrap();
    td.add_container(&mut app, "redis", nginx().memory_limit_mib(256))
        .unwrap();
    td.add_container(
        &mut app,
        "data",
        nginx().memory_limit_mib(128).container_name("storage"),
    )
    .unwrap();
    app.validate().unwrap();
}

#[test]
fn container_handles_render_as_their_names() {
    use ecs_core::ecs::container::Link;
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let redis = td
        .add_container(&mut app, "redis", nginx().memory_limit_mib(256))
        .unwrap();
    let data = td
        .add_container(
            &mut app,
            "data",
            nginx().memory_limit_mib(128).container_name("storage"),
        )
        .unwrap();
    let web = td
        .add_container(
            &mut app,
            "web",
            nginx()
                .memory_limit_mib(256)
                .links([Link::new(redis).alias("cache")])
                .volumes_from([VolumeFrom::new(data, true)]),
        )
        .unwrap();
    web.add_links(&mut app, [data]).unwrap();
    web.add_container_dependencies(
        &mut app,
        [ContainerDependency::new(redis).condition(ContainerDependencyCondition::Start)],
    )
    .unwrap();
    let t = &app.templates().unwrap()[0].1;
    let web = &t["Resources"]["TaskDef54694570"]["Properties"]["ContainerDefinitions"][2];
    assert_eq!(web["Links"], serde_json::json!(["redis:cache", "storage"]));
    assert_eq!(
        web["DependsOn"],
        serde_json::json!([{ "Condition": "START", "ContainerName": "redis" }])
    );
    assert_eq!(
        web["VolumesFrom"],
        serde_json::json!([{ "ReadOnly": true, "SourceContainer": "storage" }])
    );
}

#[test]
fn a_container_of_another_task_definition_is_rejected() {
    let (mut app, s) = stack();
    let td = ec2_with_redis(&mut app, s);
    let other = Ec2TaskDefinition::new(&mut app, s, "Other", Default::default()).unwrap();
    let sidecar = other
        .add_container(&mut app, "sidecar", nginx().memory_limit_mib(128))
        .unwrap();
    let message = |property| {
        ecs_core::rules::foreign_container_reference_message(
            property, "web", "TaskDef", "sidecar", "Other",
        )
    };
    let err = td
        .add_container(
            &mut app,
            "web",
            nginx().memory_limit_mib(256).links([sidecar]),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), message("links"));
    let web = td
        .add_container(&mut app, "web", nginx().memory_limit_mib(256))
        .unwrap();
    let err = web
        .add_container_dependencies(&mut app, [sidecar])
        .unwrap_err();
    assert_eq!(err.to_string(), message("container_dependencies"));
    let err = web.add_volumes_from(&mut app, [sidecar]).unwrap_err();
    assert_eq!(err.to_string(), message("volumes_from"));
    // Nothing was added: the app still synthesizes.
    app.templates().unwrap();
}

#[test]
fn a_container_of_another_app_is_rejected() {
    let (mut app, s) = stack();
    let td = ec2_with_redis(&mut app, s);
    let (mut other, o) = stack();
    let foreign = ec2_with_redis(&mut other, o)
        .add_container(&mut other, "sidecar", nginx().memory_limit_mib(128))
        .unwrap();
    let err = td
        .add_container(
            &mut app,
            "web",
            nginx()
                .memory_limit_mib(256)
                .container_dependencies([foreign]),
        )
        .unwrap_err();
    assert!(err.to_string().contains("another `App`"), "{err}");
}

#[test]
fn ports_outside_1_to_65535_are_rejected() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    let err = td
        .add_container(
            &mut app,
            "web",
            nginx().port_mappings([PortMapping::from(70000)]),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::port_range_message("web", "container_port", 70000)
    );
    let ec2 = Ec2TaskDefinition::new(&mut app, s, "Ec2", Default::default()).unwrap();
    let mapping = PortMapping::from(80).host_port(65536);
    let err = ec2
        .add_container(
            &mut app,
            "web",
            nginx().memory_limit_mib(256).port_mappings([mapping]),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::port_range_message("web", "host_port", 65536)
    );
    let dynamic = PortMapping::from(80).host_port(0);
    ec2.add_container(
        &mut app,
        "ok",
        nginx().memory_limit_mib(256).port_mappings([dynamic]),
    )
    .unwrap();
}

#[test]
fn container_memory_above_the_task_is_rejected() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    let err = td
        .add_container(&mut app, "web", nginx().memory_limit_mib(1024))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::container_memory_message("TaskDef", "web", 1024, 512)
    );
}

#[test]
fn negative_durations_are_rejected_not_read_as_zero() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    let err = td
        .add_container(&mut app, "web", nginx().stop_timeout(Duration::from(-5)))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "container `web` cannot use `stop_timeout: -5`: duration amounts cannot be negative; use 0 or more seconds, e.g. `stop_timeout: 5`"
    );
    td.add_container(&mut app, "ok", nginx().stop_timeout(Duration::from(0)))
        .unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let err = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .health_check_grace_period(-60),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::duration_amount_message(
            "fargate service `Service`",
            "health_check_grace_period",
            -60
        )
    );
}

#[test]
fn stack_names_cloudformation_refuses_are_rejected() {
    let mut app = App::new();
    let err = app.add_stack("my web").unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::stack_name_message("my web")
    );
    assert!(err.to_string().ends_with("e.g. `my-web`"), "{err}");
    assert!(app.add_stack(&"a".repeat(129)).is_err());
    app.add_stack("my-web").unwrap();
}

#[test]
fn every_bad_port_of_a_container_is_reported_at_once() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    let err = td
        .add_container(
            &mut app,
            "web",
            nginx().port_mappings([
                PortMapping::from(70000),
                PortMapping::default().container_port(80).host_port(8080),
            ]),
        )
        .unwrap_err();
    assert_eq!(
        err.messages(),
        [
            ecs_core::rules::port_range_message("web", "container_port", 70000),
            ecs_core::rules::host_port_message("web", NetworkMode::AwsVpc, 80, 8080),
        ]
    );
}

#[test]
fn port_mappings_added_later_are_judged_by_l3() {
    let (mut app, s) = stack();
    let td = fargate(&mut app, s);
    let web = td
        .add_container(
            &mut app,
            "web",
            nginx().port_mappings([PortMapping::from(80)]),
        )
        .unwrap();
    let err = web
        .add_port_mappings(
            &mut app,
            [PortMapping::default().container_port(81).host_port(8081)],
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::host_port_message("web", NetworkMode::AwsVpc, 81, 8081)
    );
}
