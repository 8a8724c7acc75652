//! "Log Drivers": splunk with its token from Secrets Manager, FireLens with options, and
//! FireLens with secret options (oracle app 25-log-drivers-splunk-firelens).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack LogDriversSplunkFirelens {
            imported_secret SplunkToken { secret_name: "my-splunk-token" }
            ec2_task_definition TaskDefSplunk {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::splunk(
                        SplunkLogDriverProps::default()
                            .secret_token(Secret::from_secrets_manager(SplunkToken))
                            .url("my-splunk-url"),
                    ),
                }
            }
            ec2_task_definition TaskDefFirelens {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::firelens(FirelensLogDriverProps::default().options([
                        ("Name", "firehose"),
                        ("region", "us-west-2"),
                        ("delivery_stream", "my-stream"),
                    ])),
                }
            }
            secret ApiKey {}
            string_parameter LogHost { string_value: "logs.example.com" }
            ec2_task_definition TaskDefFirelensSecrets {
                container TheContainer {
                    image: ContainerImage::from_registry("example-image"),
                    memory_limit_mib: 256,
                    logging: LogDriver::firelens(
                        FirelensLogDriverProps::default()
                            .options([("Name", "datadog"), ("dd_service", "my-service"), ("TLS", "on")])
                            .secret_options([
                                ("apikey", Secret::from_secrets_manager(ApiKey)),
                                ("host", Secret::from_ssm_parameter(LogHost)),
                            ]),
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
