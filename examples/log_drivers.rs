//! "Log Drivers": awslogs, fluentd, gelf, journald, json-file, syslog and the generic driver,
//! each on its own EC2 task definition (oracle app 24-log-drivers).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack LogDrivers {
            ec2_task_definition TaskDefAwsLogs {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("EventDemo")),
                }
            }
            ec2_task_definition TaskDefFluentd {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::fluentd(FluentdLogDriverProps::default()),
                }
            }
            ec2_task_definition TaskDefGelf {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::gelf(GelfLogDriverProps::default().address("my-gelf-address")),
                }
            }
            ec2_task_definition TaskDefJournald {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::journald(JournaldLogDriverProps::default()),
                }
            }
            ec2_task_definition TaskDefJsonFile {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::json_file(JsonFileLogDriverProps::default()),
                }
            }
            ec2_task_definition TaskDefSyslog {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::syslog(SyslogLogDriverProps::default()),
                }
            }
            ec2_task_definition TaskDefGeneric {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::generic(
                        GenericLogDriverProps::default()
                            .log_driver("fluentd")
                            .options([("tag", "example-tag")]),
                    ),
                }
            }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
