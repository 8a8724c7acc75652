//! Observability and automation built with the builder API alone: the apps of the log-driver,
//! events, task auto-scaling and ECS Exec examples, without `ecs_app!`, synthesize the same
//! templates as the examples (and the CDK).

use crate::support::assert_matches_cdk;
use ecs_app::ecs::log_driver::*;
use ecs_app::ecs::secret::Secret;
use ecs_app::events::{Rule, RuleProps};
use ecs_app::events_targets::{ContainerOverride, EcsTask};
use ecs_app::prelude::*;
use ecs_app::schedule::Schedule;

fn image() -> ContainerImage {
    ContainerImage::from_registry("example-image")
}

#[test]
fn log_drivers_match_the_cdk() {
    let mut app = App::new();
    let s = app.add_stack("LogDrivers").unwrap();
    let drivers = [
        (
            "AwsLogs",
            LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("EventDemo")),
        ),
        ("Fluentd", LogDriver::fluentd(Default::default())),
        (
            "Gelf",
            LogDriver::gelf(GelfLogDriverProps::default().address("my-gelf-address")),
        ),
        ("Journald", LogDriver::journald(Default::default())),
        ("JsonFile", LogDriver::json_file(Default::default())),
        ("Syslog", LogDriver::syslog(Default::default())),
        (
            "Generic",
            LogDriver::generic(
                GenericLogDriverProps::default()
                    .log_driver("fluentd")
                    .options([("tag", "example-tag")]),
            ),
        ),
    ];
    for (name, logging) in drivers {
        let td = Ec2TaskDefinition::new(&mut app, s, &format!("TaskDef{name}"), Default::default())
            .unwrap();
        td.add_container(
            &mut app,
            "TheContainer",
            ContainerDefinitionOptions::default()
                .image(image())
                .memory_limit_mib(256)
                .logging(logging),
        )
        .unwrap();
    }
    assert_matches_cdk(app, "24-log-drivers");
}

#[test]
fn splunk_and_firelens_match_the_cdk() {
    let mut app = App::new();
    let s = app.add_stack("LogDriversSplunkFirelens").unwrap();
    let token = ecs_app::secretsmanager::Secret::from_secret_name_v2(
        &mut app,
        s,
        "SplunkToken",
        "my-splunk-token",
    )
    .unwrap();
    let splunk = Ec2TaskDefinition::new(&mut app, s, "TaskDefSplunk", Default::default()).unwrap();
    splunk
        .add_container(
            &mut app,
            "TheContainer",
            ContainerDefinitionOptions::default()
                .image(image())
                .memory_limit_mib(256)
                .logging(LogDriver::splunk(
                    SplunkLogDriverProps::default()
                        .secret_token(Secret::from_secrets_manager(token))
                        .url("my-splunk-url"),
                )),
        )
        .unwrap();
    let firelens =
        Ec2TaskDefinition::new(&mut app, s, "TaskDefFirelens", Default::default()).unwrap();
    firelens
        .add_container(
            &mut app,
            "TheContainer",
            ContainerDefinitionOptions::default()
                .image(image())
                .memory_limit_mib(256)
                .logging(LogDriver::firelens(
                    FirelensLogDriverProps::default().options([
                        ("Name", "firehose"),
                        ("region", "us-west-2"),
                        ("delivery_stream", "my-stream"),
                    ]),
                )),
        )
        .unwrap();
    let secret =
        ecs_app::secretsmanager::Secret::new(&mut app, s, "ApiKey", Default::default()).unwrap();
    let parameter = ecs_app::ssm::StringParameter::new(
        &mut app,
        s,
        "LogHost",
        ecs_app::ssm::StringParameterProps::default().string_value("logs.example.com"),
    )
    .unwrap();
    let with_secrets =
        Ec2TaskDefinition::new(&mut app, s, "TaskDefFirelensSecrets", Default::default()).unwrap();
    with_secrets
        .add_container(
            &mut app,
            "TheContainer",
            ContainerDefinitionOptions::default()
                .image(image())
                .memory_limit_mib(256)
                .logging(LogDriver::firelens(
                    FirelensLogDriverProps::default()
                        .options([
                            ("Name", "datadog"),
                            ("dd_service", "my-service"),
                            ("TLS", "on"),
                        ])
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
            AddCapacityOptions::default()
                .instance_type("t3.medium")
                .max_capacity(1),
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
                AwsLogDriverProps::default()
                    .stream_prefix("EventDemo")
                    .mode(AwsLogDriverMode::NonBlocking),
            )),
    )
    .unwrap();
    let rule = Rule::new(
        &mut app,
        s,
        "Rule",
        RuleProps::default().schedule(Schedule::expression("rate(1 minute)").unwrap()),
    )
    .unwrap();
    rule.add_target(
        &mut app,
        EcsTask::default()
            .cluster(cluster)
            .task_definition(td)
            .task_count(1)
            .container_overrides([ContainerOverride::new("TheContainer")
                .environment([("I_WAS_TRIGGERED", "From CloudWatch Events")])]),
    )
    .unwrap();
    assert_matches_cdk(app, "23-events-ecs-task");
}

#[test]
fn task_auto_scaling_matches_the_cdk() {
    use ecs_app::applicationautoscaling::*;
    use ecs_app::ecs::scaling::*;
    use ecs_app::elbv2::{
        AddTargetsProps, ApplicationLoadBalancer, ListenerProps, LoadBalancerProps,
    };
    use ecs_app::schedule::CronOptions;
    let mut app = App::new();
    let s = app.add_stack("TaskAutoScaling").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2)).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry("amazon/amazon-ecs-sample"))
            .port_mappings([PortMapping::default().container_port(80)]),
    )
    .unwrap();
    let service = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td),
    )
    .unwrap();
    let lb = ApplicationLoadBalancer::new(
        &mut app,
        s,
        "LB",
        LoadBalancerProps::default().vpc(vpc).internet_facing(true),
    )
    .unwrap();
    let listener = lb
        .add_listener(&mut app, "Listener", ListenerProps::default().port(80))
        .unwrap();
    let group = listener
        .add_targets(
            &mut app,
            "ECS",
            AddTargetsProps::default().port(80).targets([service]),
        )
        .unwrap();
    let count = service
        .auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(10))
        .unwrap();
    count
        .scale_on_cpu_utilization(
            &mut app,
            "CpuScaling",
            CpuUtilizationScalingProps::default().target_utilization_percent(50),
        )
        .unwrap();
    count
        .scale_on_request_count(
            &mut app,
            "RequestScaling",
            RequestCountScalingProps::default()
                .requests_per_target(10000)
                .target_group(group),
        )
        .unwrap();
    count
        .scale_on_memory_utilization(
            &mut app,
            "MemoryScaling",
            MemoryUtilizationScalingProps::default()
                .target_utilization_percent(70)
                .scale_in_cooldown(ecs_app::cfn::duration::Duration::seconds(60))
                .scale_out_cooldown(ecs_app::cfn::duration::Duration::seconds(30)),
        )
        .unwrap();
    count
        .scale_on_schedule(
            &mut app,
            "ScaleUpInTheMorning",
            ScalingSchedule::default()
                .schedule(Schedule::cron(CronOptions::default().hour("8").minute("0")))
                .min_capacity(4),
        )
        .unwrap();
    count
        .scale_on_schedule(
            &mut app,
            "ScaleDownAtNight",
            ScalingSchedule::default()
                .schedule(Schedule::cron(
                    CronOptions::default().hour("20").minute("0"),
                ))
                .min_capacity(1)
                .max_capacity(2),
        )
        .unwrap();
    assert_matches_cdk(app, "22-task-autoscaling");
}

#[test]
fn ecs_exec_matches_the_cdk() {
    use ecs_app::ecs::exec::*;
    use ecs_app::kms::Key;
    use ecs_app::logs::{LogGroup, LogGroupProps};
    use ecs_app::s3::{Bucket, BucketProps};
    let mut app = App::new();
    let s = app.add_stack("EcsExec").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2)).unwrap();
    let key = Key::new(&mut app, s, "KmsKey", Default::default()).unwrap();
    let group = LogGroup::new(
        &mut app,
        s,
        "LogGroup",
        LogGroupProps::default().encryption_key(key),
    )
    .unwrap();
    let bucket = Bucket::new(
        &mut app,
        s,
        "EcsExecBucket",
        BucketProps::default().encryption_key(key),
    )
    .unwrap();
    let cluster = Cluster::new(
        &mut app,
        s,
        "Cluster",
        ClusterProps::default()
            .vpc(vpc)
            .execute_command_configuration(
                ExecuteCommandConfiguration::default()
                    .kms_key(key)
                    .log_configuration(
                        ExecuteCommandLogConfiguration::default()
                            .cloud_watch_log_group(group)
                            .cloud_watch_encryption_enabled(true)
                            .s3_bucket(bucket)
                            .s3_encryption_enabled(true)
                            .s3_key_prefix("exec-command-output"),
                    )
                    .logging(ExecuteCommandLogging::Override),
            ),
    )
    .unwrap();
    cluster
        .add_capacity(
            &mut app,
            "DefaultAutoScalingGroupCapacity",
            AddCapacityOptions::default()
                .instance_type("t3.medium")
                .max_capacity(1),
        )
        .unwrap();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry("amazon/amazon-ecs-sample"))
            .memory_limit_mib(256),
    )
    .unwrap();
    Ec2Service::new(
        &mut app,
        s,
        "Service",
        Ec2ServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .enable_execute_command(true),
    )
    .unwrap();
    assert_matches_cdk(app, "31-ecs-exec");
}
