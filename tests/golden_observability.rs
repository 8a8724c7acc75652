//! Golden tests of issue 6 built with the builder API: log drivers, events rules.

mod support;

use ecs_app::prelude::*;
use ecs_app::events::{ContainerOverride, EcsTask, Rule, RuleProps};
use ecs_app::log_driver::*;
use ecs_app::schedule::Schedule;
use ecs_app::secret::Secret;
use support::assert_matches_cdk;

fn image() -> ContainerImage {
    ContainerImage::from_registry("example-image")
}

#[test]
fn log_drivers_match_the_cdk() {
    let mut app = App::new();
    let s = app.add_stack("LogDrivers").unwrap();
    let drivers = [
        ("AwsLogs", LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("EventDemo"))),
        ("Fluentd", LogDriver::fluentd(Default::default())),
        ("Gelf", LogDriver::gelf(GelfLogDriverProps::default().address("my-gelf-address"))),
        ("Journald", LogDriver::journald(Default::default())),
        ("JsonFile", LogDriver::json_file(Default::default())),
        ("Syslog", LogDriver::syslog(Default::default())),
        (
            "Generic",
            LogDriver::generic(GenericLogDriverProps::default().log_driver("fluentd").options([("tag", "example-tag")])),
        ),
    ];
    for (name, logging) in drivers {
        let td = Ec2TaskDefinition::new(&mut app, s, &format!("TaskDef{name}"), Default::default()).unwrap();
        td.add_container(
            &mut app,
            "TheContainer",
            ContainerDefinitionOptions::default().image(image()).memory_limit_mib(256).logging(logging),
        )
        .unwrap();
    }
    assert_matches_cdk(app, "24-log-drivers");
}

#[test]
fn splunk_and_firelens_match_the_cdk() {
    let mut app = App::new();
    let s = app.add_stack("LogDriversSplunkFirelens").unwrap();
    let token = ecs_app::secrets_manager::Secret::from_secret_name_v2(&mut app, s, "SplunkToken", "my-splunk-token")
        .unwrap();
    let splunk = Ec2TaskDefinition::new(&mut app, s, "TaskDefSplunk", Default::default()).unwrap();
    splunk
        .add_container(
            &mut app,
            "TheContainer",
            ContainerDefinitionOptions::default().image(image()).memory_limit_mib(256).logging(LogDriver::splunk(
                SplunkLogDriverProps::default().secret_token(Secret::from_secrets_manager(token)).url("my-splunk-url"),
            )),
        )
        .unwrap();
    let firelens = Ec2TaskDefinition::new(&mut app, s, "TaskDefFirelens", Default::default()).unwrap();
    firelens
        .add_container(
            &mut app,
            "TheContainer",
            ContainerDefinitionOptions::default().image(image()).memory_limit_mib(256).logging(LogDriver::firelens(
                FirelensLogDriverProps::default().options([
                    ("Name", "firehose"),
                    ("region", "us-west-2"),
                    ("delivery_stream", "my-stream"),
                ]),
            )),
        )
        .unwrap();
    let secret = ecs_app::secrets_manager::Secret::new(&mut app, s, "ApiKey", Default::default()).unwrap();
    let parameter = ecs_app::ssm::StringParameter::new(
        &mut app,
        s,
        "LogHost",
        ecs_app::ssm::StringParameterProps::default().string_value("logs.example.com"),
    )
    .unwrap();
    let with_secrets = Ec2TaskDefinition::new(&mut app, s, "TaskDefFirelensSecrets", Default::default()).unwrap();
    with_secrets
        .add_container(
            &mut app,
            "TheContainer",
            ContainerDefinitionOptions::default().image(image()).memory_limit_mib(256).logging(LogDriver::firelens(
                FirelensLogDriverProps::default()
                    .options([("Name", "datadog"), ("dd_service", "my-service"), ("TLS", "on")])
                    .secret_options([
                        ("apikey", Secret::from_secrets_manager(secret)),
                        ("host", Secret::from_ssm_parameter(parameter)),
                    ]),
            )),
        )
        .unwrap();
    assert_matches_cdk(app, "25-log-drivers-splunk-firelens");
}

#[test]
fn events_rule_with_an_ecs_task_matches_the_cdk() {
    let mut app = App::new();
    let s = app.add_stack("EventsEcsTask").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2)).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    cluster
        .add_capacity(
            &mut app,
            "DefaultAutoScalingGroupCapacity",
            AddCapacityOptions::default().instance_type("t3.medium").max_capacity(1),
        )
        .unwrap();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "TheContainer",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry("amazon/amazon-ecs-sample"))
            .memory_limit_mib(256)
            .logging(LogDriver::aws_logs(
                AwsLogDriverProps::default().stream_prefix("EventDemo").mode(AwsLogDriverMode::NonBlocking),
            )),
    )
    .unwrap();
    let rule =
        Rule::new(&mut app, s, "Rule", RuleProps::default().schedule(Schedule::expression("rate(1 minute)").unwrap()))
            .unwrap();
    rule.add_target(
        &mut app,
        EcsTask::default().cluster(cluster).task_definition(td).task_count(1).container_overrides([
            ContainerOverride::new("TheContainer").environment([("I_WAS_TRIGGERED", "From CloudWatch Events")]),
        ]),
    )
    .unwrap();
    assert_matches_cdk(app, "23-events-ecs-task");
}
