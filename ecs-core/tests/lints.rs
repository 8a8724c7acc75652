//! The lints and policies of apps built with the builders: levels per scope, waivers with
//! reasons, `forbid`, policies over values only known at run time, and the SARIF report the
//! assembly holds.

use ecs_core::ecs::lints::{ContainerView, Level, Policy, str_starts_with};
use ecs_core::error::ErrorKind;
use ecs_core::facts::Fact;
use ecs_core::prelude::*;

/// A stack with a cluster, and a Fargate service whose one container is privileged-free but
/// has a writable root file system and no log driver.
fn app() -> (App, StackId, ContainerDefinition, Service) {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    let image = std::env::var("ECS_TEST_IMAGE").unwrap_or_else(|_| "nginx".to_string());
    let web = td
        .add_container(
            &mut app,
            "web",
            ContainerDefinitionOptions::default().image(ContainerImage::from_registry(image)),
        )
        .unwrap();
    let service = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .assign_public_ip(true),
    )
    .unwrap();
    (app, s, web, service)
}

#[test]
fn nothing_is_reported_until_a_level_is_raised() {
    let (app, ..) = app();
    assert!(app.lint_reports().is_empty());
    assert!(app.validate().is_ok());
}

#[test]
fn deny_fails_synthesis_with_every_finding_as_an_error_of_its_lint() {
    let (mut app, ..) = app();
    app.set_lint_level(None, "aws_foundational_security", Level::Deny, None)
        .unwrap();
    let e = app.validate().unwrap_err();
    let lints: Vec<_> = e.diagnostics().iter().map(|d| d.kind()).collect();
    assert!(lints.contains(&ErrorKind::Lint("public_ip")), "{e}");
    assert!(
        lints.contains(&ErrorKind::Lint("writable_root_filesystem")),
        "{e}"
    );
    assert!(
        lints.contains(&ErrorKind::Lint("container_without_logging")),
        "{e}"
    );
    assert!(
        lints.contains(&ErrorKind::Lint("container_insights_disabled")),
        "{e}"
    );
    assert!(e.to_string().contains(
        "service `Service` assigns public IP addresses to its tasks (ECS.2): remove `assign_public_ip: true` and reach the tasks through a load balancer; waive it with an `allow` of `public_ip` with a reason"
    ));
}

#[test]
fn a_deeper_allow_waives_with_its_reason_and_warn_only_reports() {
    let (mut app, s, web, service) = app();
    app.set_lint_level(None, "aws_foundational_security", Level::Warn, None)
        .unwrap();
    app.set_lint_level(Some(s.into()), "public_ip", Level::Deny, None)
        .unwrap();
    let web_node = web.node(&app);
    app.set_lint_level(
        Some(web_node),
        "writable_root_filesystem",
        Level::Allow,
        Some("nginx writes its cache"),
    )
    .unwrap();
    // The stack denies public IPs; the service waives them again.
    app.set_lint_level(
        Some(service.node()),
        "public_ip",
        Level::Allow,
        Some("a public demo"),
    )
    .unwrap();
    assert!(app.validate().is_ok());
    let reports = app.lint_reports();
    let find = |lint: &str| reports.iter().find(|r| r.lint == lint).unwrap();
    assert_eq!(find("public_ip").level, Level::Allow);
    assert_eq!(find("public_ip").waived.as_deref(), Some("a public demo"));
    assert_eq!(
        find("writable_root_filesystem").waived.as_deref(),
        Some("nginx writes its cache")
    );
    assert_eq!(find("container_without_logging").level, Level::Warn);
    assert_eq!(find("container_without_logging").path, "Web/TaskDef/web");
}

#[test]
fn forbid_cannot_be_lowered_inside_it() {
    let (mut app, s, ..) = app();
    app.set_lint_level(None, "public_ip", Level::Forbid, None)
        .unwrap();
    let e = app
        .set_lint_level(Some(s.into()), "public_ip", Level::Allow, Some("demo"))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "`allow(public_ip)` cannot lower `forbid(public_ip)` set around it: remove it"
    );
}

#[test]
fn an_unknown_name_is_refused_with_the_closest_one() {
    let (mut app, ..) = app();
    let e = app
        .set_lint_level(None, "public_ips", Level::Deny, None)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "no lint, lint group or policy named `public_ips`: did you mean `public_ip`?"
    );
}

const fn images_from_our_registry(c: &ContainerView<'_, ()>) -> Result<(), &'static str> {
    match c.image {
        Fact::Known(image, _) if !str_starts_with(image, "123456789012.dkr.ecr.") => {
            Err("images come from our registry")
        }
        _ => Ok(()),
    }
}

#[test]
fn policies_judge_values_known_only_at_run_time() {
    // The image comes from the environment: no literal for `ecs_app!` to judge.
    let (mut app, ..) = app();
    app.add_policy(
        None,
        Policy::Container("images_from_our_registry", images_from_our_registry),
    )
    .unwrap();
    let e = app.validate().unwrap_err();
    assert_eq!(
        e.to_string(),
        "container `web` of task definition `TaskDef`: images come from our registry; waive it with an `allow` of `images_from_our_registry` with a reason"
    );
    assert!(e.has(ErrorKind::Lint("images_from_our_registry")));
    // Its name is a waivable lint like any other.
    app.set_lint_level(
        None,
        "images_from_our_registry",
        Level::Allow,
        Some("a trial"),
    )
    .unwrap();
    assert!(app.validate().is_ok());
}

#[test]
fn the_assembly_holds_a_sarif_report_of_warnings_and_waivers() {
    let (mut app, ..) = app();
    app.set_lint_level(None, "aws_foundational_security", Level::Warn, None)
        .unwrap();
    app.set_lint_level(None, "public_ip", Level::Allow, Some("a public demo"))
        .unwrap();
    let dir = std::env::temp_dir().join(format!("ecs-core-lints-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let assembly = app.synth_to(&dir).unwrap();
    assert!(assembly.to_string().contains("warning: "));
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("lints.sarif")).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "ecs-app");
    let results = run["results"].as_array().unwrap();
    let public = results.iter().find(|r| r["ruleId"] == "public_ip").unwrap();
    assert_eq!(public["level"], "note");
    assert_eq!(public["suppressions"][0]["justification"], "a public demo");
    let logging = results
        .iter()
        .find(|r| r["ruleId"] == "container_without_logging")
        .unwrap();
    assert_eq!(logging["level"], "warning");
    assert_eq!(
        logging["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "Web.template.json"
    );
    assert_eq!(
        logging["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "Web/TaskDef/web"
    );
    // Without lints the next run writes no report, and removes the old one.
    let (plain, ..) = self::app();
    plain.synth_to(&dir).unwrap();
    assert!(!dir.join("lints.sarif").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
