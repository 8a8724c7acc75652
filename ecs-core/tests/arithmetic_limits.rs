//! Values at the edges of `u32` neither panic nor wrap: durations are exact however long, and a
//! sum too big for the task is an error.

use ecs_core::prelude::*;

fn stack() -> (App, StackId) {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    (app, s)
}

fn nginx() -> ContainerDefinitionOptions {
    ContainerDefinitionOptions::default().image(ContainerImage::from_registry("nginx"))
}

#[test]
fn durations_longer_than_u32_seconds_are_exact() {
    assert_eq!(Duration::days(100_000).to_seconds(), 8_640_000_000);
    assert_eq!(
        Duration::days(u32::MAX).to_seconds(),
        u64::from(u32::MAX) * 86_400
    );
    assert_eq!(
        Duration::hours(u32::MAX).to_seconds(),
        u64::from(u32::MAX) * 3600
    );
    assert_eq!(
        Duration::minutes(u32::MAX).to_seconds(),
        u64::from(u32::MAX) * 60
    );
    assert_eq!(
        Schedule::rate(Duration::days(100_000))
            .unwrap()
            .expression_string(),
        "rate(100000 days)"
    );
}

#[test]
fn a_long_stop_timeout_is_written_as_given() {
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        nginx()
            .memory_limit_mib(512)
            .stop_timeout(Duration::days(100_000)),
    )
    .unwrap();
    let t = &app.templates().unwrap()[0].1;
    let def = &t["Resources"]["TaskDef54694570"]["Properties"]["ContainerDefinitions"][0];
    assert_eq!(def["StopTimeout"], 8_640_000_000u64);
}

#[test]
fn a_health_check_interval_longer_than_u32_seconds_is_out_of_range() {
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let check = HealthCheck::default()
        .command(["true"])
        .interval(Duration::days(100_000));
    let err = td
        .add_container(
            &mut app,
            "web",
            nginx().memory_limit_mib(512).health_check(check),
        )
        .unwrap_err();
    assert!(err.to_string().contains("`interval`"), "{err}");
}

#[test]
fn container_cpu_summing_past_u32_is_an_error() {
    let (mut app, s) = stack();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(1024)
            .memory_limit_mib(2048),
    )
    .unwrap();
    td.add_container(&mut app, "a", nginx().cpu(512)).unwrap();
    let err = td
        .add_container(&mut app, "b", nginx().cpu(u32::MAX))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::container_cpu_message("TaskDef", u64::from(u32::MAX) + 512, 1024)
    );
}

#[test]
fn the_longest_task_drain_time_caps_the_drain_function_at_900_seconds() {
    let (mut app, s) = stack();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    let options = AddCapacityOptions::default()
        .instance_type("t3.micro")
        .task_drain_time(u32::MAX);
    cluster.add_capacity(&mut app, "Asg", options).unwrap();
    let t = &app.templates().unwrap()[0].1;
    let functions: Vec<_> = t["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == "AWS::Lambda::Function")
        .filter(|r| r["Properties"]["Environment"]["Variables"]["CLUSTER"].is_object())
        .collect();
    assert_eq!(functions.len(), 1);
    assert_eq!(functions[0]["Properties"]["Timeout"], 900);
}
