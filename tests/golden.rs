//! Golden templates: what we synthesize equals, leaf for leaf, what the real AWS CDK synthesized
//! for the same app (`tests/golden/*.template.json`; `tests/support` holds the comparison).
//!
//! One test binary for all of them:
//! - each example of `examples/` against its reference, one test per row of [`golden_examples!`]
//!   (`example_matches_the_cdk::<example>`), and a test that every example has a row;
//! - by concept (`tests/golden_cases/`), what an example alone does not show: the same apps built
//!   with the builder API, the cloud assembly around a template, and our own CDK apps
//!   (`tests/golden/apps/*.js`) covering options and combinations the README's samples do not.

mod support;

#[path = "golden_cases/benchmark.rs"]
mod benchmark;
#[path = "golden_cases/capacity.rs"]
mod capacity;
#[path = "golden_cases/foundation.rs"]
mod foundation;
#[path = "golden_cases/metadata.rs"]
mod metadata;
#[path = "golden_cases/observability.rs"]
mod observability;
#[path = "golden_cases/patterns.rs"]
mod patterns;
#[path = "golden_cases/services.rs"]
mod services;
#[path = "golden_cases/task_definitions.rs"]
mod task_definitions;
#[path = "golden_cases/variations/mod.rs"]
mod variations;

/// One row per example: `module "path" => "golden"` compiles `examples/<module>.rs` here (its
/// `pub fn app() -> Result<App, Error>` builds the app) and emits the test
/// `example_matches_the_cdk::<module>`, which compares the app's one stack with
/// `tests/golden/<golden>.template.json`. A row ending in `[N stacks]` is an app of N stacks,
/// each compared with `tests/golden/<golden>.<Stack>.template.json`.
macro_rules! golden_examples {
    ($($module:ident $path:literal => $golden:literal $([$stacks:literal stacks])?,)*) => {
        $(
            #[allow(dead_code)]
            #[path = $path]
            mod $module;
        )*

        /// Every row: (example module, its `#[path]`, its golden template).
        const GOLDEN_EXAMPLES: &[(&str, &str, &str)] = &[$((stringify!($module), $path, $golden),)*];

        /// Each example synthesizes the template the CDK synthesized for the same app.
        mod example_matches_the_cdk {
            $(
                #[test]
                fn $module() {
                    let app = super::$module::app().expect("the example builds");
                    golden_examples!(@assert app, $golden $(, $stacks)?);
                }
            )*
        }
    };
    (@assert $app:ident, $golden:literal) => {
        crate::support::assert_matches_cdk($app, $golden)
    };
    (@assert $app:ident, $golden:literal, $stacks:literal) => {
        crate::support::assert_stacks_match_cdk($app, $golden, $stacks)
    };
}

golden_examples! {
    // Clusters, capacity, default VPC
    intro_ec2_service "../examples/intro_ec2_service.rs" => "01-intro-ec2-service",
    fargate_service "../examples/fargate_service.rs" => "02-fargate-service",
    custom_asg "../examples/custom_asg.rs" => "03-custom-asg",
    default_vpc "../examples/default_vpc.rs" => "04-default-vpc",
    bottlerocket "../examples/bottlerocket.rs" => "05-bottlerocket",
    graviton_arm64 "../examples/graviton_arm64.rs" => "06-graviton-arm64",
    spot_draining "../examples/spot_draining.rs" => "07-spot-draining",
    sns_topic_encryption "../examples/sns_topic_encryption.rs" => "08-sns-topic-encryption",
    fargate_capacity_providers "../examples/fargate_capacity_providers.rs" => "28-fargate-capacity-providers",
    asg_capacity_provider "../examples/asg_capacity_provider.rs" => "29-asg-capacity-provider",
    // Task definitions, containers, images, volumes, environment and secrets
    ec2_taskdef_bridge_ports "../examples/ec2_taskdef_bridge_ports.rs" => "09-ec2-taskdef-bridge-ports",
    external_service "../examples/external_service.rs" => "10-external-service",
    efs_volume "../examples/efs_volume.rs" => "11-efs-volume",
    taskdef_ec2_and_fargate "../examples/taskdef_ec2_and_fargate.rs" => "12-taskdef-ec2-and-fargate",
    images_registry_ecr "../examples/images_registry_ecr.rs" => "13-images-registry-ecr",
    images_tag_parameter "../examples/images_tag_parameter.rs" => "14-images-tag-parameter",
    images_assets "../examples/images_assets.rs" => "15-images-assets",
    environment_secrets "../examples/environment_secrets.rs" => "16-environment-secrets",
    inference_accelerators "../examples/inference_accelerators.rs" => "30-inference-accelerators",
    // Services, load balancing, Cloud Map, several stacks
    service_sg_circuit_breaker "../examples/service_sg_circuit_breaker.rs" => "17-service-sg-circuit-breaker",
    alb_targets "../examples/alb_targets.rs" => "18-alb-targets",
    register_lb_targets "../examples/register_lb_targets.rs" => "19-register-lb-targets",
    nlb_targets "../examples/nlb_targets.rs" => "20-nlb-targets",
    classic_lb "../examples/classic_lb.rs" => "21-classic-lb",
    cloudmap_a_srv "../examples/cloudmap_a_srv.rs" => "26-cloudmap-a-srv",
    cloudmap_associate "../examples/cloudmap_associate.rs" => "27-cloudmap-associate",
    two_stacks "../examples/two_stacks.rs" => "41-two-stacks" [2 stacks],
    // Observability and automation: log drivers, events, task auto-scaling, ECS Exec
    task_autoscaling "../examples/task_autoscaling.rs" => "22-task-autoscaling",
    events_ecs_task "../examples/events_ecs_task.rs" => "23-events-ecs-task",
    log_drivers "../examples/log_drivers.rs" => "24-log-drivers",
    log_drivers_splunk_firelens "../examples/log_drivers_splunk_firelens.rs" => "25-log-drivers-splunk-firelens",
    ecs_exec "../examples/ecs_exec.rs" => "31-ecs-exec",
    // aws-ecs-patterns
    alb_ec2_service "../examples/alb_ec2_service.rs" => "50-alb-ec2-service",
    alb_fargate_service "../examples/alb_fargate_service.rs" => "51-alb-fargate-service",
    alb_multiple_target_groups_ec2 "../examples/alb_multiple_target_groups_ec2.rs" => "52-alb-multiple-target-groups-ec2",
    alb_multiple_target_groups_fargate "../examples/alb_multiple_target_groups_fargate.rs" => "53-alb-multiple-target-groups-fargate",
    alb_fargate_https "../examples/alb_fargate_https.rs" => "64-alb-fargate-https",
    alb_fargate_autoscaling "../examples/alb_fargate_autoscaling.rs" => "66-alb-fargate-autoscaling",
    alb_fargate_deployment "../examples/alb_fargate_deployment.rs" => "67-alb-fargate-deployment",
    alb_fargate_subnets_lb_name "../examples/alb_fargate_subnets_lb_name.rs" => "72-alb-fargate-subnets-lb-name",
    alb_fargate_options "../examples/alb_fargate_options.rs" => "73-alb-fargate-options",
    alb_multiple_target_groups_https "../examples/alb_multiple_target_groups_https.rs" => "74-alb-multiple-target-groups-https",
    alb_multiple_target_groups_health_checks "../examples/alb_multiple_target_groups_health_checks.rs" => "75-alb-multiple-target-groups-health-checks",
    nlb_ec2_service "../examples/nlb_ec2_service.rs" => "54-nlb-ec2-service",
    nlb_fargate_service "../examples/nlb_fargate_service.rs" => "55-nlb-fargate-service",
    nlb_multiple_target_groups_ec2 "../examples/nlb_multiple_target_groups_ec2.rs" => "56-nlb-multiple-target-groups-ec2",
    nlb_multiple_target_groups_fargate "../examples/nlb_multiple_target_groups_fargate.rs" => "57-nlb-multiple-target-groups-fargate",
    ephemeral_storage "../examples/ephemeral_storage.rs" => "76-ephemeral-storage",
    nlb_fargate_security_groups "../examples/nlb_fargate_security_groups.rs" => "77-nlb-fargate-security-groups",
    nlb_tls "../examples/nlb_tls.rs" => "78-nlb-tls",
    dualstack_load_balancers "../examples/dualstack_load_balancers.rs" => "79-dualstack-load-balancers",
    scheduled_ec2_task "../examples/scheduled_ec2_task.rs" => "60-scheduled-ec2-task",
    scheduled_fargate_task "../examples/scheduled_fargate_task.rs" => "61-scheduled-fargate-task",
    scheduled_custom_container_name "../examples/scheduled_custom_container_name.rs" => "62-scheduled-custom-container-name",
    scheduled_fargate_sg_tags "../examples/scheduled_fargate_sg_tags.rs" => "63-scheduled-fargate-sg-tags",
    queue_processing_ec2 "../examples/queue_processing_ec2.rs" => "58-queue-processing-ec2",
    queue_processing_fargate "../examples/queue_processing_fargate.rs" => "59-queue-processing-fargate",
    capacity_provider_strategies "../examples/capacity_provider_strategies.rs" => "65-capacity-provider-strategies",
    queue_fargate_subnets_sg "../examples/queue_fargate_subnets_sg.rs" => "68-queue-fargate-subnets-sg",
    queue_fargate_public_ip_cooldown "../examples/queue_fargate_public_ip_cooldown.rs" => "69-queue-fargate-public-ip-cooldown",
    queue_fargate_queue_health "../examples/queue_fargate_queue_health.rs" => "70-queue-fargate-queue-health",
    queue_ec2_capacity_provider "../examples/queue_ec2_capacity_provider.rs" => "71-queue-ec2-capacity-provider",
}

/// Examples with no golden template: the quickstart is the README's own app, which no CDK app
/// reproduces (`scripts/compare-examples.sh` only lints it).
const WITHOUT_REFERENCE: &[&str] = &["quickstart"];

/// An example added to `examples/` without a row in [`golden_examples!`] fails here, and each
/// row compiles the file named like its module.
#[test]
fn every_example_has_a_golden_row() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut examples: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|name| !WITHOUT_REFERENCE.contains(&name.as_str()))
        .collect();
    examples.sort();
    let mut rows: Vec<String> = GOLDEN_EXAMPLES
        .iter()
        .map(|(module, path, _)| {
            assert_eq!(
                *path,
                format!("../examples/{module}.rs"),
                "the row of `{module}` compiles another file"
            );
            module.to_string()
        })
        .collect();
    rows.sort();
    let missing: Vec<&String> = examples.iter().filter(|e| !rows.contains(e)).collect();
    assert!(
        missing.is_empty(),
        "examples without a golden row (add `name \"../examples/name.rs\" => \"NN-name\",` to \
         `golden_examples!` in tests/golden.rs, or list them in WITHOUT_REFERENCE): {missing:?}"
    );
    assert_eq!(rows, examples, "rows naming no example of examples/");
}

/// `tests/golden/EXAMPLES`, which `scripts/compare-examples.sh` walks, lists the same pairs as
/// the table, and the examples without a reference as `<example> -`.
#[test]
fn the_examples_list_of_the_scripts_matches_the_table() {
    use std::collections::BTreeMap;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/EXAMPLES");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let listed: BTreeMap<&str, &str> = text
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let example = words.next().filter(|w| !w.starts_with('#'))?;
            Some((example, words.next().unwrap_or("")))
        })
        .collect();
    let table: BTreeMap<&str, &str> = GOLDEN_EXAMPLES
        .iter()
        .map(|(module, _, golden)| (*module, *golden))
        .chain(WITHOUT_REFERENCE.iter().map(|example| (*example, "-")))
        .collect();
    assert_eq!(
        listed, table,
        "tests/golden/EXAMPLES differs from the table"
    );
}
