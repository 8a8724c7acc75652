//! Stacks in an environment: literal regions, accounts and partitions where the CDK writes
//! them, availability zones from the context (and the lookup the CLI must make when they are
//! not there), the manifest's environment, roles and asset destinations; against our own CDK
//! app `tests/golden/apps/env.js`.

use crate::support::{ScratchDir, assert_stacks_match_cdk};
use ecs_app::prelude::*;

fn app() -> Result<App, Error> {
    ecs_app! {
        stack Env {
            env: Environment::new("123456789012", "eu-west-1"),
            vpc Vpc { nat_gateways: 1 }
            kms_key KmsKey {}
            log_group LogGroup { encryption_key: KmsKey }
            bucket EcsExecBucket { encryption_key: KmsKey }
            cluster Cluster {
                vpc: Vpc,
                default_cloud_map_namespace: { name: "app.local" },
                execute_command_configuration: {
                    kms_key: KmsKey,
                    log_configuration: {
                        cloud_watch_log_group: LogGroup,
                        s3_bucket: EcsExecBucket,
                        s3_key_prefix: "exec",
                    },
                    logging: Override,
                },
                add_capacity Capacity { instance_type: "t3.medium", max_capacity: 1 }
            }
            secret Secret {}
            string_parameter Parameter {
                parameter_name: "/app/config/parameter",
                string_value: "some-value",
            }
            repository Repo {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_ecr_repository_tag(Repo, "v1"),
                    port_mappings: [80],
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("web")),
                    secrets: {
                        SECRET: Secret::from_secrets_manager(Secret),
                        PARAMETER: Secret::from_ssm_parameter(Parameter),
                    },
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: 100,
                enable_execute_command: true,
                cloud_map_options: { name: "web" },
            }
            application_load_balancer LB {
                vpc: Vpc,
                internet_facing: true,
                listener Listener { port: 80, add_targets ECS { port: 80, targets: [Service] } }
            }
            auto_scale_task_count Service {
                max_capacity: 4,
                scale_on_cpu_utilization Cpu { target_utilization_percent: 50 }
                scale_on_request_count Requests { requests_per_target: 1000, target_group: ECS }
                scale_on_schedule Morning {
                    schedule: Schedule::cron(CronOptions::default().hour("8").minute("0")),
                    min_capacity: 2,
                }
            }
            ec2_task_definition Jobs {
                container job {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 256,
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("jobs")),
                }
            }
            rule Nightly {
                schedule: "rate(1 day)",
                targets: [{ cluster: Cluster, task_definition: Jobs }],
            }
        }
        stack Regional {
            env: Environment::region("us-west-2"),
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("web")),
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef, min_healthy_percent: 100 }
        }
    }
    .map(App::from)
}

#[test]
fn stacks_in_an_environment_match_the_cdk() {
    assert_stacks_match_cdk(app().unwrap(), "env_lookup", 2);
}

fn golden_json(file: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file);
    serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
}

/// A destination with its object key (an asset hash: our handlers are our own code) replaced,
/// and its key's hash of the destination dropped.
fn destinations(assets: &serde_json::Value) -> Vec<(String, serde_json::Value)> {
    let mut out = Vec::new();
    for section in ["files", "dockerImages"] {
        for entry in assets[section]
            .as_object()
            .into_iter()
            .flat_map(|m| m.values())
        {
            for (key, destination) in entry["destinations"].as_object().unwrap() {
                let mut destination = destination.clone();
                destination.as_object_mut().unwrap().remove("objectKey");
                let prefix = key.rsplit_once('-').unwrap().0.to_string();
                out.push((prefix, destination));
            }
        }
    }
    out.sort_by_key(|(k, d)| format!("{k}{d}"));
    out.dedup();
    out
}

/// The assembly around the templates: the zone lookup the CLI must make, each stack's
/// environment and bootstrap roles, the asset destinations, as the CDK writes them.
#[test]
fn an_environment_sets_the_manifest_and_asks_for_the_zones() {
    let dir = ScratchDir::new("env-manifest");
    app().unwrap().synth_to(&*dir).unwrap();
    let read = |file: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(dir.join(file)).unwrap()).unwrap()
    };
    let (ours, cdk) = (
        read("manifest.json"),
        golden_json("env_lookup.manifest.json"),
    );
    assert_eq!(ours["missing"], cdk["missing"]);
    for stack in ["Env", "Regional"] {
        let (a, b) = (&ours["artifacts"][stack], &cdk["artifacts"][stack]);
        assert_eq!(a["environment"], b["environment"], "{stack}");
        for key in [
            "assumeRoleArn",
            "cloudFormationExecutionRoleArn",
            "lookupRole",
        ] {
            assert_eq!(a["properties"][key], b["properties"][key], "{stack} {key}");
        }
        // The template's hash differs (our handlers' code), not the bucket it goes to.
        let bucket = |m: &serde_json::Value| {
            let url = m["properties"]["stackTemplateAssetObjectUrl"]
                .as_str()
                .unwrap()
                .to_string();
            url.rsplit_once('/').unwrap().0.to_string()
        };
        assert_eq!(bucket(a), bucket(b), "{stack}");
        assert_eq!(
            destinations(&read(&format!("{stack}.assets.json"))),
            destinations(&golden_json(&format!("env_lookup.{stack}.assets.json"))),
            "{stack}"
        );
    }
}

/// With the zones in the context (as the CLI writes them to cdk.context.json), the VPC uses
/// them and nothing is missing.
#[test]
fn zones_from_the_context_match_the_cdk() {
    let mut app = App::with_context(serde_json::json!({
        "availability-zones:account=123456789012:region=eu-west-1":
            ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    }));
    let s = app
        .add_stack_with(
            "Env",
            ecs_app::construct::StackProps::default()
                .env(Environment::new("123456789012", "eu-west-1")),
        )
        .unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().nat_gateways(1)).unwrap();
    let template = &app.templates().unwrap()[0].1;
    let cdk = crate::support::golden("env.Env");
    for (id, resource) in cdk["Resources"].as_object().unwrap() {
        if resource["Type"] == "AWS::EC2::Subnet" {
            assert_eq!(template["Resources"][id], *resource, "{id}");
        }
    }
    assert_eq!(vpc.public_subnets(&app).len(), 3);
    let dir = ScratchDir::new("env-zones");
    app.synth_to(&*dir).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    assert!(manifest.get("missing").is_none());
}
