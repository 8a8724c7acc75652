//! Container restart policies and gMSA credential specs, in the DSL and with the builders, and
//! the CDK's refusals; against our own CDK app `tests/golden/apps/container_restart.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::ecs::container::CredentialSpec;
use ecs_app::prelude::*;

#[test]
fn restart_policies_and_credential_specs_in_the_dsl_match_the_cdk() {
    let app = ecs_app! {
        stack ContainerRestart {
            bucket Specs {}
            string_parameter Spec { parameter_name: "/gmsa/spec", string_value: "{}" }
            fargate_task_definition TaskDef {
                cpu: 512,
                memory_limit_mib: 1024,
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    enable_restart_policy: true,
                    restart_ignored_exit_codes: [0, 127],
                    restart_attempt_period: Duration::seconds(360),
                }
                container worker {
                    image: ContainerImage::from_registry(IMAGE),
                    essential: false,
                    restart_attempt_period: Duration::minutes(2),
                }
                container batch {
                    image: ContainerImage::from_registry(IMAGE),
                    essential: false,
                    enable_restart_policy: false,
                }
            }
            ec2_task_definition Windows {
                container joined {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 512,
                    credential_specs: [CredentialSpec::domain_joined_from_s3_bucket(Specs, "joined.json")],
                }
                container domainless {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 512,
                    essential: false,
                    credential_specs: [CredentialSpec::domainless_from_ssm_parameter(Spec)],
                }
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "container_restart");
}

#[test]
fn restart_settings_the_cdk_refuses_are_errors() {
    let cases = [
        (
            ContainerDefinitionOptions::default()
                .enable_restart_policy(false)
                .restart_attempt_period(Duration::seconds(120)),
            "with `enable_restart_policy: false`",
        ),
        (
            ContainerDefinitionOptions::default().restart_attempt_period(Duration::seconds(30)),
            "use 60 to 1800 seconds",
        ),
        (
            ContainerDefinitionOptions::default().restart_ignored_exit_codes(0..51),
            "at most 50",
        ),
    ];
    for (options, message) in cases {
        let mut app = App::new();
        let s = app.add_stack("S").unwrap();
        let td = FargateTaskDefinition::new(
            &mut app,
            s,
            "T",
            FargateTaskDefinitionProps::default()
                .cpu(256)
                .memory_limit_mib(512),
        )
        .unwrap();
        let err = td
            .add_container(
                &mut app,
                "web",
                options.image(ContainerImage::from_registry(IMAGE)),
            )
            .unwrap_err()
            .to_string();
        assert!(err.contains(message), "{err}");
    }
}
