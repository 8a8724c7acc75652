//! How much of the CDK's `aws-ecs` API this library offers, against the list of its public
//! surface in aws-cdk-lib 2.276.0 (`tests/data/cdk-api-surface.md`: every props interface with
//! its properties, every class with its methods).
//!
//! A property is available when a kind of `ecs_app!` whose CDK props interface is (or extends)
//! the interface declares it under its CDK name (the schema, `ecs_app::schema::KINDS`), or when
//! the builders' type of the interface's name has a setter or field of its snake_case name (the
//! value types `ecs_app!` takes as expressions: log drivers, health checks, Linux parameters).
//! A method is available as an item or method property of `ecs_app!` (`ecs.Cluster#addCapacity`,
//! `addLink`), or as a method or constructor of its snake_case name on the builders' type. The
//! rest is listed with the reason, from [`NOT_APPLICABLE`], or as not yet available.
//!
//! The list's `aws-ecs-patterns` section is measured the same way, in a second section of the
//! document: by the kinds whose `cdk` name is `ecs_patterns.<Class>` and the builders of
//! `ecs_core::ecs_patterns` ([`PATTERNS`]). A kind's property declared as `outer.inner` (an
//! object property the kind flattens) gives it `outer`, and the interface `Outer` its `inner`.
//!
//! `docs/cdk-coverage.md` is written from this (`COVERAGE=overwrite cargo test --test
//! coverage`); the test fails when it is stale.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use ecs_app::schema::KINDS;

/// What the CDK has that a Rust library has no use for, with why.
const NOT_APPLICABLE: &[(&str, &str)] = &[
    (
        "bind",
        "the CDK's internal protocol between a value and the construct using it; here the construct renders the value",
    ),
    ("_defaultDisableVersionConsistency", "internal to the CDK"),
    (
        "renderContainerDefinition",
        "internal to the CDK: synthesis renders containers",
    ),
    (
        "static is",
        "a JavaScript type guard; Rust types are known while compiling",
    ),
    (
        "getImage",
        "the CDK's internal protocol between an image and an auto-scaling group",
    ),
    ("_", "internal to the CDK (its name starts with `_`)"),
    (
        "toJson",
        "the CDK's internal rendering; synthesis renders the value",
    ),
    (
        "renderLinuxParameters",
        "the CDK's internal rendering; synthesis renders the value",
    ),
    (
        "validate",
        "the CDK's internal check, run when the value is used; here the builders check it",
    ),
];

/// Properties offered in another shape, with where: the measure cannot find them by name.
const RESHAPED: &[(&str, &str, &str)] = &[
    (
        "BaseServiceProps",
        "launchType",
        "the service's kind: `Ec2Service`, `FargateService` or `ExternalService`",
    ),
    (
        "DeploymentController",
        "type",
        "the service's `deployment_controller`, which takes the type itself",
    ),
];

/// Interfaces that are what a value's internal `bind` returns, not anything an app writes.
const BIND_RESULTS: &[&str] = &[
    "AlternateTargetConfig",
    "AppMeshProxyConfigurationConfigProps",
    "ContainerImageConfig",
    "CredentialSpecConfig",
    "DeploymentLifecycleHookTargetConfig",
    "EnvironmentFileConfig",
    "LogDriverConfig",
];

/// Interfaces whose properties the builders' types of other names offer: a construct's
/// interface (`ICluster`) by its handle's methods, props of a value type by the type.
const INTERFACE_TYPES: &[(&str, &[&str])] = &[
    ("ICluster", &["Cluster"]),
    ("EBSTagSpecification", &["EbsTagSpecification"]),
    ("Ec2ServiceAttributes", &["ServiceAttributes"]),
    ("ExternalServiceAttributes", &["ServiceAttributes"]),
    ("FireLensLogDriverProps", &["FirelensLogDriverProps"]),
    (
        "FirelensLogRouterDefinitionOptions",
        &["ContainerDefinitionOptions"],
    ),
    ("FirelensLogRouterProps", &["ContainerDefinitionOptions"]),
    (
        "CommonTaskDefinitionAttributes",
        &["TaskDefinitionAttributes"],
    ),
    ("ImportedTaskDefinitionProps", &["TaskDefinitionAttributes"]),
    ("AlternateTargetOptions", &["AlternateTarget"]),
    ("AlternateTargetProps", &["AlternateTarget"]),
    (
        "DeploymentLifecycleLambdaTargetProps",
        &["DeploymentLifecycleLambdaTarget"],
    ),
    ("LoadBalancerTarget", &["EcsLoadBalancerTarget"]),
    ("FargateServiceAttributes", &["ServiceAttributes"]),
    (
        "IService",
        &["FargateService", "Ec2Service", "ExternalService"],
    ),
    (
        "IBaseService",
        &["FargateService", "Ec2Service", "ExternalService"],
    ),
    (
        "ITaskDefinition",
        &[
            "TaskDefinition",
            "FargateTaskDefinition",
            "Ec2TaskDefinition",
        ],
    ),
    ("LinuxParametersProps", &["LinuxParameters"]),
    ("BaseMountPoint", &["MountPoint"]),
    ("EcsOptimizedImageOptions", &["MachineImage", "ImageLookup"]),
    ("BottleRocketImageProps", &["MachineImage", "ImageLookup"]),
];

/// The patterns' interfaces whose properties the builders' types of other names offer.
const PATTERN_INTERFACE_TYPES: &[(&str, &[&str])] = &[
    // One type of image options for both launch types, as one kind of `ecs_app!`.
    (
        "ScheduledEc2TaskImageOptions",
        &["ScheduledTaskImageOptions"],
    ),
];

/// The patterns' interfaces a kind stands for that the surface list leaves out (they have no
/// properties of their own), with the interfaces they extend.
const PATTERN_UNLISTED: &[(&str, &[&str])] = &[(
    "ScheduledFargateTaskImageOptions",
    &["ScheduledTaskImageProps", "FargateServiceBaseProps"],
)];

/// The patterns' properties (`Interface.property`) that do not apply, with why.
const PATTERN_NOT_APPLICABLE: &[(&str, &str)] = &[];

/// The props interface of a kind made by a method (`ecs.Cluster#addCapacity`), where it is not
/// `<Class>Props` or the kind's own name.
const METHOD_OPTIONS: &[(&str, &str)] = &[
    ("Cluster#addCapacity", "AddCapacityOptions"),
    (
        "Cluster#addAutoScalingGroup",
        "AddAutoScalingGroupCapacityOptions",
    ),
    (
        "Cluster#addAsgCapacityProvider",
        "AddAutoScalingGroupCapacityOptions",
    ),
    ("BaseService#registerLoadBalancerTargets", "EcsTarget"),
    (
        "ScalableTaskCount#scaleOnCpuUtilization",
        "CpuUtilizationScalingProps",
    ),
    (
        "ScalableTaskCount#scaleOnMemoryUtilization",
        "MemoryUtilizationScalingProps",
    ),
    (
        "ScalableTaskCount#scaleOnRequestCount",
        "RequestCountScalingProps",
    ),
    ("ContainerDefinition", "ContainerDefinitionOptions"),
];

/// Classes whose methods the builders' types of other names offer.
const CLASS_TYPES: &[(&str, &[&str])] = &[
    (
        "BaseService",
        &["FargateService", "Ec2Service", "ExternalService", "Service"],
    ),
    // The constructors' types return the one `Service` handle every kind shares.
    ("FargateService", &["FargateService", "Service"]),
    ("Ec2Service", &["Ec2Service", "Service"]),
    ("ExternalService", &["ExternalService", "Service"]),
    (
        "TaskDefinition",
        &[
            "TaskDefinition",
            "FargateTaskDefinition",
            "Ec2TaskDefinition",
        ],
    ),
    ("LogDriver", &["LogDriver"]),
    ("LogDrivers", &["LogDriver"]),
];

struct Interface {
    name: String,
    extends: Vec<String>,
    props: Vec<String>,
}

struct Class {
    name: String,
    methods: Vec<String>,
}

/// A section of the surface list (`aws-ecs`, `aws-ecs-patterns`).
fn surface(module: &str) -> (Vec<Interface>, Vec<Class>) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cdk-api-surface.md"
    ))
    .unwrap();
    let section = text
        .split("\n## ")
        .find(|s| s.starts_with(&format!("{module}:")))
        .expect("the list has the module's section");
    let names = |list: &str| -> Vec<String> {
        list.split(", ")
            .map(|s| s.trim().trim_matches('`').trim_end_matches('?').to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let (mut interfaces, mut classes) = (Vec::new(), Vec::new());
    for line in section.lines() {
        let (kind, rest) = match line.strip_prefix("- interface `") {
            Some(rest) => ("interface", rest),
            None => match line.strip_prefix("- class `") {
                Some(rest) => ("class", rest),
                None => continue,
            },
        };
        let (name, rest) = rest.split_once('`').unwrap();
        let extends = rest
            .split_once("(extends ")
            .map(|(_, e)| names(e.split_once(')').unwrap().0))
            .unwrap_or_default();
        let members = rest
            .split_once("]: ")
            .map(|(_, m)| names(m))
            .unwrap_or_default();
        if kind == "interface" {
            interfaces.push(Interface {
                name: name.to_string(),
                extends,
                props: members,
            });
        } else {
            classes.push(Class {
                name: name.to_string(),
                methods: members,
            });
        }
    }
    (interfaces, classes)
}

fn snake(name: &str) -> String {
    let mut out = String::new();
    // Units are one word: `memoryLimitMiB` is `memory_limit_mib`.
    let name = name
        .replace("MiB", "Mib")
        .replace("GiB", "Gib")
        .replace("IPs", "Ips");
    let chars: Vec<char> = name.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev_lower =
                i > 0 && (chars[i - 1].is_lowercase() || chars[i - 1].is_ascii_digit());
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let prev_upper = i > 0 && chars[i - 1].is_uppercase();
            if i > 0 && (prev_lower || (prev_upper && next_lower)) {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(*c);
        }
    }
    out
}

/// The source of every builders' type under `dir` (below `ecs-core/src`), by type name: the
/// file that declares it.
fn sources(dir: &str) -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("ecs-core/src")
            .join(dir),
        &mut files,
    );
    let mut by_type: BTreeMap<String, String> = BTreeMap::new();
    for file in &files {
        // A type's members may be declared in an `impl` block of another file.
        for decl in ["pub struct ", "pub enum ", "\nimpl "] {
            for (i, _) in file.match_indices(decl) {
                let name: String = file[i + decl.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                by_type.entry(name).or_default().push_str(file);
            }
        }
    }
    by_type
}

/// Whether `source` has a setter, method, constructor or field named `name` (a keyword as a raw
/// identifier, `fn r#type(`).
fn has_member(source: &str, name: &str) -> bool {
    source.contains(&format!("fn {name}("))
        || source.contains(&format!("fn r#{name}("))
        || source.contains(&format!("fn {name}<"))
        || source.contains(&format!("pub {name}:"))
        || source.contains(&format!("\n        {name}: "))
}

fn not_applicable(method: &str) -> Option<&'static str> {
    NOT_APPLICABLE
        .iter()
        .find(|(m, _)| method == *m || ((*m == "static is" || *m == "_") && method.starts_with(m)))
        .map(|(_, why)| *why)
}

/// One module of the CDK measured: its section of the surface list, the prefix of its kinds'
/// `cdk` names, where its builders are, and its tables of names.
struct Part {
    /// The module's name, as its section of the surface list starts (`aws-ecs`).
    module: &'static str,
    /// The prefix of its kinds' `cdk` names (`ecs.`).
    kinds: &'static str,
    /// Its builders, below `ecs-core/src` (`""` for all of them).
    dir: &'static str,
    bind_results: &'static [&'static str],
    interface_types: &'static [(&'static str, &'static [&'static str])],
    method_options: &'static [(&'static str, &'static str)],
    class_types: &'static [(&'static str, &'static [&'static str])],
    /// What the interfaces a kind stands for extend, where the surface list leaves the
    /// interface out (it has no properties of its own).
    unlisted: &'static [(&'static str, &'static [&'static str])],
    /// Properties (`Interface.property`) that do not apply, with why.
    props_not_applicable: &'static [(&'static str, &'static str)],
}

const ECS: Part = Part {
    module: "aws-ecs",
    kinds: "ecs.",
    dir: "",
    bind_results: BIND_RESULTS,
    interface_types: INTERFACE_TYPES,
    method_options: METHOD_OPTIONS,
    class_types: CLASS_TYPES,
    unlisted: &[],
    props_not_applicable: &[],
};

const PATTERNS: Part = Part {
    module: "aws-ecs-patterns",
    kinds: "ecs_patterns.",
    dir: "ecs_patterns",
    bind_results: &[],
    interface_types: PATTERN_INTERFACE_TYPES,
    method_options: &[],
    class_types: &[],
    unlisted: PATTERN_UNLISTED,
    props_not_applicable: PATTERN_NOT_APPLICABLE,
};

struct Measure {
    text: String,
    props: (usize, usize, usize),
    methods: (usize, usize, usize),
}

struct Report {
    text: String,
    props: (usize, usize, usize),
    methods: (usize, usize, usize),
    patterns: Measure,
}

fn pct(a: usize, t: usize) -> f64 {
    if t == 0 {
        0.0
    } else {
        100.0 * a as f64 / t as f64
    }
}

/// The per-interface and per-class lists of one module, with their totals.
fn measure(part: &Part) -> Measure {
    let (interfaces, classes) = surface(part.module);
    let known: BTreeSet<&str> = interfaces.iter().map(|i| i.name.as_str()).collect();
    let by_name: BTreeMap<&str, &Interface> =
        interfaces.iter().map(|i| (i.name.as_str(), i)).collect();
    // Each interface's kinds: the ones whose props interface is it or extends it.
    let mut props_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut methods_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut nested: Vec<(String, String)> = Vec::new();
    for kind in KINDS {
        let Some(cdk) = kind.cdk.strip_prefix(part.kinds) else {
            continue;
        };
        let root = part
            .method_options
            .iter()
            .find(|(k, _)| *k == cdk)
            .map(|(_, i)| i.to_string())
            .or_else(|| {
                [cdk.to_string(), format!("{cdk}Props")]
                    .into_iter()
                    .find(|n| known.contains(n.as_str()))
            })
            .or_else(|| {
                part.unlisted
                    .iter()
                    .any(|(n, _)| *n == cdk)
                    .then(|| cdk.to_string())
            });
        if let Some((class, method)) = cdk.split_once('#') {
            methods_of
                .entry(class.to_string())
                .or_default()
                .insert(method.to_string());
        }
        for p in kind.props {
            if p.method {
                let class = cdk.split('#').next().unwrap_or(cdk);
                methods_of
                    .entry(class.to_string())
                    .or_default()
                    .insert(p.cdk.trim_end_matches("()").to_string());
            }
        }
        let mut stack: Vec<String> = root.into_iter().collect();
        let mut seen = BTreeSet::new();
        while let Some(name) = stack.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            let set = props_of.entry(name.clone()).or_default();
            for p in kind.props.iter().filter(|p| !p.method) {
                // A property of an object property, flattened (`outer.inner`): the kind has
                // `outer`, and the interface of its name (`Outer`) has `inner`.
                let Some((outer, inner)) = p.cdk.split_once('.') else {
                    set.insert(p.cdk.to_string());
                    continue;
                };
                set.insert(outer.to_string());
                let mut chars = outer.chars();
                let upper = chars.next().map(|c| c.to_ascii_uppercase());
                nested.push((upper.into_iter().chain(chars).collect(), inner.to_string()));
            }
            if let Some(i) = by_name.get(name.as_str()) {
                stack.extend(i.extends.iter().cloned());
            }
            if let Some((_, extends)) = part.unlisted.iter().find(|(n, _)| *n == name) {
                stack.extend(extends.iter().map(|e| e.to_string()));
            }
        }
    }
    for (interface, prop) in nested {
        props_of.entry(interface).or_default().insert(prop);
    }
    let sources = sources(part.dir);

    let (mut props_available, mut props_total) = (0, 0);
    let mut body = String::new();
    let mut props_na = 0;
    for i in &interfaces {
        if part.bind_results.contains(&i.name.as_str()) {
            props_total += i.props.len();
            props_na += i.props.len();
            body.push_str(&format!(
                "- `{}`: not applicable: what the CDK's internal `bind` returns\n",
                i.name
            ));
            continue;
        }
        let types: Vec<&str> = part
            .interface_types
            .iter()
            .find(|(n, _)| *n == i.name)
            .map(|(_, t)| t.to_vec())
            .unwrap_or_else(|| vec![i.name.as_str()]);
        let (mut have, mut missing, mut na) = (Vec::new(), Vec::new(), Vec::new());
        for p in &i.props {
            props_total += 1;
            let qualified = format!("{}.{p}", i.name);
            if let Some((_, why)) = part
                .props_not_applicable
                .iter()
                .find(|(n, _)| *n == qualified)
            {
                props_na += 1;
                na.push(format!("`{p}` ({why})"));
                continue;
            }
            let in_schema = props_of.get(&i.name).is_some_and(|s| s.contains(p));
            let in_builders = types.iter().any(|t| {
                sources
                    .get(*t)
                    .is_some_and(|src| has_member(src, &snake(p)))
            });
            let reshaped = RESHAPED
                .iter()
                .find(|(interface, prop, _)| *interface == i.name && prop == p);
            if let Some((_, _, how)) = reshaped {
                props_available += 1;
                have.push(format!("`{p}` ({how})"));
            } else if in_schema || in_builders {
                props_available += 1;
                have.push(format!("`{p}`"));
            } else {
                missing.push(format!("`{p}`"));
            }
        }
        body.push_str(&format!(
            "- `{}`: {} of {}",
            i.name,
            have.len(),
            i.props.len()
        ));
        let reshaped: Vec<&String> = have.iter().filter(|h| h.contains(" (")).collect();
        if !reshaped.is_empty() {
            let list: Vec<&str> = reshaped.iter().map(|h| h.as_str()).collect();
            body.push_str(&format!("; in another shape: {}", list.join(", ")));
        }
        if !missing.is_empty() {
            body.push_str(&format!("; not yet: {}", missing.join(", ")));
        }
        if !na.is_empty() {
            body.push_str(&format!("; not applicable: {}", na.join(", ")));
        }
        body.push('\n');
    }
    let (mut methods_available, mut methods_total, mut methods_na) = (0, 0, 0);
    let mut class_body = String::new();
    for c in &classes {
        let types: Vec<&str> = part
            .class_types
            .iter()
            .find(|(n, _)| *n == c.name)
            .map(|(_, t)| t.to_vec())
            .unwrap_or_else(|| vec![c.name.as_str()]);
        let (mut have, mut missing, mut na) = (Vec::new(), Vec::new(), Vec::new());
        for m in &c.methods {
            methods_total += 1;
            if let Some(why) = not_applicable(m) {
                methods_na += 1;
                na.push(format!("`{m}` ({why})"));
                continue;
            }
            let bare = m.trim_start_matches("static ");
            let in_schema = methods_of.get(&c.name).is_some_and(|s| s.contains(bare));
            let in_builders = types.iter().any(|t| {
                sources
                    .get(*t)
                    .is_some_and(|src| has_member(src, &snake(bare)))
            });
            if in_schema || in_builders {
                methods_available += 1;
                have.push(format!("`{m}`"));
            } else {
                missing.push(format!("`{m}`"));
            }
        }
        class_body.push_str(&format!(
            "- `{}`: {} of {}",
            c.name,
            have.len(),
            c.methods.len()
        ));
        if !missing.is_empty() {
            class_body.push_str(&format!("; not yet: {}", missing.join(", ")));
        }
        if !na.is_empty() {
            class_body.push_str(&format!("; not applicable: {}", na.join(", ")));
        }
        class_body.push('\n');
    }
    let mut text = format!(
        "- Properties: {props_available} of {props_total} available ({:.0}%), {props_na} not applicable; {props_available} of {} that apply ({:.0}%).\n",
        pct(props_available, props_total),
        props_total - props_na,
        pct(props_available, props_total - props_na)
    );
    if methods_total > 0 {
        text.push_str(&format!(
            "- Methods: {methods_available} of {methods_total} available ({:.0}%), {methods_na} not applicable; {methods_available} of {} that apply ({:.0}%).\n",
            pct(methods_available, methods_total),
            methods_total - methods_na,
            pct(methods_available, methods_total - methods_na)
        ));
    }
    text.push_str("\n## Props interfaces\n\n");
    text.push_str(&body);
    if !class_body.is_empty() {
        text.push_str("\n## Classes\n\n");
        text.push_str(&class_body);
    }
    Measure {
        text,
        props: (props_available, props_total, props_na),
        methods: (methods_available, methods_total, methods_na),
    }
}

fn report() -> Report {
    let ecs = measure(&ECS);
    let patterns = measure(&PATTERNS);
    let mut text = String::new();
    text.push_str("# Coverage of the CDK's `aws-ecs` API\n\n");
    text.push_str(
        "Generated by `tests/coverage.rs` (`COVERAGE=overwrite cargo test --test coverage`) from \
         the public surface of aws-cdk-lib 2.276.0 (`tests/data/cdk-api-surface.md`). A property \
         is available when an `ecs_app!` kind of its interface declares it under its CDK name \
         (`docs/reference.md`), or the builders' type of the interface's name has it under its \
         snake_case name; a method when `ecs_app!` has it as an item or property, or the \
         builders' type has it.\n\n",
    );
    text.push_str(&ecs.text);
    text.push_str("\n# Coverage of the CDK's `aws-ecs-patterns` API\n\n");
    text.push_str(
        "Measured the same way: a property is available when an `ecs_app!` kind whose CDK name \
         is `ecs_patterns.<Class>` declares it under its CDK name (including through the props \
         interfaces its props interface extends, and a property of an object property as \
         `outer.inner`), or the builders' type of the interface's name in \
         `ecs_core::ecs_patterns` has it under its snake_case name. The module's 18 classes have \
         no methods of their own in the list; each is a kind of `ecs_app!` and a builders' \
         construct.\n\n",
    );
    text.push_str(&patterns.text);
    Report {
        text,
        props: ecs.props,
        methods: ecs.methods,
        patterns,
    }
}

#[test]
fn docs_coverage_matches_the_library() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cdk-coverage.md");
    let report = report();
    if std::env::var("COVERAGE").as_deref() == Ok("overwrite") {
        std::fs::write(path, &report.text).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == report.text,
        "docs/cdk-coverage.md is stale: run `COVERAGE=overwrite cargo test --test coverage`"
    );
}

#[test]
fn the_surface_list_is_read_whole() {
    let report = report();
    // The list's own header counts.
    assert_eq!(report.props.1, 434);
    assert_eq!(report.methods.1, 190);
    assert!(report.props.0 > 0 && report.props.2 > 0);
    assert!(report.methods.0 > 0 && report.methods.2 > 0);
    assert_eq!(report.patterns.props.1, 260);
    assert_eq!(report.patterns.methods.1, 0);
}

#[test]
fn snake_case_names_match_the_builders() {
    assert_eq!(snake("memoryLimitMiB"), "memory_limit_mib");
    assert_eq!(snake("enableECSManagedTags"), "enable_ecs_managed_tags");
    assert_eq!(snake("fromEcrRepository"), "from_ecr_repository");
    assert_eq!(snake("cpu"), "cpu");
}
