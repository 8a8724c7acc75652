//! "Environment variables": `environment`, `environment_files` (an asset and an S3 object) and
//! `secrets` (a whole Secrets Manager secret, one JSON field, an SSM parameter); the execution
//! role is granted read access to the secrets (oracle app 16-environment-secrets).

use ecs_app::prelude::*;

const ENV_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/fixtures/demo-env-file.env"
);

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack EnvironmentSecrets {
            bucket ConfigBucket {}
            secret Secret {}
            secret DbSecret {
                generate_secret_string: SecretStringGenerator::default()
                    .secret_string_template(r#"{"username":"app"}"#)
                    .generate_string_key("password"),
            }
            string_parameter Parameter {
                parameter_name: "/app/config/parameter",
                string_value: "some-value",
            }
            ec2_task_definition TaskDef {
                container container {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 1024,
                    environment: { STAGE: "prod" },
                    environment_files: [
                        EnvironmentFile::from_asset(ENV_FILE),
                        EnvironmentFile::from_bucket(ConfigBucket, "assets/demo-env-file.env"),
                    ],
                    secrets: {
                        SECRET: Secret::from_secrets_manager(Secret),
                        DB_PASSWORD: Secret::from_secrets_manager_field(DbSecret, "password"),
                        PARAMETER: Secret::from_ssm_parameter(Parameter),
                    },
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
