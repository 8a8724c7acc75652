//! The crate's layers: each module uses only modules of its own layer or of layers below it,
//! and the modules of one layer do not form a cycle.
//!
//! From the bottom: CloudFormation values and errors; the construct tree; the AWS service
//! modules, named after the CDK's; `ecs`; what joins ECS to other services and the DSL's
//! schema; synthesis. A module is a file or directory directly under `src/`; `lib.rs` (the
//! crate root, prelude and macros) may use any.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LAYERS: &[(&str, &[&str])] = &[
    ("CloudFormation values", &["cfn", "error"]),
    ("construct tree", &["construct", "decl"]),
    (
        "AWS service modules",
        &[
            "applicationautoscaling",
            "autoscaling",
            "certificatemanager",
            "cloudwatch",
            "ec2",
            "ecr",
            "ecr_assets",
            "efs",
            "elb",
            "elbv2",
            "events",
            "iam",
            "kms",
            "lambda",
            "logs",
            "route53",
            "s3",
            "schedule",
            "secretsmanager",
            "servicediscovery",
            "sqs",
            "ssm",
        ],
    ),
    ("ecs", &["ecs"]),
    (
        "integrations and schema",
        &["events_targets", "ecs_patterns", "schema"],
    ),
    ("synthesis", &["synth"]),
];

/// The crate root's re-exports, by the module that defines them.
const ROOT_ITEMS: &[(&str, &str)] = &[
    ("App", "construct"),
    ("StackId", "cfn"),
    ("Duration", "cfn"),
    ("Size", "cfn"),
    ("Error", "error"),
    ("rules", "ecs"),
    ("facts", "ecs"),
    ("prelude", "synth"),
];

fn layer_of(module: &str) -> Option<usize> {
    let module = ROOT_ITEMS
        .iter()
        .find(|(item, _)| *item == module)
        .map_or(module, |(_, m)| m);
    LAYERS.iter().position(|(_, mods)| mods.contains(&module))
}

/// Every `crate::<module>` a source file names outside comments.
fn uses(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `$crate::` in a macro of the crate root is the root itself.
            if !name.is_empty() && !rest[..i].ends_with('$') {
                out.insert(name);
            }
            rest = after;
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `module -> modules it uses`, over every file of `src/` but the crate root.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    files(&src, &mut paths);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in paths {
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let used = uses(&text);
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(used.into_iter().filter(|m| *m != module));
    }
    graph
}

#[test]
fn every_module_has_a_layer() {
    let unplaced: Vec<_> = graph()
        .into_keys()
        .filter(|m| layer_of(m).is_none())
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules without a layer (add them to LAYERS): {unplaced:?}"
    );
}

#[test]
fn no_module_uses_a_higher_layer() {
    let mut wrong = Vec::new();
    for (module, used) in graph() {
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for u in used {
            let Some(layer) = layer_of(&u) else {
                wrong.push(format!("`{module}` uses `crate::{u}`, which has no layer"));
                continue;
            };
            if layer > own {
                wrong.push(format!(
                    "`{module}` ({}) uses `{u}` ({})",
                    LAYERS[own].0, LAYERS[layer].0
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn modules_of_one_layer_form_no_cycle() {
    let graph = graph();
    // Depth-first search for a back edge among modules of the same layer.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == m) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if !done.insert(m.to_string()) {
            return None;
        }
        stack.push(m.to_string());
        let own = layer_of(m);
        for u in graph.get(m).into_iter().flatten() {
            if layer_of(u) == own
                && graph.contains_key(u.as_str())
                && let Some(cycle) = visit(u, graph, stack, done)
            {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        let mut stack = Vec::new();
        if let Some(cycle) = visit(m, &graph, &mut stack, &mut done) {
            panic!("modules use each other: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_checks_see_uses() {
    let text = "use crate::ecs::service;\n// crate::synth in a comment\nlet x = crate::cfn::Value::Null; $crate::schema";
    let used: Vec<_> = uses(text).into_iter().collect();
    assert_eq!(used, ["cfn", "ecs"]);
}

#[test]
fn the_crate_roots_macros_name_only_the_bottom_layers() {
    // `props!` and `handle!` expand in every module, so what they name is used by all.
    let root =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let macros = &root[..root.find("\npub mod ").unwrap()];
    let mut named = BTreeSet::new();
    let mut rest = macros;
    while let Some(i) = rest.find("$crate::") {
        let after = &rest[i + "$crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        named.insert(name);
        rest = after;
    }
    let construct_tree = layer_of("construct").unwrap();
    let higher: Vec<_> = named
        .iter()
        .filter(|m| layer_of(m).is_none_or(|l| l > construct_tree))
        .collect();
    assert!(
        higher.is_empty(),
        "the crate root's macros name {higher:?}: move what they need to the construct tree or below"
    );
}
