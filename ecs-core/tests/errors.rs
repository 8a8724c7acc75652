//! What the builders' errors say: a kind to match on for each problem (the rule broken, a
//! duplicate id, another app's construct, an I/O failure with its source), printed the same by
//! `Debug` and `Display`.

use std::error::Error as _;

use ecs_core::error::{ErrorKind, RuleId};
use ecs_core::prelude::*;

#[test]
fn a_rule_violation_names_its_rule() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let e = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(4096),
    )
    .unwrap_err();
    assert_eq!(e.diagnostics().len(), 1);
    assert_eq!(e.diagnostics()[0].rule(), Some(RuleId::F2));
    assert!(e.has(ErrorKind::Rule(RuleId::F2)));
}

#[test]
fn every_violation_of_a_builder_is_reported_with_its_rule() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let td = Ec2TaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        Ec2TaskDefinitionProps::default().network_mode(NetworkMode::AwsVpc),
    )
    .unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default().image(ContainerImage::from_registry("nginx")),
    )
    .unwrap();
    let e = app.validate().unwrap_err();
    assert!(e.has(ErrorKind::Rule(RuleId::E1)), "{e}");
}

#[test]
fn a_duplicate_id_is_its_own_kind() {
    let mut app = App::new();
    app.add_stack("Web").unwrap();
    let e = app.add_stack("Web").unwrap_err();
    assert_eq!(e.diagnostics()[0].kind(), ErrorKind::DuplicateId);
    let s = app.add_stack("Api").unwrap();
    Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let e = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap_err();
    assert_eq!(e.diagnostics()[0].kind(), ErrorKind::DuplicateId);
}

#[test]
fn a_construct_of_another_app_is_its_own_kind() {
    let mut one = App::new();
    let mut other = App::new();
    let s = one.add_stack("Web").unwrap();
    let e = Vpc::new(&mut other, s, "Vpc", VpcProps::default()).unwrap_err();
    assert!(e.has(ErrorKind::ForeignApp));
}

#[test]
fn an_io_failure_keeps_its_source() {
    let dir = std::env::temp_dir().join(format!("ecs-core-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A regular file where the assembly directory should be: refused, with the I/O error.
    let file = dir.join("not-a-dir");
    std::fs::write(&file, "keep me").unwrap();
    let mut app = App::new();
    app.add_stack("Web").unwrap();
    let e = app.synth_to(file.join("cdk.out")).unwrap_err();
    let kinds: Vec<_> = e.diagnostics().iter().map(|d| d.kind()).collect();
    assert_eq!(kinds, [ErrorKind::Io], "{e}");
    assert!(e.source().is_some());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn debug_prints_what_display_prints() {
    let mut app = App::new();
    app.add_stack("Web").unwrap();
    let e = app.add_stack("Web").unwrap_err();
    assert_eq!(format!("{e:?}"), e.to_string());
    assert!(!format!("{e:?}").contains("Diagnostic"));
}
