//! Log drivers with every option, FireLens outputs and ECS Exec settings the oracle apps do not
//! exercise, against our own CDK app `tests/golden/apps/logging.js` (one theme per stack).

use super::IMAGE;
use crate::support::assert_stacks_match_cdk;
use ecs_app::prelude::*;

#[test]
fn awslogs_options_match_the_cdk() {
    let app = ecs_app! {
        stack AwsLogsOptions {
            log_group Shared { retention: OneMonth }
            ec2_task_definition TaskDef {
                container app {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    logging: LogDriver::aws_logs(
                        AwsLogDriverProps::default()
                            .stream_prefix("app")
                            .log_retention(RetentionDays::OneWeek)
                            .datetime_format("%Y-%m-%d %H:%M:%S")
                            .multiline_pattern("^INFO")
                            .mode(AwsLogDriverMode::NonBlocking)
                            .max_buffer_size(25 * 1024 * 1024),
                    ),
                }
                container worker {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("worker").log_group(Shared)),
                }
                container quiet {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 64,
                    essential: false,
                    logging: LogDriver::None,
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "logging", 1);
}

#[test]
fn docker_drivers_match_the_cdk() {
    use ecs_app::ecs::log_driver::*;
    let app = ecs_app! {
        stack DockerDrivers {
            secret Token {}
            ec2_task_definition TaskDef {
                container fluentd {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 64,
                    logging: LogDriver::fluentd(
                        FluentdLogDriverProps::default()
                            .address("fluentd.internal:24224")
                            .async_connect(true)
                            .async_(true)
                            .buffer_limit(1000)
                            .retry_wait(2)
                            .max_retries(5)
                            .sub_second_precision(true)
                            .tag("app").labels(["team", "tier"]).env(["STAGE"]).env_regex("^APP_"),
                    ),
                }
                container gelf {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 64,
                    logging: LogDriver::gelf(
                        GelfLogDriverProps::default()
                            .address("udp://graylog:12201")
                            .compression_type(GelfCompressionType::Zlib)
                            .compression_level(6)
                            .tcp_max_reconnect(4)
                            .tcp_reconnect_delay(3)
                            .tag("app").labels(["team", "tier"]).env(["STAGE"]).env_regex("^APP_"),
                    ),
                }
                container jsonfile {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 64,
                    logging: LogDriver::json_file(
                        JsonFileLogDriverProps::default()
                            .max_size("10m")
                            .max_file(3)
                            .compress(true)
                            .tag("app").labels(["team", "tier"]).env(["STAGE"]).env_regex("^APP_"),
                    ),
                }
                container syslog {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 64,
                    logging: LogDriver::syslog(
                        SyslogLogDriverProps::default()
                            .address("tcp+tls://syslog:6514")
                            .facility("daemon")
                            .tls_ca_cert("/etc/ca.pem")
                            .tls_cert("/etc/cert.pem")
                            .tls_key("/etc/key.pem")
                            .tls_skip_verify(false)
                            .format("rfc5424")
                            .tag("app").labels(["team", "tier"]).env(["STAGE"]).env_regex("^APP_"),
                    ),
                }
                container journald {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 64,
                    logging: LogDriver::journald(
                        JournaldLogDriverProps::default()
                            .tag("app").labels(["team", "tier"]).env(["STAGE"]).env_regex("^APP_"),
                    ),
                }
                container generic {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 64,
                    logging: LogDriver::generic(
                        GenericLogDriverProps::default()
                            .log_driver("splunk")
                            .options([("splunk-url", "https://splunk.example.com:8088")])
                            .secret_options([("splunk-token", Secret::from_secrets_manager(Token))]),
                    ),
                }
                container bare {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 64,
                    logging: LogDriver::generic(GenericLogDriverProps::default().log_driver("local")),
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "logging", 1);
}

#[test]
fn firelens_outputs_match_the_cdk() {
    let app = ecs_app! {
        stack FirelensOutputs {
            fargate_task_definition TaskDef {
                cpu: 512,
                memory_limit_mib: 1024,
                container app {
                    image: ContainerImage::from_registry(IMAGE),
                    logging: LogDriver::firelens(FirelensLogDriverProps::default().options([
                        ("Name", "cloudwatch"),
                        ("region", "us-east-1"),
                        ("log_group_name", "firelens-app"),
                        ("auto_create_group", "true"),
                        ("log_stream_prefix", "app-"),
                        ("log_retention_days", "7"),
                    ])),
                }
            }
            fargate_task_definition Kinesis {
                cpu: 256,
                memory_limit_mib: 512,
                container app {
                    image: ContainerImage::from_registry(IMAGE),
                    logging: LogDriver::firelens(FirelensLogDriverProps::default().options([
                        ("Name", "kinesis"),
                        ("region", "us-east-1"),
                        ("stream", "logs"),
                    ])),
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "logging", 1);
}

#[test]
fn exec_options_match_the_cdk() {
    let app = ecs_app! {
        stack ExecOptions {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            kms_key Key {}
            bucket Bucket {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE) }
            }
            cluster DefaultCluster { vpc: Vpc, execute_command_configuration: { logging: Default } }
            fargate_service DefaultService { cluster: DefaultCluster, task_definition: TaskDef, enable_execute_command: true }
            cluster NoneCluster { vpc: Vpc, execute_command_configuration: { logging: None } }
            fargate_service NoneService { cluster: NoneCluster, task_definition: TaskDef, enable_execute_command: true }
            cluster KeyOnlyCluster { vpc: Vpc, execute_command_configuration: { kms_key: Key } }
            fargate_service KeyOnlyService { cluster: KeyOnlyCluster, task_definition: TaskDef, enable_execute_command: true }
            cluster BucketCluster {
                vpc: Vpc,
                execute_command_configuration: {
                    logging: Override,
                    log_configuration: { s3_bucket: Bucket, s3_key_prefix: "exec" },
                },
            }
            fargate_service BucketService { cluster: BucketCluster, task_definition: TaskDef, enable_execute_command: true }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "logging", 1);
}
