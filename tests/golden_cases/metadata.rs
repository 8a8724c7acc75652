//! The cloud assembly's metadata under the CDK CLI's context, against what aws-cdk-lib wrote for
//! the same app with that context (`tests/golden/metadata/<app>/`, made by
//! `scripts/regen-golden.sh --metadata`): `aws:cdk:path` on every resource, each stack's
//! `<Stack>.metadata.json` (logical IDs and warnings, in the CDK's order) and `tree.json`.
//!
//! What the CDK writes and we leave out, by design: the `CDKMetadata` resource and its
//! condition (version reporting), creation stack traces, `aws:cdk:analytics:*` telemetry,
//! validation acknowledgements, the feature-flag report, and the tree nodes of CDK-internal
//! constructs that hold no CloudFormation element (imported ACLs, asset staging, …).

use std::path::Path;

use serde_json::{Value as Json, json};

use crate::support::{ScratchDir, assert_same_template};

/// The context the CDK CLI passes an app it runs (`CDK_CONTEXT_JSON`).
const CLI_CONTEXT: [&str; 3] = [
    "aws:cdk:enable-path-metadata",
    "aws:cdk:enable-asset-metadata",
    "aws:cdk:version-reporting",
];

/// The stack metadata entries we write: the others are JavaScript traces and telemetry.
const OURS: [&str; 4] = [
    "aws:cdk:logicalId",
    "aws:cdk:warning",
    "aws:cdk:info",
    "aws:cdk:error",
];

/// Tree nodes of the CDK we do not have: constructs with no CloudFormation element.
const CDK_ONLY_CLASSES: [&str; 2] = ["aws-cdk-lib.Resource", "aws-cdk-lib.AssetStaging"];

fn read(path: &Path) -> Json {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Synthesizes `app` with the CLI's context and compares its assembly with the CDK's.
fn assert_metadata_matches_cdk(mut app: ecs_app::App, golden: &str) {
    for key in CLI_CONTEXT {
        app.set_context(key, json!(true));
    }
    let cdk = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/metadata")
        .join(golden);
    let dir = ScratchDir::new(&format!("metadata-{golden}"));
    app.synth_to(&dir).expect("the app synthesizes");
    let (ours, theirs) = (
        read(&dir.join("manifest.json")),
        read(&cdk.join("manifest.json")),
    );
    assert_eq!(
        ours["artifacts"]["Tree"], theirs["artifacts"]["Tree"],
        "{golden}: Tree artifact"
    );
    for (name, artifact) in theirs["artifacts"].as_object().unwrap() {
        if artifact["type"] != "aws:cloudformation:stack" {
            continue;
        }
        let mine = &ours["artifacts"][name];
        let keys = |a: &Json| a.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            keys(mine),
            keys(artifact),
            "{golden}: keys of artifact {name}"
        );
        let file = artifact["additionalMetadataFile"].as_str().unwrap();
        assert_eq!(mine["additionalMetadataFile"], file, "{golden}: {name}");
        assert_stack_metadata(&read(&dir.join(file)), &read(&cdk.join(file)), name);
        let template = format!("{name}.template.json");
        assert_path_metadata(read(&dir.join(&template)), read(&cdk.join(&template)), name);
    }
    assert_tree(
        &read(&dir.join("tree.json")),
        &read(&cdk.join("tree.json")),
        golden,
    );
}

/// The same entries of ours, under the same paths, in the same order.
fn assert_stack_metadata(ours: &Json, theirs: &Json, stack: &str) {
    let mut expected = serde_json::Map::new();
    for (path, entries) in theirs.as_object().unwrap() {
        if path.contains("/CDKMetadata/") {
            continue;
        }
        let kept: Vec<Json> = entries
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| OURS.contains(&e["type"].as_str().unwrap()))
            .cloned()
            .collect();
        if !kept.is_empty() {
            expected.insert(path.clone(), Json::Array(kept));
        }
    }
    let ours = ours.as_object().unwrap();
    let differing: Vec<String> = expected
        .iter()
        .filter(|(path, entries)| ours.get(*path) != Some(*entries))
        .map(|(path, entries)| format!("{path}: cdk {entries} ours {:?}", ours.get(path)))
        .chain(
            ours.keys()
                .filter(|p| !expected.contains_key(*p))
                .map(|p| format!("{p}: only ours")),
        )
        .collect();
    assert!(
        differing.is_empty(),
        "{stack}.metadata.json:\n{}",
        differing.join("\n")
    );
    assert!(
        ours.keys().eq(expected.keys()),
        "{stack}.metadata.json: paths in another order"
    );
}

/// Every resource's `Metadata` is the CDK's `aws:cdk:path`, placed where the CDK puts it, and
/// the rest of the template matches as the golden templates do.
fn assert_path_metadata(ours: Json, mut theirs: Json, stack: &str) {
    let resources = theirs["Resources"].as_object_mut().unwrap();
    resources.remove("CDKMetadata");
    for (id, resource) in resources.iter_mut() {
        let mine = &ours["Resources"][id];
        assert_eq!(
            mine["Metadata"],
            json!({"aws:cdk:path": resource["Metadata"]["aws:cdk:path"]}),
            "{stack}: Metadata of {id}"
        );
        // `DependsOn` may differ as the golden templates allow (cfn-lint W3005).
        let keys = |r: &Json| {
            let keys = r.as_object().unwrap().keys();
            keys.filter(|k| *k != "DependsOn")
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(mine), keys(resource), "{stack}: keys of {id}");
        resource.as_object_mut().unwrap().remove("Metadata");
    }
    let template = theirs.as_object_mut().unwrap();
    template.remove("Conditions");
    let mut ours = ours;
    for resource in ours["Resources"].as_object_mut().unwrap().values_mut() {
        resource.as_object_mut().unwrap().remove("Metadata");
    }
    let mut theirs = Json::Object(template.clone());
    crate::support::strip_bootstrap(&mut theirs);
    assert_same_template(ours, theirs, stack);
}

/// Our tree is the CDK's, but for the CDK-internal constructs we do not have and the class of
/// scopes we do not record; every L1 resource's attributes are the CDK's (but for the code of
/// the Lambda functions we ship).
fn assert_tree(ours: &Json, theirs: &Json, golden: &str) {
    fn flat<'a>(node: &'a Json, out: &mut Vec<(String, &'a Json)>) {
        out.push((node["path"].as_str().unwrap().to_string(), node));
        if let Some(children) = node.get("children").and_then(Json::as_object) {
            children.values().for_each(|c| flat(c, out));
        }
    }
    fn children(node: &Json) -> Vec<String> {
        node.get("children")
            .and_then(Json::as_object)
            .map(|c| c.keys().cloned().collect())
            .unwrap_or_default()
    }
    fn without_code(attributes: &Json) -> Json {
        let mut attributes = attributes.clone();
        if attributes["aws:cdk:cloudformation:type"] == "AWS::Lambda::Function"
            && let Some(props) = attributes["aws:cdk:cloudformation:props"].as_object_mut()
        {
            props.remove("code");
        }
        attributes
    }
    assert_eq!(ours["version"], theirs["version"]);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    flat(&ours["tree"], &mut a);
    flat(&theirs["tree"], &mut b);
    let mine: std::collections::BTreeMap<_, _> = a.into_iter().collect();
    let mut problems = Vec::new();
    for (path, cdk) in &b {
        let fqn = cdk["constructInfo"]["fqn"].as_str().unwrap_or_default();
        let Some(node) = mine.get(path) else {
            let internal = CDK_ONLY_CLASSES.contains(&fqn) || path.contains("/CDKMetadata");
            if !internal {
                problems.push(format!("{path} ({fqn}): missing"));
            }
            continue;
        };
        if node["id"] != cdk["id"] {
            problems.push(format!("{path}: id {} cdk {}", node["id"], cdk["id"]));
        }
        if let Some(info) = node.get("constructInfo")
            && info != &cdk["constructInfo"]
        {
            problems.push(format!(
                "{path}: constructInfo {info} cdk {}",
                cdk["constructInfo"]
            ));
        }
        let (x, y) = (node.get("attributes"), cdk.get("attributes"));
        if x.map(without_code) != y.map(without_code) {
            problems.push(format!("{path}: attributes\n  ours {x:?}\n  cdk  {y:?}"));
        }
        let kids: Vec<String> = children(cdk)
            .into_iter()
            .filter(|c| mine.contains_key(format!("{path}/{c}").trim_start_matches('/')))
            .collect();
        if children(node) != kids {
            problems.push(format!(
                "{path}: children {:?} cdk {kids:?}",
                children(node)
            ));
        }
    }
    for path in mine.keys() {
        if !b.iter().any(|(p, _)| p == path) {
            problems.push(format!("{path}: only ours"));
        }
    }
    assert!(
        problems.is_empty(),
        "{golden}: tree.json:\n{}",
        problems.join("\n")
    );
}

/// Our own CDK app `tests/golden/apps/metadata.js`: every warning we raise, acknowledged on a
/// stack and on a scope.
#[test]
fn warnings_and_tree_match_the_cdk() {
    use ecs_app::prelude::*;
    let mut app = ecs_app! {
        stack Warned {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity Asg { instance_type: "t3.medium", desired_capacity: 2 }
            }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1"),
                    memory_limit_mib: 256,
                }
            }
            ec2_service Replica { cluster: Cluster, task_definition: TaskDef }
            ec2_service Agent { cluster: Cluster, task_definition: TaskDef, daemon: true }
            fargate_task_definition FargateTask {
                cpu: 256,
                memory_limit_mib: 512,
                container app { image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27") }
            }
            fargate_service Web {
                cluster: Cluster,
                task_definition: FargateTask,
                min_healthy_percent: 100,
                circuit_breaker: { rollback: true },
            }
            cfn_output ClusterName { value: Cluster.cluster_name }
        }
        stack Anywhere {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            external_task_definition TaskDef {
                container agent {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27"),
                    memory_limit_mib: 256,
                }
            }
            external_service Edge { cluster: Cluster, task_definition: TaskDef }
        }
        stack Quiet {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            scope Api {
                fargate_task_definition Task {
                    cpu: 256,
                    memory_limit_mib: 512,
                    container app { image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27") }
                }
                fargate_service Service { cluster: Cluster, task_definition: Task }
            }
            fargate_task_definition OtherTask {
                cpu: 256,
                memory_limit_mib: 512,
                container app { image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27") }
            }
            fargate_service Other { cluster: Cluster, task_definition: OtherTask }
        }
    }
    .unwrap();
    let quiet = app.stacks()[2].root();
    let api = app.stacks()[2].node_at("Api").unwrap();
    app.acknowledge_warning(quiet, "@aws-cdk/aws-ecs:minHealthyPercent")
        .unwrap();
    app.acknowledge_warning(api, "@aws-cdk/aws-ecs:shouldUseCircuitBreaker")
        .unwrap();
    assert_metadata_matches_cdk(app.into(), "metadata");
}

/// The README's opening example (oracle app 01) under the CLI.
#[test]
fn the_intro_example_matches_the_cdk_under_the_cli() {
    assert_metadata_matches_cdk(
        crate::intro_ec2_service::app().unwrap(),
        "01-intro-ec2-service",
    );
}

/// Without the CLI's context the assembly is as before: no metadata files, no `Metadata`.
#[test]
fn a_plain_run_writes_no_metadata() {
    let dir = ScratchDir::new("plain-metadata");
    let app = crate::intro_ec2_service::app().unwrap();
    assert_eq!(
        app.annotations().len(),
        3,
        "the warnings are there all the same"
    );
    app.synth_to(&dir).unwrap();
    assert!(!dir.join("tree.json").exists());
    assert!(!dir.join("IntroEc2Service.metadata.json").exists());
    let manifest = read(&dir.join("manifest.json"));
    assert!(manifest["artifacts"].get("Tree").is_none());
    let template = read(&dir.join("IntroEc2Service.template.json"));
    let resources = template["Resources"].as_object().unwrap();
    assert!(resources.values().all(|r| r.get("Metadata").is_none()));
}

/// Version reporting is asked for and deliberately not honoured: no `CDKMetadata` resource.
#[test]
fn version_reporting_writes_no_cdk_metadata_resource() {
    let mut app = crate::intro_ec2_service::app().unwrap();
    app.set_context("aws:cdk:version-reporting", json!(true));
    let template = &app.templates().unwrap()[0].1;
    assert!(template["Resources"].get("CDKMetadata").is_none());
    assert!(template.get("Conditions").is_none());
}
