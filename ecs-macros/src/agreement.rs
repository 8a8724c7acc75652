//! The cases of the agreement test (`tests/agreement.rs`): which ui cases the builders can be
//! asked about, and what the macro says of each. A ui case whose errors come only from the
//! check stage (or its const checks) is a rule case: built through the builders without the
//! check stage, it must fail with the same message (with the same verdict only, for a failed
//! const check, whose message cannot name the value), and a pass case must build. A case the
//! parse, model or resolve stage refuses (bad syntax, an unknown property or name) has no
//! builder program to compare with.
//!
//! The list is generated here, where the stages can be run on their own, into
//! `tests/agreement/generated.rs`; this test fails when that file is stale:
//! `AGREEMENT=overwrite cargo test -p ecs-macros agreement` rewrites it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

use crate::check;
use crate::ctxt::Ctxt;
use crate::expand;
use crate::fuzz::{invocations, rust_files};

/// What the macro's stages say of one ui case's `ecs_app!` body.
#[derive(Debug, PartialEq)]
enum Stage {
    /// Parse, model or resolve refuse it: not expressible as builder calls.
    Structural,
    /// The check stage refuses it.
    Rule,
    /// Only const evaluation can refuse it.
    ConstChecks,
    /// No stage refuses it.
    Clean,
}

fn stage_of(body: TokenStream) -> Stage {
    let cx = Ctxt::new();
    let stacks = expand::resolved(body, &cx);
    if !cx.into_errors().is_empty() {
        return Stage::Structural;
    }
    let cx = Ctxt::new();
    let consts = check::check(&stacks, &cx);
    let const_checks =
        consts.fargate_sizes.len() + consts.capacity_sizes.len() + consts.task_scaling.len();
    if !cx.into_errors().is_empty() {
        Stage::Rule
    } else if const_checks > 0 {
        Stage::ConstChecks
    } else {
        Stage::Clean
    }
}

/// The messages of a `.stderr`: each `error: …` line, and the panic message of a failed const
/// check (`error[E0080]: evaluation panicked: …`), marked `true`.
fn messages(stderr: &str) -> Vec<(String, bool)> {
    stderr
        .lines()
        .filter_map(|line| {
            let checked = line.strip_prefix("error: ").map(|m| (m, false));
            checked.or_else(|| {
                line.strip_prefix("error[E0080]: evaluation panicked: ")
                    .map(|m| (m, true))
            })
        })
        .map(|(m, in_const)| (m.to_string(), in_const))
        .collect()
}

struct Case {
    family: String,
    name: String,
    /// `None` for a pass case, else the messages of its `.stderr`.
    expected: Option<Vec<String>>,
    /// The messages are const evaluation's, which cannot name run-time values.
    in_const: bool,
}

fn ui_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ui")
}

/// Every ui case, classified: (rule and pass cases, structural cases, compile-fail cases no
/// stage of the macro refuses).
fn cases() -> (Vec<Case>, Vec<String>, Vec<String>) {
    let mut files = Vec::new();
    rust_files(&ui_dir(), &mut files);
    files.sort();
    let (mut built, mut structural, mut unexplained) = (Vec::new(), Vec::new(), Vec::new());
    for file in files {
        let family = file.parent().and_then(Path::file_name).unwrap();
        let family = family.to_str().unwrap().to_string();
        let name = file.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        let mut bodies = Vec::new();
        invocations(text.parse().expect("a ui case that lexes"), &mut bodies);
        let [body] = &bodies[..] else {
            panic!("{family}/{name} has {} `ecs_app!`s, not one", bodies.len());
        };
        let stage = stage_of(body.clone());
        let label = format!("{family}/{name}");
        if family == "pass" {
            let clean = matches!(stage, Stage::Clean | Stage::ConstChecks);
            assert!(clean, "the pass case {label} is refused: {stage:?}");
            built.push(Case {
                family,
                name,
                expected: None,
                in_const: false,
            });
            continue;
        }
        match stage {
            Stage::Structural => structural.push(label),
            Stage::Clean => unexplained.push(label),
            Stage::Rule | Stage::ConstChecks => {
                let stderr = std::fs::read_to_string(file.with_extension("stderr"))
                    .unwrap_or_else(|_| panic!("{label} has no .stderr"));
                let expected = messages(&stderr);
                assert!(!expected.is_empty(), "{label}.stderr holds no message");
                let in_const = expected[0].1;
                assert!(
                    expected.iter().all(|(_, c)| *c == in_const),
                    "{label} mixes const-evaluated and checked messages: split it"
                );
                built.push(Case {
                    family,
                    name,
                    expected: Some(expected.into_iter().map(|(m, _)| m).collect()),
                    in_const,
                });
            }
        }
    }
    (built, structural, unexplained)
}

/// `tests/agreement/generated.rs`: per family a module, per case a module that includes the
/// case with `ecs_app!` standing for the unchecked macro, and its test.
fn generated() -> String {
    let (built, structural, unexplained) = cases();
    let mut out = String::new();
    out.push_str(
        "// Generated by `AGREEMENT=overwrite cargo test -p ecs-macros agreement`\n\
         // (ecs-macros/src/agreement.rs): do not edit.\n\
         //\n",
    );
    let rules = built.iter().filter(|c| c.expected.is_some()).count();
    let _ = writeln!(
        out,
        "// {} ui cases: {} pass cases and {} rule cases built through the builders;",
        built.len() + structural.len() + unexplained.len(),
        built.len() - rules,
        rules
    );
    let _ = writeln!(
        out,
        "// {} structural cases (refused before the rules) not built:",
        structural.len()
    );
    for label in &structural {
        let _ = writeln!(out, "// - {label}");
    }
    if !unexplained.is_empty() {
        let _ = writeln!(
            out,
            "// {} compile-fail cases no stage of the macro refuses, not built:",
            unexplained.len()
        );
        for label in &unexplained {
            let _ = writeln!(out, "// - {label}");
        }
    }
    let mut family = None;
    for case in &built {
        if family != Some(&case.family) {
            if family.is_some() {
                out.push_str("}\n");
            }
            let _ = write!(out, "\nmod {} {{\n", case.family);
            family = Some(&case.family);
        }
        let label = format!("{}/{}", case.family, case.name);
        let _ = write!(
            out,
            "    mod {name} {{\n        \
                     macro_rules! ecs_app {{\n            \
                         ($($body:tt)*) => {{\n                \
                             crate::capture(::ecs_app::__private_v1::ecs_app_unchecked! {{ $($body)* }})\n            \
                         }};\n        \
                     }}\n\n        \
                     include!(\"../ui/{label}.rs\");\n\n        \
                     #[test]\n        \
                     fn agrees() {{\n",
            name = case.name,
        );
        match &case.expected {
            None => {
                let _ = writeln!(out, "            crate::builds({label:?}, main);");
            }
            Some(messages) => {
                let check = if case.in_const {
                    "fails_in_const_evaluation"
                } else {
                    "fails"
                };
                let _ = writeln!(
                    out,
                    "            crate::{check}(\n                {label:?},"
                );
                out.push_str("                main,\n                &[\n");
                for message in messages {
                    let _ = writeln!(out, "                    {message:?},");
                }
                out.push_str("                ],\n            );\n");
            }
        }
        out.push_str("        }\n    }\n");
    }
    if family.is_some() {
        out.push_str("}\n");
    }
    out
}

#[test]
fn agreement_cases_are_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/agreement/generated.rs");
    let generated = generated();
    if std::env::var("AGREEMENT").as_deref() == Ok("overwrite") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "tests/agreement/generated.rs is stale: run \
         `AGREEMENT=overwrite cargo test -p ecs-macros agreement`"
    );
}

#[test]
fn stderr_messages_are_read_from_error_lines() {
    let stderr = "error: first `a`\n --> x.rs:1:1\n  |\n\
                  error[E0080]: evaluation panicked: second\n\
                  error[E0308]: mismatched types\n";
    assert_eq!(
        messages(stderr),
        [
            ("first `a`".to_string(), false),
            ("second".to_string(), true)
        ]
    );
}
