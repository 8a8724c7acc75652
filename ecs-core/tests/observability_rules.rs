//! The rules of log drivers, events rules, task auto-scaling and ECS Exec at run time: the builders reject what `ecs_app!` rejects while compiling,
//! with the same messages, as errors.

use ecs_core::applicationautoscaling::ScalingSchedule;
use ecs_core::cfn::duration::Duration;
use ecs_core::ecs::log_driver::*;
use ecs_core::ecs::scaling::EnableScalingProps;
use ecs_core::prelude::*;
use ecs_core::schedule::Schedule;

fn fargate_service(app: &mut App, s: StackId) -> (TaskDefinition, Service) {
    let cluster = Cluster::new(app, s, "Cluster", ClusterProps::default()).unwrap();
    let td = FargateTaskDefinition::new(
        app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    td.add_container(
        app,
        "web",
        ContainerDefinitionOptions::default().image(ContainerImage::from_registry("nginx")),
    )
    .unwrap();
    let service = FargateService::new(
        app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td),
    )
    .unwrap();
    (td, service)
}

#[test]
fn invalid_schedule_expressions_are_rejected() {
    let err = Schedule::expression("rate(1 min)").unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::schedule_expression_message("rate(1 min)")
    );
    assert!(Schedule::expression("rate(2 minute)").is_err());
    assert!(Schedule::expression("cron(0 8 * * *)").is_err());
    assert!(Schedule::rate(Duration::seconds(90)).is_err());
    assert_eq!(
        Schedule::rate(Duration::hours(24))
            .unwrap()
            .expression_string(),
        "rate(1 day)"
    );
}

#[test]
fn fargate_rejects_log_drivers_it_does_not_run() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    let err = td
        .add_container(
            &mut app,
            "web",
            ContainerDefinitionOptions::default()
                .image(ContainerImage::from_registry("nginx"))
                .logging(LogDriver::syslog(Default::default())),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::fargate_log_driver_message("web", "syslog")
    );
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry("nginx"))
            .logging(LogDriver::aws_logs(
                AwsLogDriverProps::default().stream_prefix("web"),
            )),
    )
    .unwrap();
}

#[test]
fn awslogs_options_that_contradict_each_other_are_rejected() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let add = |app: &mut App, driver: LogDriver| {
        td.add_container(
            app,
            "web",
            ContainerDefinitionOptions::default()
                .image(ContainerImage::from_registry("nginx"))
                .memory_limit_mib(128)
                .logging(driver),
        )
    };
    let err = add(&mut app, LogDriver::aws_logs(AwsLogDriverProps::default())).unwrap_err();
    assert!(err.to_string().contains("needs `stream_prefix`"), "{err}");
    let err = add(
        &mut app,
        LogDriver::aws_logs(
            AwsLogDriverProps::default()
                .stream_prefix("w")
                .max_buffer_size(1024),
        ),
    )
    .unwrap_err();
    assert!(err.to_string().contains("add `mode: NonBlocking`"), "{err}");
    let err = add(
        &mut app,
        LogDriver::splunk(SplunkLogDriverProps::default().url("https://splunk")),
    )
    .unwrap_err();
    assert!(err.to_string().contains("needs `secret_token`"), "{err}");
}

#[test]
fn scaling_bounds_and_schedules_are_checked() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let (_, service) = fargate_service(&mut app, s);
    let err = service
        .auto_scale_task_count(
            &mut app,
            EnableScalingProps::default()
                .min_capacity(5)
                .max_capacity(2),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::scaling_capacity_message("Service", 5, 2)
    );
    let count = service
        .auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(10))
        .unwrap();
    let schedule = Schedule::expression("cron(0 8 * * ? *)").unwrap();
    let err = count
        .scale_on_schedule(
            &mut app,
            "Morning",
            ScalingSchedule::default().schedule(schedule.clone()),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::scheduled_action_capacity_message("Morning")
    );
    count
        .scale_on_schedule(
            &mut app,
            "Morning",
            ScalingSchedule::default()
                .schedule(schedule.clone())
                .min_capacity(4),
        )
        .unwrap();
    let err = count
        .scale_on_schedule(
            &mut app,
            "Morning",
            ScalingSchedule::default()
                .schedule(schedule)
                .min_capacity(2),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::duplicate_id_message("Morning", "the scheduled actions of this service")
    );
    let err = service
        .auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(3))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("already has `auto_scale_task_count`"),
        "{err}"
    );
}

#[test]
fn events_rules_refuse_at_schedules_that_scheduled_scaling_takes() {
    use ecs_core::events::{Rule, RuleProps};
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let at = Schedule::expression("at(2026-12-01T08:30:00)").unwrap();
    let err = Rule::new(
        &mut app,
        s,
        "Once",
        RuleProps::default().schedule(at.clone()),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        ecs_core::rules::events_rule_schedule_message("Once", "at(2026-12-01T08:30:00)")
    );
    assert!(
        err.to_string().ends_with("use `cron(30 8 1 12 ? 2026)`"),
        "{err}"
    );
    let cron = Schedule::expression("cron(30 8 1 12 ? 2026)").unwrap();
    Rule::new(&mut app, s, "Cron", RuleProps::default().schedule(cron)).unwrap();
    let (_, service) = fargate_service(&mut app, s);
    let scaling = service
        .auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(4))
        .unwrap();
    scaling
        .scale_on_schedule(
            &mut app,
            "Launch",
            ScalingSchedule::default().schedule(at).min_capacity(4),
        )
        .unwrap();
}
