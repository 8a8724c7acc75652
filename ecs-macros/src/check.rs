//! Stage 4: the rules of the specification (SPEC §4) on the resolved model, one function per rule,
//! each calling its predicate and message in `ecs_core::rules`, so the macro and the builders can
//! never disagree. Values the macro cannot read (named constants) become [`ConstChecks`] that the
//! expansion hands to const evaluation; values known only at run time are left to the builders.

use std::borrow::Cow;

use ecs_core::ecs::container::Protocol;
use ecs_core::ecs::exec::ExecuteCommandLogging;
use ecs_core::ecs::service::LaunchType;
use ecs_core::ecs::task_definition::{Compatibility, NetworkMode, OperatingSystemFamily, PidMode};
use ecs_core::ecs_patterns;
use ecs_core::facts::{
    CapacityFacts, ConnectServiceFacts, ContainerFacts, ContainerPick, CountedGroup, ExecFacts,
    Fact, PortMappingFact, ProviderFacts, RegistrationFacts, ScalingPolicyFacts, ServedTask,
    ServiceCluster, ServiceConnectFacts, ServiceFacts, ServiceTask, StrategyEntry, StrategyFacts,
    StrategyProvider, TargetFacts, TaskFacts, TaskScalingFacts, Violation, VolumeFact,
};
use ecs_core::rules::{self, RuleId};
use ecs_core::servicediscovery::DnsRecordType;
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Lit};

use crate::ctxt::{Ctxt, Site};
use crate::model::{
    ContainerElement, ContainerRefsValue, ContainerValue, EnumValue, Item, KindId,
    PortMappingValue, PortMappingsValue, Prop, PropValue, ProviderValue, Reference,
    StrategiesValue,
};

/// Checks left to const evaluation, for the expansion to emit.
#[derive(Default)]
pub struct ConstChecks {
    /// Fargate cpu/memory pairs with at least one named constant (rule F2).
    pub fargate_sizes: Vec<ConstFargateSize>,
    /// Auto-scaling group sizes with at least one named constant (rule C1).
    pub capacity_sizes: Vec<ConstCapacitySize>,
    /// Task auto-scaling bounds with at least one named constant (rule A1).
    pub task_scaling: Vec<ConstTaskScaling>,
    /// The lints at `warn` (as deprecation warnings) and the policies (const checks).
    pub lints: crate::lint::LintOutput,
}

/// A task count's bounds to check by const evaluation (rule A1).
pub struct ConstTaskScaling {
    /// `min_capacity`, 1 when not given.
    pub min: Option<CapacityOperand>,
    /// `max_capacity`.
    pub max: CapacityOperand,
}

/// An auto-scaling group's sizes to check by const evaluation: each given one is a literal
/// (value, span) or a constant expression.
pub struct ConstCapacitySize {
    /// `min_capacity`.
    pub min: Option<CapacityOperand>,
    /// `max_capacity`.
    pub max: Option<CapacityOperand>,
    /// `desired_capacity`.
    pub desired: Option<CapacityOperand>,
}

/// One size of a group.
pub enum CapacityOperand {
    /// A literal, read.
    Known(u32, Span),
    /// A constant expression.
    Const(Expr),
}

/// A Fargate cpu/memory pair to check by const evaluation.
pub struct ConstFargateSize {
    /// The cpu operand.
    pub cpu: SizeOperand,
    /// The memory operand.
    pub memory: SizeOperand,
    /// How the task definition's kind spells its memory, for the message.
    pub memory_property: rules::MemoryProperty,
}

/// One side of a Fargate size pair.
pub enum SizeOperand {
    /// A literal, already read (CPU units or MiB), with the literal's span.
    Known(u32, Span),
    /// A constant expression, with paths to named constants.
    Const(Expr),
    /// A constant expression of literals only (`256 * 2`), typed as `u32`.
    ConstLiteral(Expr),
}

/// Runs every rule on every stack.
pub fn check(stacks: &[Item], cx: &Ctxt) -> ConstChecks {
    let mut consts = ConstChecks::default();
    for stack in stacks {
        stack_name(stack, cx);
        for item in &stack.children {
            negative_durations(item, None, cx);
        }
        for item in &stack.children {
            match item.kind.id {
                KindId::FargateTaskDefinition
                | KindId::Ec2TaskDefinition
                | KindId::TaskDefinition
                | KindId::ExternalTaskDefinition => {
                    fargate_size_constants(item, &mut consts, cx);
                    check_task_definition(item, cx);
                }
                KindId::Ec2Service | KindId::FargateService | KindId::ExternalService => {
                    report(service_facts(stack, item).violations(), cx);
                    service_strategies(stack, item, cx);
                    cloud_map(stack, item, cx);
                    service_connect(stack, item, cx);
                    deployment_strategy(item, cx);
                }
                KindId::Cluster => {
                    cluster_capacity(stack, item, &mut consts, cx);
                    container_insights_choice(item, cx);
                }
                KindId::AutoScalingGroup => auto_scaling_group(item, &mut consts, cx),
                KindId::AsgCapacityProvider => termination_protection_needs_scaling(item, cx),
                KindId::ManagedInstancesCapacityProvider => {
                    managed_instances_provider(stack, item, cx)
                }
                KindId::ApplicationLoadBalancer
                | KindId::NetworkLoadBalancer
                | KindId::ImportedApplicationLoadBalancer
                | KindId::ImportedNetworkLoadBalancer => {
                    for listener in &item.children {
                        for rule in &listener.children {
                            add_target_groups(&listener.id.name, false, rule, cx);
                        }
                        for targets in &listener.children {
                            load_balancer_targets(stack, targets, false, cx);
                        }
                    }
                }
                KindId::ClassicLoadBalancer => load_balancer_targets(stack, item, true, cx),
                KindId::CfnResource => resource_type(item, cx),
                KindId::ImportedVpc => imported_subnet_counts(item, cx),
                KindId::ImportedCluster => imported_cluster_arn(item, cx),
                KindId::Role => role_literals(item, cx),
                KindId::ImportedRole => imported_role_arn(item, cx),
                KindId::ImportedService => imported_service(item, cx),
                KindId::ServiceManagedVolume => service_managed_volume(item, cx),
                KindId::ApplicationListenerRule => listener_rule(item, cx),
                KindId::ImportedListener => {
                    for rule in &item.children {
                        add_target_groups(&item.id.name, true, rule, cx);
                    }
                }
                KindId::StandaloneListener => {
                    for rule in &item.children {
                        add_target_groups(&item.id.name, false, rule, cx);
                    }
                }
                KindId::AlbFargateService
                | KindId::AlbEc2Service
                | KindId::NlbFargateService
                | KindId::NlbEc2Service => {
                    pattern_choices(item, "task_image_options", cx);
                    pattern_load_balancer(stack, item, cx);
                }
                KindId::AlbMtgFargateService
                | KindId::AlbMtgEc2Service
                | KindId::NlbMtgFargateService
                | KindId::NlbMtgEc2Service => {
                    pattern_choices(item, "task_image_options", cx);
                    multiple_target_groups(item, cx);
                }
                KindId::ScheduledFargateTask => {
                    pattern_choices(item, "scheduled_fargate_task_image_options", cx);
                }
                KindId::QueueFargateService => pattern_choices(item, "image", cx),
                KindId::ScheduledEc2Task => {
                    pattern_choices(item, "scheduled_ec2_task_image_options", cx);
                }
                _ => {}
            }
        }
        observability(stack, &mut consts, cx);
    }
    consts.lints = crate::lint::lint(stacks, cx);
    consts
}

/// Rule K1: one Container Insights setting per cluster.
fn container_insights_choice(cluster: &Item, cx: &Ctxt) {
    if let (Some(v1), Some(_)) = (
        cluster.prop("container_insights"),
        cluster.prop("container_insights_v2"),
    ) && !rules::container_insights_choice(true, true)
    {
        cx.error_at(
            v1.name.span(),
            rules::container_insights_choice_message(&cluster.id.name),
        );
    }
}

/// A pattern takes `cluster` or `vpc`, and `task_definition` or `task_image_options`: the
/// second of each pair given is the one to remove; with neither of the latter, the item's id.
fn pattern_choices(item: &Item, image_property: &str, cx: &Ctxt) {
    let (noun, id) = (item.kind.noun, &item.id.name);
    if let (Some(_), Some(vpc)) = (item.prop("cluster"), item.prop("vpc"))
        && !ecs_patterns::cluster_or_vpc(true, true)
    {
        cx.error_at(
            vpc.name.span(),
            ecs_patterns::cluster_or_vpc_message(noun, id),
        );
    }
    let task = item.prop("task_definition");
    let image = item.prop(image_property);
    // A property left out as misspelt may be the missing one.
    let unsure = item.incomplete && task.is_none() && image.is_none();
    let chosen = ecs_patterns::task_definition_or_image(task.is_some(), image.is_some());
    if !chosen && !unsure {
        let span = image.map_or(item.id.span(), |p| p.name.span());
        cx.error_at(
            span,
            ecs_patterns::task_definition_or_image_message(
                noun,
                id,
                image_property,
                task.is_some(),
            ),
        );
    }
}

/// A pattern's `load_balancer` of this stack is of the pattern's kind.
fn pattern_load_balancer(stack: &Item, item: &Item, cx: &Ctxt) {
    let Some((lb, span)) = target(stack, item, "load_balancer") else {
        return;
    };
    let application = matches!(
        item.kind.id,
        KindId::AlbFargateService | KindId::AlbEc2Service
    );
    let wanted = if application {
        KindId::ApplicationLoadBalancer
    } else {
        KindId::NetworkLoadBalancer
    };
    if lb.kind.id != wanted {
        let owner = format!("{} `{}`", item.kind.noun, item.id.name);
        cx.error_at(
            span,
            ecs_patterns::load_balancer_kind_message(&owner, application),
        );
    }
}

/// The objects of a list-of-objects property.
fn objects(prop: &Prop) -> Option<&Vec<Item>> {
    match &prop.value {
        PropValue::Objects(objects) => Some(objects),
        _ => None,
    }
}

/// A multiple-target-groups pattern's literal load balancers have listeners, its target
/// groups name listeners of them and, for application ones, a rule's `priority` and condition
/// come together; a listener's `certificate` goes with HTTPS.
fn multiple_target_groups(item: &Item, cx: &Ctxt) {
    let (noun, id) = (item.kind.noun, &item.id.name);
    let mut listeners: Vec<String> = vec!["PublicListener".to_string()];
    if let Some(lbs) = item.prop("load_balancers") {
        let Some(lbs) = objects(lbs) else { return };
        if lbs.is_empty() && !ecs_patterns::load_balancers_have_listeners(Some(&[])) {
            cx.error_at(
                item.prop("load_balancers")
                    .map_or(item.id.span(), |p| p.name.span()),
                ecs_patterns::load_balancers_have_listeners_message(noun, id, None),
            );
            return;
        }
        listeners.clear();
        for lb in lbs {
            let Some(ls) = lb.prop("listeners") else {
                // Missing: reported as a required property.
                return;
            };
            let Some(objs) = objects(ls) else { return };
            if objs.is_empty() && !ecs_patterns::load_balancers_have_listeners(Some(&[0])) {
                let name = name_prop(lb, "name").map(|(n, _)| n);
                cx.error_at(
                    ls.name.span(),
                    ecs_patterns::load_balancers_have_listeners_message(noun, id, name.as_deref()),
                );
            }
            if let Some(seconds) = lb.expr("idle_timeout").and_then(duration_seconds)
                && !ecs_patterns::idle_timeout_in_range(u64::from(seconds))
            {
                let name = name_prop(lb, "name").map(|(n, _)| n).unwrap_or_default();
                cx.error_at(
                    lb.expr("idle_timeout").map_or(lb.id.span(), Spanned::span),
                    ecs_patterns::idle_timeout_in_range_message(
                        noun,
                        id,
                        &name,
                        u64::from(seconds),
                    ),
                );
            }
            for l in objs {
                match name_prop(l, "name") {
                    Some((name, _)) => listeners.push(name),
                    // A listener without a literal name: any name may be its.
                    None => return,
                }
                if let (Some(_), Some(protocol)) =
                    (l.prop("certificate"), enum_variant(l, "protocol"))
                    && let Some(p) = ecs_core::elbv2::ListenerProtocol::from_variant(&protocol)
                    && !ecs_patterns::listener_certificate_protocol(true, Some(p))
                {
                    let span = l.prop("protocol").map_or(l.id.span(), |p| p.name.span());
                    let name = name_prop(l, "name").map(|(n, _)| n).unwrap_or_default();
                    cx.error_at(
                        span,
                        ecs_patterns::listener_certificate_protocol_message(noun, id, &name, p),
                    );
                }
            }
        }
    }
    let Some(targets) = item.prop("target_groups").and_then(objects) else {
        return;
    };
    let names: Vec<&str> = listeners.iter().map(String::as_str).collect();
    // The priorities taken, by listener.
    let mut taken: Vec<(String, u32)> = Vec::new();
    for t in targets {
        let first = names.first().copied().unwrap_or("PublicListener");
        let listener = name_prop(t, "listener").map_or_else(|| first.to_string(), |(l, _)| l);
        if let Some(expr) = t.expr("priority")
            && let Some(priority) = int_literal(expr)
        {
            if taken.contains(&(listener.clone(), priority)) {
                cx.error_at(
                    expr.span(),
                    ecs_core::elbv2::priority_taken_message(&listener, priority),
                );
            }
            taken.push((listener, priority));
        }
        if let Some((listener, span)) = name_prop(t, "listener")
            && !ecs_patterns::target_listener_defined(&names, Some(&listener))
        {
            cx.error_at(
                span,
                ecs_patterns::target_listener_defined_message(noun, id, &listener, &names),
            );
        }
        let priority = t.prop("priority");
        let condition = t.prop("path_pattern").or(t.prop("host_header"));
        if !ecs_patterns::target_rule_complete(priority.is_some(), condition.is_some()) {
            let port = t
                .expr("container_port")
                .and_then(int_literal)
                .unwrap_or_default();
            let span = priority
                .or(condition)
                .map_or(t.id.span(), |p| p.name.span());
            cx.error_at(
                span,
                ecs_patterns::target_rule_complete_message(noun, id, port, condition.is_some()),
            );
        }
    }
}

/// A raw resource's literal type has a shape CloudFormation accepts.
fn resource_type(item: &Item, cx: &Ctxt) {
    if let Some(Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(lit),
        ..
    })) = item.expr("type")
        && !rules::resource_type(&lit.value())
    {
        cx.error_at(
            lit.span(),
            rules::resource_type_message(&item.id.name, &lit.value()),
        );
    }
}

/// An imported vpc's literal subnet lists fill whole groups over its literal zones, as the
/// CDK's `ImportSubnetGroup` requires.
fn imported_subnet_counts(item: &Item, cx: &Ctxt) {
    let literal_len = |name: &str| match item.expr(name) {
        Some(Expr::Array(array)) => Some((array.elems.len(), array)),
        _ => None,
    };
    let Some((zones, _)) = literal_len("availability_zones") else {
        return;
    };
    for field in [
        "public_subnet_ids",
        "private_subnet_ids",
        "isolated_subnet_ids",
    ] {
        if let Some((subnets, array)) = literal_len(field)
            && !ecs_core::ec2::vpc::imported_subnet_count(subnets, zones)
        {
            cx.error_spanned_by(
                array,
                ecs_core::ec2::vpc::imported_subnet_count_message(
                    &item.id.name,
                    field,
                    subnets,
                    zones,
                ),
            );
        }
    }
}

/// The literal string of `name`, if it is one.
fn lit_str(item: &Item, name: &str) -> Option<syn::LitStr> {
    match item.expr(name) {
        Some(Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        })) => Some(lit.clone()),
        _ => None,
    }
}

/// A role's literal name and description are ones IAM accepts, as `new Role` checks them.
fn role_literals(item: &Item, cx: &Ctxt) {
    if let Some(lit) = lit_str(item, "role_name")
        && !ecs_core::iam::role_name_valid(&lit.value())
    {
        cx.error_at(
            lit.span(),
            ecs_core::iam::role_name_message(&item.id.name, &lit.value()),
        );
    }
    if let Some(lit) = lit_str(item, "description") {
        let len = lit.value().chars().count();
        if len > ecs_core::iam::MAX_ROLE_DESCRIPTION {
            cx.error_at(
                lit.span(),
                ecs_core::iam::role_description_message(&item.id.name, len),
            );
        }
    }
}

/// An imported task definition an events rule runs states what the CDK needs to run it: its
/// network mode, and its task role unless it is known not to be Fargate-compatible.
fn imported_task_target(task: &Item, span: Span, cx: &Ctxt) {
    if task.prop("network_mode").is_none() {
        cx.error_at(
            span,
            ecs_core::ecs::task_definition::imported_task_definition_needs_message(
                &task.id.name,
                "network_mode",
                "to be run by an events rule",
            ),
        );
    }
    let compatibility = match task.prop("compatibility") {
        None => Some(Compatibility::Ec2AndFargate),
        Some(_) => Compatibility::from_variant_name(
            &enum_variant(task, "compatibility").unwrap_or_default(),
        ),
    };
    if compatibility.is_some_and(Compatibility::is_fargate) && task.prop("task_role").is_none() {
        cx.error_at(
            span,
            ecs_core::ecs::task_definition::imported_task_definition_needs_message(
                &task.id.name,
                "task_role",
                "to be run by an events rule as a fargate-compatible task",
            ),
        );
    }
}

/// An imported role's literal ARN names a role, as `Role.fromRoleArn` requires.
fn imported_role_arn(item: &Item, cx: &Ctxt) {
    if let Some(lit) = lit_str(item, "role_arn")
        && ecs_core::iam::role_name_from_arn(&lit.value()).is_none()
    {
        cx.error_at(
            lit.span(),
            ecs_core::iam::role_arn_message(&item.id.name, &lit.value()),
        );
    }
}

/// An imported service has its ARN or its name (with its cluster), as
/// `fromFargateServiceAttributes` requires; a literal ARN names a service, in the cluster
/// format when the cluster is taken from it (`fromServiceArnWithCluster`).
fn imported_service(item: &Item, cx: &Ctxt) {
    use ecs_core::ecs::imported_service as imported;
    let (arn, name) = (item.prop("service_arn"), item.prop("service_name"));
    if !item.incomplete {
        match (arn, name) {
            (Some(_), Some(p)) => cx.error_at(
                p.name.span(),
                imported::service_arn_or_name_message(&item.id.name),
            ),
            (None, None) => cx.error_at(
                item.id.span(),
                imported::service_arn_or_name_message(&item.id.name),
            ),
            (None, Some(p)) if item.prop("cluster").is_none() => cx.error_at(
                p.name.span(),
                imported::service_name_needs_cluster_message(&item.id.name),
            ),
            _ => {}
        }
    }
    let with_cluster = matches!(
        item.expr("import_cluster"),
        Some(Expr::Lit(syn::ExprLit { lit: syn::Lit::Bool(b), .. })) if b.value
    );
    if let Some(lit) = lit_str(item, "service_arn")
        && let Some(message) =
            imported::service_arn_problem(&item.id.name, &lit.value(), with_cluster)
    {
        cx.error_at(lit.span(), message);
    }
}

/// A service-managed volume's literal configuration, judged as the builders judge it (the
/// CDK's checks of sizes, IOPS and throughput per volume type, snapshot ids and rates).
fn service_managed_volume(item: &Item, cx: &Ctxt) {
    use ecs_core::ecs::service_managed_volume::{EbsDeviceVolumeType, EbsVolumeFacts};
    let Some(prop) = item.prop("managed_ebs_volume") else {
        return;
    };
    let PropValue::Object(config) = &prop.value else {
        return;
    };
    if config.incomplete {
        return;
    }
    let volume_type = match enum_variant(config, "volume_type") {
        None if config.prop("volume_type").is_some() => return,
        None => EbsDeviceVolumeType::Gp2,
        Some(v) => {
            let Some(index) = EbsDeviceVolumeType::VARIANT_NAMES
                .iter()
                .position(|n| *n == v)
            else {
                return;
            };
            [
                EbsDeviceVolumeType::Standard,
                EbsDeviceVolumeType::Io1,
                EbsDeviceVolumeType::Io2,
                EbsDeviceVolumeType::Gp2,
                EbsDeviceVolumeType::Gp3,
                EbsDeviceVolumeType::Sc1,
                EbsDeviceVolumeType::St1,
            ][index]
        }
    };
    let size = config.expr("size").map(size_literal_mib);
    let number = |name: &str| config.expr(name).map(|e| int_literal(e).map(u64::from));
    let facts = EbsVolumeFacts {
        volume_type,
        size_given: size.is_some(),
        size_unknown: matches!(size, Some(None)),
        size_gib: size.flatten().filter(|m| m % 1024 == 0).map(|m| m / 1024),
        snapshot: config.prop("snap_shot_id").is_some(),
        snapshot_literal: lit_str(config, "snap_shot_id").map(|l| l.value()),
        iops: number("iops"),
        throughput: number("throughput"),
        initialization_rate_mib: config
            .expr("volume_initialization_rate")
            .and_then(size_literal_mib),
    };
    for (property, message) in
        ecs_core::ecs::service_managed_volume::ebs_volume_problems(&item.id.name, &facts)
    {
        let span = property
            .and_then(|p| config.prop(p))
            .map_or(prop.name.span(), |p| p.name.span());
        cx.error_at(span, message);
    }
}

/// `Size::gibibytes(n)`, `Size::mebibytes(n)` or `Size::tebibytes(n)` in MiB, when literal.
fn size_literal_mib(expr: &Expr) -> Option<u64> {
    let Expr::Call(call) = expr else {
        return None;
    };
    let Expr::Path(path) = &*call.func else {
        return None;
    };
    let unit = path.path.segments.last()?.ident.to_string();
    let [arg] = call.args.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let n = u64::from(int_literal(arg)?);
    match unit.as_str() {
        "mebibytes" => Some(n),
        "gibibytes" => n.checked_mul(1024),
        "tebibytes" => n.checked_mul(1024 * 1024),
        _ => None,
    }
}

/// A listener rule's conditions and what it does: conditions, and one of `target_groups` and
/// `action`, as the CDK requires.
fn listener_rule(item: &Item, cx: &Ctxt) {
    if item.incomplete {
        return;
    }
    let empty = |name: &str| match item.expr(name) {
        Some(Expr::Array(a)) => a.elems.is_empty(),
        Some(_) => false,
        None => {
            !matches!(item.prop(name).map(|p| &p.value), Some(PropValue::Refs(r)) if !r.is_empty())
        }
    };
    if empty("conditions") {
        let span = item
            .prop("conditions")
            .map_or(item.id.span(), |p| p.name.span());
        cx.error_at(
            span,
            ecs_core::elbv2::rule_conditions_message(&item.id.name),
        );
    }
    let groups = !empty("target_groups");
    let action = item.prop("action").is_some();
    if groups == action {
        let span = item
            .prop("action")
            .map_or(item.id.span(), |p| p.name.span());
        cx.error_at(span, ecs_core::elbv2::rule_action_message(&item.id.name));
    }
}

/// `add_target_groups` of a listener: `priority` and `conditions` together (CDK
/// `checkAddRuleProps`), and on an imported listener, which takes no default action, given.
fn add_target_groups(listener: &str, imported: bool, rule: &Item, cx: &Ctxt) {
    if rule.kind.id != KindId::AddTargetGroups || rule.incomplete {
        return;
    }
    let priority = rule.prop("priority");
    let conditions = rule.prop("conditions");
    match (priority, conditions) {
        (Some(p), None) | (None, Some(p)) => cx.error_at(
            p.name.span(),
            ecs_core::elbv2::rule_props_message(&rule.id.name, listener),
        ),
        (None, None) if imported => cx.error_at(
            rule.id.span(),
            ecs_core::elbv2::imported_listener_default_message(listener, Some(&rule.id.name)),
        ),
        _ => {}
    }
}

/// An imported cluster's literal ARN names a cluster, as `Cluster.fromClusterArn` requires;
/// without an ARN it needs its name and vpc (`Cluster.fromClusterAttributes`).
fn imported_cluster_arn(item: &Item, cx: &Ctxt) {
    if item.prop("cluster_arn").is_none() {
        for required in ["cluster_name", "vpc"] {
            if item.prop(required).is_none() {
                cx.error_at(
                    item.id.span(),
                    format!(
                        "imported cluster `{}` needs `{required}`: add it, or import the cluster by `cluster_arn` alone",
                        item.id.name
                    ),
                );
            }
        }
    }
    if let Some(Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(lit),
        ..
    })) = item.expr("cluster_arn")
        && ecs_core::ecs::cluster::cluster_name_from_arn(&lit.value()).is_none()
    {
        cx.error_at(
            lit.span(),
            ecs_core::ecs::cluster::cluster_arn_message(&item.id.name, &lit.value()),
        );
    }
}

/// A stack id is the CloudFormation stack name, which CloudFormation restricts.
fn stack_name(stack: &Item, cx: &Ctxt) {
    if !rules::stack_name(&stack.id.name) {
        cx.error_at(stack.id.span(), rules::stack_name_message(&stack.id.name));
    }
}

/// The properties the builders take as a `Duration`, where a bare integer is seconds.
const DURATION_PROPERTIES: [&str; 9] = [
    "health_check_grace_period",
    "dns_ttl",
    "deregistration_delay",
    "interval",
    "timeout",
    "start_timeout",
    "stop_timeout",
    "scale_in_cooldown",
    "scale_out_cooldown",
];

/// Durations are never negative: a negative integer literal where a duration is expected, in
/// an item, its nested objects and its nested items. `owner` is the enclosing construct of an
/// object, as the builder names the construct that refuses it.
fn negative_durations(item: &Item, owner: Option<&str>, cx: &Ctxt) {
    let own = format!("{} `{}`", item.kind.noun, item.id.name);
    let owner = owner.unwrap_or(&own);
    for prop in &item.props {
        match &prop.value {
            PropValue::Expr(expr)
                if DURATION_PROPERTIES.contains(&prop.name.to_string().as_str()) =>
            {
                if let Some(seconds) = negative_int_literal(expr)
                    && !rules::duration_amount(seconds)
                {
                    cx.error_spanned_by(
                        expr,
                        rules::duration_amount_message(owner, &prop.name.to_string(), seconds),
                    );
                }
            }
            PropValue::Object(object) => negative_durations(object, Some(owner), cx),
            PropValue::Objects(objects) => {
                for object in objects {
                    negative_durations(object, Some(owner), cx);
                }
            }
            _ => {}
        }
    }
    for child in &item.children {
        negative_durations(child, None, cx);
    }
}

/// `-n` for an integer literal `n`.
fn negative_int_literal(expr: &Expr) -> Option<i64> {
    match expr {
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => match &**expr {
            Expr::Lit(syn::ExprLit {
                lit: Lit::Int(int), ..
            }) => int.base10_parse::<i64>().ok().map(|n| -n),
            _ => None,
        },
        // A negative literal token, as a declarative macro may pass one.
        Expr::Lit(syn::ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_parse::<i64>().ok().filter(|n| *n < 0),
        Expr::Paren(paren) => negative_int_literal(&paren.expr),
        Expr::Group(group) => negative_int_literal(&group.expr),
        _ => None,
    }
}

/// How a task definition kind spells its task memory, when it has one.
fn memory_property(task: &Item) -> Option<rules::MemoryProperty> {
    match task.kind.id {
        KindId::FargateTaskDefinition => Some(rules::MemoryProperty::MemoryLimitMib),
        KindId::TaskDefinition => Some(rules::MemoryProperty::MemoryMib),
        _ => None,
    }
}

/// F2 on sizes naming constants, judged by const evaluation in the expansion; unreadable size
/// literals are reported here. Literal sizes are judged with the other facts.
fn fargate_size_constants(task: &Item, consts: &mut ConstChecks, cx: &Ctxt) {
    let (Some(compatibility), Some(memory)) = (compatibility(task), memory_property(task)) else {
        return;
    };
    if !compatibility.is_fargate() {
        return;
    }
    let (Some(cpu), Some(memory_expr)) = (task.expr("cpu"), task.expr(memory.name())) else {
        return;
    };
    let cpu_operand = size_operand(task, compatibility, "cpu", cpu, rules::parse_cpu, cx);
    let memory_operand = size_operand(
        task,
        compatibility,
        memory.name(),
        memory_expr,
        rules::parse_memory,
        cx,
    );
    match (cpu_operand, memory_operand) {
        (Some(SizeOperand::Known(..)), Some(SizeOperand::Known(..))) => {}
        (Some(cpu), Some(memory_operand)) => consts.fargate_sizes.push(ConstFargateSize {
            cpu,
            memory: memory_operand,
            memory_property: memory,
        }),
        // A run-time value (or an unreadable literal, already reported): the builder checks it.
        _ => {}
    }
}

/// Reads one side of a Fargate size: a literal, a constant expression, or `None` when only the
/// run time knows it (or when the literal is unreadable, which is reported here).
fn size_operand(
    task: &Item,
    compatibility: Compatibility,
    property: &str,
    expr: &Expr,
    parse: fn(&str) -> Option<u32>,
    cx: &Ctxt,
) -> Option<SizeOperand> {
    match expr {
        Expr::Lit(lit) => {
            match &lit.lit {
                Lit::Int(int) => match int.base10_parse::<u32>() {
                    Ok(value) => Some(SizeOperand::Known(value, expr.span())),
                    Err(_) => {
                        cx.error_spanned_by(expr, format!("`{property}: {int}` is not a task size: write a whole number of {}", unit(property)));
                        None
                    }
                },
                Lit::Str(text) => match parse(&text.value()) {
                    Some(value) => Some(SizeOperand::Known(value, expr.span())),
                    None => {
                        cx.error_spanned_by(
                            expr,
                            rules::task_size_unreadable_message(
                                &task.id.name,
                                compatibility,
                                property,
                                &format!("{:?}", text.value()),
                            ),
                        );
                        None
                    }
                },
                _ => None,
            }
        }
        _ if !is_const_expr(expr) => None,
        _ if mentions_path(expr) => Some(SizeOperand::Const(expr.clone())),
        _ => Some(SizeOperand::ConstLiteral(expr.clone())),
    }
}

fn unit(property: &str) -> &'static str {
    if property == "cpu" {
        "cpu units"
    } else {
        "MiB"
    }
}

/// Whether rustc can evaluate `expr` in a `const` item: literals, named constants and operators.
/// A lowercase single name may be a local variable, which a `const` item cannot see, so only
/// `ALL_CAPS` names and paths with `::` count as constants.
fn is_const_expr(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(lit) => matches!(lit.lit, Lit::Int(_) | Lit::Str(_)),
        Expr::Path(path) if path.qself.is_none() => match path.path.get_ident() {
            Some(ident) => {
                let name = ident.to_string();
                name.chars().any(|c| c.is_ascii_uppercase())
                    && name
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            }
            None => true,
        },
        Expr::Binary(binary) => is_const_expr(&binary.left) && is_const_expr(&binary.right),
        Expr::Paren(paren) => is_const_expr(&paren.expr),
        Expr::Group(group) => is_const_expr(&group.expr),
        _ => false,
    }
}

/// Whether a constant expression names a constant (its type then comes from the constant).
fn mentions_path(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) => true,
        Expr::Binary(binary) => mentions_path(&binary.left) || mentions_path(&binary.right),
        Expr::Paren(paren) => mentions_path(&paren.expr),
        Expr::Group(group) => mentions_path(&group.expr),
        _ => false,
    }
}

fn int_literal(expr: &Expr) -> Option<u32> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_parse().ok(),
        _ => None,
    }
}

fn bool_literal(expr: &Expr) -> Option<bool> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Bool(b), ..
        }) => Some(b.value),
        _ => None,
    }
}

/// The construct a service's reference property resolved to, with the reference's span.
fn target<'a>(stack: &'a Item, service: &Item, property: &str) -> Option<(&'a Item, Span)> {
    let reference = service.reference(property)?;
    // A construct of another stack is checked by the builders.
    if reference.stack.is_some() {
        return None;
    }
    Some((&stack.children[reference.target?], reference.id.span()))
}

pub(crate) fn launch_type(service: &Item) -> LaunchType {
    match service.kind.id {
        KindId::Ec2Service => LaunchType::Ec2,
        KindId::ExternalService => LaunchType::External,
        _ => LaunchType::Fargate,
    }
}

/// A task definition's compatibility, when the macro can read it.
fn compatibility(task: &Item) -> Option<Compatibility> {
    match task.kind.id {
        KindId::Ec2TaskDefinition => Some(Compatibility::Ec2),
        KindId::ExternalTaskDefinition => Some(Compatibility::External),
        KindId::FargateTaskDefinition => Some(Compatibility::Fargate),
        KindId::TaskDefinition => {
            Compatibility::from_variant_name(&enum_variant(task, "compatibility")?)
        }
        _ => None,
    }
}

/// The variant written for an enum property, bare or as a path.
pub(crate) fn enum_variant(item: &Item, name: &str) -> Option<String> {
    match item.prop(name).map(|p| &p.value) {
        Some(PropValue::Enum(EnumValue::Variant(_, v) | EnumValue::Path(v, _))) => {
            Some(v.to_string())
        }
        _ => None,
    }
}

/// The rules' view of a service: its task definition and cluster when declared in its stack,
/// and what its literals say.
fn service_facts<'a>(stack: &'a Item, service: &'a Item) -> ServiceFacts<'a, Site> {
    let mut facts = ServiceFacts::new(&service.id.name, launch_type(service));
    facts.task = target(stack, service, "task_definition").map(|(task, span)| ServiceTask {
        id: &task.id.name,
        at: Site::at(span),
        compatibility: compatibility(task),
        essential: task
            .children_of(KindId::Container)
            .map(|c| bool_fact(c, "essential"))
            .collect(),
        needs_platform_1_4: needs_platform_1_4(task),
    });
    facts.cluster = target(stack, service, "cluster").map(|(cluster, span)| ServiceCluster {
        id: &cluster.id.name,
        at: Site::at(span),
        // Every way to give a cluster instances; an imported cluster has them unless it says
        // otherwise, as the CDK assumes.
        has_ec2_capacity: if cluster.kind.id == KindId::ImportedCluster {
            !matches!(
                bool_fact(cluster, "has_ec2_capacity"),
                Fact::Known(false, _)
            )
        } else {
            cluster.children.iter().any(|c| {
                matches!(
                    c.kind.id,
                    KindId::Capacity | KindId::AddAutoScalingGroup | KindId::AddAsgCapacityProvider
                )
            })
        },
    });
    facts.daemon = bool_fact(service, "daemon");
    facts.desired_count = named_fact(service, "desired_count");
    facts.min_healthy_percent = u32_fact(service, "min_healthy_percent");
    facts.max_healthy_percent = u32_fact(service, "max_healthy_percent");
    facts.circuit_breaker = named_fact(service, "circuit_breaker");
    facts.cloud_map_options = named_fact(service, "cloud_map_options");
    facts.associate_cloud_map_service = named_fact(service, "associate_cloud_map_service");
    facts.placement_strategies = listed_fact(service, "placement_strategies");
    facts.cluster_namespace = target(stack, service, "cluster").and_then(|(cluster, span)| {
        cluster
            .prop("default_cloud_map_namespace")
            .or(cluster.prop("existing_default_cloud_map_namespace"))
            .map(|_| (cluster.id.name.as_str(), Site::at(span)))
    });
    facts.platform_version = match service.expr("platform_version") {
        Some(expr) => match expr {
            Expr::Lit(syn::ExprLit {
                lit: Lit::Str(version),
                ..
            }) => Fact::Known(Cow::Owned(version.value()), Site::of(expr)),
            _ => Fact::Runtime,
        },
        None => Fact::Absent,
    };
    facts
}

/// A string property, known when a string literal, blamed on the literal.
pub(crate) fn str_fact<'a>(item: &Item, property: &str) -> Fact<Cow<'a, str>, Site> {
    match item.expr(property) {
        Some(expr) => match str_literal(expr) {
            Some(text) => Fact::Known(Cow::Owned(text), Site::of(expr)),
            None => Fact::Runtime,
        },
        None if item.prop(property).is_some() => Fact::Runtime,
        None => Fact::Absent,
    }
}

/// A boolean property.
pub(crate) fn bool_fact(item: &Item, property: &str) -> Fact<bool, Site> {
    match item.prop(property).map(|p| &p.value) {
        Some(PropValue::Expr(expr)) => match bool_literal(expr) {
            Some(b) => Fact::Known(b, Site::of(expr)),
            None => Fact::Runtime,
        },
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    }
}

/// A property whose presence matters, blamed on its name.
pub(crate) fn named_fact(item: &Item, property: &str) -> Fact<(), Site> {
    match item.prop(property) {
        Some(prop) => Fact::Known((), Site::at(prop.name.span())),
        None => Fact::Absent,
    }
}

// ---- capacity ----

/// C1 and C2 on a cluster: its `add_capacity` items, the groups it adds, its default strategy.
fn cluster_capacity(stack: &Item, cluster: &Item, consts: &mut ConstChecks, cx: &Ctxt) {
    for capacity in cluster.children_of(KindId::Capacity) {
        report(capacity_facts(capacity).violations(), cx);
        capacity_size_constants(capacity, consts);
    }
    for added in &cluster.children {
        let group = match added.kind.id {
            KindId::AddAutoScalingGroup => same_stack(stack, added.target.as_ref()),
            // A provider's instances join the cluster as its group's do.
            KindId::AddAsgCapacityProvider => same_stack(stack, added.target.as_ref())
                .and_then(|p| same_stack(stack, p.reference("auto_scaling_group"))),
            _ => None,
        };
        let Some(group) = group else {
            continue;
        };
        // The group's own sizes are judged where it is declared.
        let mut facts = CapacityFacts::new(&group.id.name, Site::at(added.id.span()));
        facts.spot_price = named_fact(group, "spot_price");
        facts.spot_instance_draining = flag_fact(added, "spot_instance_draining");
        report(facts.violations(), cx);
    }
    if let Some(prop) = cluster.prop("default_capacity_provider_strategy") {
        strategies(&cluster.id.name, cluster, prop, cx);
    }
}

/// The construct of this stack a reference names, when resolved.
fn same_stack<'a>(stack: &'a Item, reference: Option<&Reference>) -> Option<&'a Item> {
    let reference = reference.filter(|r| r.stack.is_none())?;
    Some(&stack.children[reference.target?])
}

/// The C1 view of an `add_capacity` item or an `auto_scaling_group`, from its literals.
fn capacity_facts(group: &Item) -> CapacityFacts<'_, Site> {
    let mut facts = CapacityFacts::new(&group.id.name, Site::at(group.id.span()));
    facts.machine_image = named_fact(group, "machine_image");
    facts.machine_image_type = named_fact(group, "machine_image_type");
    facts.spot_price = named_fact(group, "spot_price");
    facts.spot_instance_draining = flag_fact(group, "spot_instance_draining");
    facts.min_capacity = u32_fact(group, "min_capacity");
    facts.max_capacity = u32_fact(group, "max_capacity");
    facts.desired_capacity = u32_fact(group, "desired_capacity");
    facts
}

/// A whole-number operand of a const check: a literal, a constant expression, or `Err` for a
/// value only the run time knows (the builders check it).
fn capacity_operand(item: &Item, name: &str) -> Result<Option<CapacityOperand>, ()> {
    match item.expr(name) {
        None => Ok(None),
        Some(expr) => match int_literal(expr) {
            Some(v) => Ok(Some(CapacityOperand::Known(v, expr.span()))),
            None if is_const_expr(expr) => Ok(Some(CapacityOperand::Const(expr.clone()))),
            None => Err(()),
        },
    }
}

/// Whether an operand is a constant expression.
fn is_const_operand(operand: &Option<CapacityOperand>) -> bool {
    matches!(operand, Some(CapacityOperand::Const(_)))
}

/// C1 on sizes written with constants, left to const evaluation (literals are judged by the
/// facts view, run-time values by the builders).
fn capacity_size_constants(group: &Item, consts: &mut ConstChecks) {
    let (Ok(min), Ok(max), Ok(desired)) = (
        capacity_operand(group, "min_capacity"),
        capacity_operand(group, "max_capacity"),
        capacity_operand(group, "desired_capacity"),
    ) else {
        return;
    };
    if [&min, &max, &desired].into_iter().any(is_const_operand) {
        consts
            .capacity_sizes
            .push(ConstCapacitySize { min, max, desired });
    }
}

/// C1 on an `auto_scaling_group`: its sizes.
fn auto_scaling_group(group: &Item, consts: &mut ConstChecks, cx: &Ctxt) {
    report(capacity_facts(group).violations(), cx);
    capacity_size_constants(group, consts);
}

/// The CDK's checks of a `managed_instances_capacity_provider`, on literals: at least one
/// security group, no reserved name, allowed or excluded instance types, Spot or On-Demand
/// price protection; and a provider that creates its instance profile is added to a cluster.
fn managed_instances_provider(stack: &Item, provider: &Item, cx: &Ctxt) {
    use ecs_core::ecs::managed_instances as mi;
    let id = &provider.id.name;
    if let Some(prop) = provider.prop("security_groups")
        && matches!(&prop.value, PropValue::Refs(refs) if refs.is_empty())
    {
        cx.error_at(prop.name.span(), mi::security_groups_message(id));
    }
    if let Some(lit) = lit_str(provider, "capacity_provider_name")
        && ["aws", "ecs", "fargate"]
            .iter()
            .any(|p| lit.value().starts_with(p))
    {
        cx.error_at(lit.span(), mi::reserved_name_message(id, &lit.value()));
    }
    if let Some(PropValue::Object(requirements)) =
        provider.prop("instance_requirements").map(|p| &p.value)
    {
        let non_empty = |name: &str| matches!(requirements.expr(name), Some(Expr::Array(a)) if !a.elems.is_empty());
        if non_empty("allowed_instance_types")
            && let Some(second) = requirements.prop("excluded_instance_types")
            && non_empty("excluded_instance_types")
        {
            cx.error_at(
                second.name.span(),
                mi::instance_requirements_message(
                    id,
                    mi::InstanceRequirementsError::AllowedAndExcluded,
                ),
            );
        }
        if requirements
            .prop("spot_max_price_percentage_over_lowest_price")
            .is_some()
            && let Some(second) =
                requirements.prop("on_demand_max_price_percentage_over_lowest_price")
        {
            cx.error_at(
                second.name.span(),
                mi::instance_requirements_message(
                    id,
                    mi::InstanceRequirementsError::SpotAndOnDemandPrice,
                ),
            );
        }
    }
    let added = stack
        .children
        .iter()
        .filter(|i| i.kind.id == KindId::Cluster)
        .flat_map(|c| c.children_of(KindId::AddManagedInstancesCapacityProvider))
        .any(|a| &a.id.name == id);
    if !added && provider.prop("ec2_instance_profile").is_none() && !provider.incomplete {
        cx.error_at(provider.id.span(), mi::unassociated_message(id));
    }
}

/// C2 on an `asg_capacity_provider`: managed termination protection needs managed scaling.
fn termination_protection_needs_scaling(provider: &Item, cx: &Ctxt) {
    let mut facts = ProviderFacts::new(&provider.id.name, Site::at(provider.id.span()));
    facts.enable_managed_scaling = bool_fact(provider, "enable_managed_scaling");
    facts.enable_managed_termination_protection =
        bool_fact(provider, "enable_managed_termination_protection");
    report(facts.violations(), cx);
}

/// C2 on a service's strategies, against its cluster's providers.
fn service_strategies(stack: &Item, service: &Item, cx: &Ctxt) {
    let Some(prop) = service.prop("capacity_provider_strategies") else {
        return;
    };
    let Some((cluster, _)) = target(stack, service, "cluster") else {
        return;
    };
    strategies(&service.id.name, cluster, prop, cx);
}

/// C2 on the strategy `prop` of `owner`, placing tasks on `cluster`: the providers of the app
/// are judged against the cluster's; other names may be providers made outside the app, which
/// the builders judge.
fn strategies(owner: &str, cluster: &Item, prop: &Prop, cx: &Ctxt) {
    let PropValue::Strategies(StrategiesValue::List(items)) = &prop.value else {
        return;
    };
    // What the cluster has, when the macro can know it.
    let fargate_enabled = match cluster.expr("enable_fargate_capacity_providers") {
        None => Some(false),
        Some(e) => bool_literal(e),
    };
    let mut registered: Vec<&str> = cluster
        .children_of(KindId::AddAsgCapacityProvider)
        .chain(cluster.children_of(KindId::AddManagedInstancesCapacityProvider))
        .map(|c| c.id.name.as_str())
        .collect();
    if fargate_enabled == Some(true) {
        registered.extend(["FARGATE", "FARGATE_SPOT"]);
    }
    let names: Vec<Option<String>> = items
        .iter()
        .map(|s| match s.prop("capacity_provider").map(|p| &p.value) {
            Some(PropValue::Provider(ProviderValue::Expr(Expr::Lit(syn::ExprLit {
                lit: Lit::Str(name),
                ..
            })))) => Some(name.value()),
            _ => None,
        })
        .collect();
    let mut facts = StrategyFacts::new(owner, &cluster.id.name, Site::at(prop.name.span()));
    facts.entries = items
        .iter()
        .zip(&names)
        .map(|(s, name)| StrategyEntry {
            base: u32_fact(s, "base"),
            provider: strategy_provider(s, name.as_ref(), fargate_enabled, &registered),
        })
        .collect();
    report(facts.violations(), cx);
}

/// A provider of a strategy entry, as far as the macro knows it; `name` is its string literal.
fn strategy_provider<'a>(
    s: &'a Item,
    name: Option<&'a String>,
    fargate_enabled: Option<bool>,
    registered: &[&str],
) -> Fact<StrategyProvider<'a>, Site> {
    let Some(prop) = s.prop("capacity_provider") else {
        return Fact::Absent;
    };
    // Providers of the app are judged now; names only when the cluster's Fargate providers
    // are known (other names may be providers made outside the app).
    let (name, fargate, at, judged) = match (&prop.value, name) {
        // The reference's own name: the provider may be of another stack.
        (PropValue::Provider(ProviderValue::Ref(r)), _) if r.target.is_some() => {
            (r.id.name.as_str(), false, Site::at(r.id.span()), true)
        }
        (PropValue::Provider(ProviderValue::Expr(expr)), Some(name)) => {
            let fargate = name.contains("FARGATE");
            let judged = fargate && fargate_enabled.is_some();
            (name.as_str(), fargate, Site::of(expr), judged)
        }
        _ => return Fact::Runtime,
    };
    let on_cluster = judged.then(|| rules::strategy_provider_registered(name, registered));
    Fact::Known(
        StrategyProvider {
            name,
            fargate,
            on_cluster,
        },
        at,
    )
}

/// Reports the violations of a facts view.
fn report(violations: Vec<Violation<Site>>, cx: &Ctxt) {
    for violation in violations {
        cx.error_at_site(violation.at, violation.message);
    }
}

/// A boolean flag whose value matters, blamed on its name.
fn flag_fact(item: &Item, property: &str) -> Fact<bool, Site> {
    match (
        item.prop(property),
        item.expr(property).and_then(bool_literal),
    ) {
        (Some(prop), Some(b)) => Fact::Known(b, Site::at(prop.name.span())),
        (Some(_), None) => Fact::Runtime,
        (None, _) => Fact::Absent,
    }
}

// ---------------------------------------------------------------------------------------------
// ---- services, load balancers, Cloud Map: S4, X1, L1, L2, F4, M1 ----

/// The task definition item a service runs, when it is in the same stack.
fn service_task<'a>(stack: &'a Item, service: &Item) -> Option<&'a Item> {
    target(stack, service, "task_definition").map(|(t, _)| t)
}

/// A task definition's network mode as written, else the default of its compatibility (defined
/// in `ecs-core`, as the builders use it); `None` when the macro cannot read either.
pub(crate) fn network_mode(task: &Item) -> Option<NetworkMode> {
    match task.prop("network_mode").map(|p| &p.value) {
        Some(PropValue::Enum(EnumValue::Variant(_, v) | EnumValue::Path(v, _))) => {
            NetworkMode::from_variant_name(&v.to_string())
        }
        Some(_) => None,
        None => compatibility(task).map(Compatibility::default_network_mode),
    }
}

/// The container named `name` (its `container_name`, else its id).
fn container<'a>(task: &'a Item, name: &str) -> Option<&'a Item> {
    task.children_of(KindId::Container)
        .find(|c| container_name(c) == name)
}

/// The names of a task definition's containers, for suggestions.
fn container_names(task: &Item) -> Vec<String> {
    task.children_of(KindId::Container)
        .map(container_name)
        .collect()
}

/// `names` as the `&str` list the rules take.
fn as_strs(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
}

fn container_name(c: &Item) -> String {
    match c.expr("container_name") {
        Some(Expr::Lit(syn::ExprLit {
            lit: Lit::Str(s), ..
        })) => s.value(),
        _ => c.id.name.clone(),
    }
}

/// The name of a `PropType::Name` property with its span.
fn name_prop(item: &Item, name: &str) -> Option<(String, Span)> {
    match item.prop(name).map(|p| &p.value) {
        Some(PropValue::Name(id)) => Some((id.text(), id.span())),
        _ => None,
    }
}

/// The rules' view of the task definition a service runs, for its targets and registrations.
fn served_task(task: &Item) -> ServedTask<'_, Site> {
    ServedTask {
        id: &task.id.name,
        network_mode: network_mode(task),
        containers: task
            .children_of(KindId::Container)
            .map(container_facts)
            .collect(),
        // A broken container may have the name a target gives.
        containers_complete: !task.incomplete,
    }
}

/// The container a target or registration names in `property`, else the default one.
fn container_pick<'a>(item: &Item, property: &str) -> ContainerPick<'a, Site> {
    match item.prop(property).map(|p| &p.value) {
        Some(PropValue::Name(id)) => {
            ContainerPick::Named(Cow::Owned(id.text()), Site::at(id.span()))
        }
        Some(_) => ContainerPick::Runtime,
        None => ContainerPick::Default,
    }
}

/// A `protocol` property.
fn protocol_fact(item: &Item) -> Fact<Protocol, Site> {
    match item.prop("protocol").map(|p| &p.value) {
        Some(PropValue::Enum(EnumValue::Variant(_, v) | EnumValue::Path(v, _))) => {
            match v.to_string().as_str() {
                "Tcp" => Fact::Known(Protocol::Tcp, Site::at(v.span())),
                "Udp" => Fact::Known(Protocol::Udp, Site::at(v.span())),
                _ => Fact::Runtime,
            }
        }
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    }
}

/// A container's `port_mappings`, `None` when the list is an expression.
fn port_mapping_facts(container: &Item) -> Option<Vec<PortMappingFact<'_, Site>>> {
    let list = match container.prop("port_mappings").map(|p| &p.value) {
        None => return Some(Vec::new()),
        Some(PropValue::PortMappings(PortMappingsValue::List(list))) => list,
        Some(_) => return None,
    };
    let mappings = list.iter().map(|mapping| match mapping {
        PortMappingValue::Port(expr) => PortMappingFact::port(match int_literal(expr) {
            Some(port) => Fact::Known(port, Site::of(expr)),
            None => Fact::Runtime,
        }),
        PortMappingValue::Object(object) => PortMappingFact {
            container_port: u32_fact(object, "container_port"),
            host_port: u32_fact(object, "host_port"),
            protocol: protocol_fact(object),
            container_port_range: str_fact(object, "container_port_range"),
            name: str_fact(object, "name"),
            app_protocol: named_fact(object, "app_protocol"),
        },
    });
    Some(mappings.collect())
}

/// X1, F4, L2 and L1 on the targets of a listener's `add_targets`,
/// `register_load_balancer_targets` or a classic load balancer.
fn load_balancer_targets(stack: &Item, item: &Item, classic: bool, cx: &Ctxt) {
    use crate::model::TargetValue;
    // (service reference, container object or register item)
    let mut targets: Vec<(&crate::model::Reference, Option<&Item>)> = Vec::new();
    if item.kind.id == KindId::RegisterTargets
        && let Some(r) = item.reference("service")
    {
        targets.push((r, Some(item)));
    }
    if let Some(PropValue::Targets(list)) = item.prop("targets").map(|p| &p.value) {
        for t in list {
            match t {
                TargetValue::Service(r) => targets.push((r, None)),
                TargetValue::Object(o) => {
                    if let Some(r) = o.reference("service") {
                        targets.push((r, Some(o)));
                    }
                }
            }
        }
    }
    for (reference, object) in targets {
        let (Some(index), None) = (reference.target, reference.stack) else {
            continue;
        };
        let service = &stack.children[index];
        let at = Site::at(reference.id.span());
        let mut facts = TargetFacts::new(&service.id.name, at, launch_type(service));
        facts.classic = classic.then_some(item.id.name.as_str());
        facts.task = service_task(stack, service).map(served_task);
        if let Some(object) = object {
            facts.container = container_pick(object, "container_name");
            facts.container_port = u32_fact(object, "container_port");
            facts.protocol = protocol_fact(object);
        }
        report(facts.violations(), cx);
    }
}

/// M1 on a service's `cloud_map_options`: records that fit the network mode, SRV records on a
/// mapped port, a namespace.
fn cloud_map(stack: &Item, service: &Item, cx: &Ctxt) {
    let Some(prop) = service.prop("cloud_map_options") else {
        return;
    };
    let PropValue::Object(options) = &prop.value else {
        return;
    };
    let at = Site::at(prop.name.span());
    let mut facts = RegistrationFacts::new(&service.id.name, at, launch_type(service));
    // A broken property may be the one missing.
    let written = |item: &Item, property: &str| match named_fact(item, property) {
        Fact::Absent if item.incomplete => Fact::Runtime,
        fact => fact,
    };
    facts.namespace = written(options, "cloud_map_namespace");
    facts.cluster = target(stack, service, "cluster").map(|(cluster, _)| {
        let namespace = written(cluster, "default_cloud_map_namespace");
        (cluster.id.name.as_str(), namespace)
    });
    facts.task = service_task(stack, service).map(served_task);
    facts.dns_record_type = match options.prop("dns_record_type").map(|p| &p.value) {
        Some(PropValue::Enum(EnumValue::Variant(_, v) | EnumValue::Path(v, _))) => {
            match DnsRecordType::from_variant_name(&v.to_string()) {
                Some(record) => Fact::Known(record, Site::at(v.span())),
                None => Fact::Runtime,
            }
        }
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    };
    facts.container = container_pick(options, "container");
    facts.container_port = u32_fact(options, "container_port");
    report(facts.violations(), cx);
}

/// M2 on a service's `service_connect_configuration`: a namespace, port mapping names of its
/// task definition, distinct discovery names, ports in range, a certificate authority ARN.
fn service_connect(stack: &Item, service: &Item, cx: &Ctxt) {
    let Some(prop) = service.prop("service_connect_configuration") else {
        return;
    };
    let PropValue::Object(config) = &prop.value else {
        return;
    };
    let mut facts = ServiceConnectFacts::new(&service.id.name, Site::at(prop.name.span()));
    // A broken property may be the one missing.
    let written = |item: &Item, property: &str| match named_fact(item, property) {
        Fact::Absent if item.incomplete => Fact::Runtime,
        fact => fact,
    };
    facts.namespace = written(config, "namespace");
    facts.cluster = target(stack, service, "cluster").and_then(|(cluster, _)| {
        match written(cluster, "default_cloud_map_namespace") {
            Fact::Runtime => None,
            namespace => Some((cluster.id.name.as_str(), namespace.is_written())),
        }
    });
    facts.task = service_task(stack, service).map(served_task);
    facts.log_driver = written(config, "log_driver");
    facts.access_log_configuration = named_fact(config, "access_log_configuration");
    facts.services = match config.prop("services").map(|p| &p.value) {
        None => Some(Vec::new()),
        Some(PropValue::Objects(services)) if !config.incomplete => Some(
            services
                .iter()
                .map(|svc| ConnectServiceFacts {
                    port_mapping_name: str_fact(svc, "port_mapping_name"),
                    discovery_name: str_fact(svc, "discovery_name"),
                    port: u32_fact(svc, "port"),
                    ingress_port_override: u32_fact(svc, "ingress_port_override"),
                    aws_pca_authority_arn: match svc.prop("tls").map(|p| &p.value) {
                        Some(PropValue::Object(tls)) => str_fact(tls, "aws_pca_authority_arn"),
                        _ => Fact::Absent,
                    },
                })
                .collect(),
        ),
        Some(_) => None,
    };
    report(facts.violations(), cx);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::TokenStream;
    use quote::quote;

    fn check_str(tokens: TokenStream) -> (ConstChecks, Vec<String>) {
        let cx = Ctxt::new();
        let entries = crate::parse::parse(tokens, &cx);
        let mut stacks = crate::model::build(entries, &cx);
        crate::resolve::resolve(&mut stacks, &cx);
        let consts = check(&stacks, &cx);
        (
            consts,
            cx.into_errors().iter().map(ToString::to_string).collect(),
        )
    }

    fn errors(tokens: TokenStream) -> Vec<String> {
        check_str(tokens).1
    }

    #[test]
    fn fargate_without_memory_is_rejected() {
        assert_eq!(
            errors(quote! { stack S { fargate_task_definition TaskDef { cpu: 256 } } }),
            [
                "fargate task definition `TaskDef` needs `memory_limit_mib`: add `cpu` and `memory_limit_mib`, e.g. `cpu: 256, memory_limit_mib: 512`"
            ]
        );
        assert_eq!(
            errors(quote! { stack S { fargate_task_definition TaskDef {} } }),
            [
                "fargate task definition `TaskDef` needs `cpu` and `memory_limit_mib`: add `cpu` and `memory_limit_mib`, e.g. `cpu: 256, memory_limit_mib: 512`"
            ]
        );
    }

    #[test]
    fn a_misspelt_size_is_not_reported_again_as_missing() {
        assert_eq!(
            errors(
                quote! { stack S { fargate_task_definition T { cpu: 256, memroy_limit_mib: 512 } } }
            ),
            [
                "unknown fargate_task_definition property `memroy_limit_mib`: did you mean `memory_limit_mib`?"
            ]
        );
    }

    #[test]
    fn fargate_literal_pairs_are_checked_with_units() {
        assert_eq!(
            errors(
                quote! { stack S { fargate_task_definition T { cpu: 256, memory_limit_mib: 4096 } } }
            ),
            [
                "fargate task definition `T` cannot use `memory_limit_mib: 4096` with `cpu: 256`: use 512, 1024 or 2048"
            ]
        );
        assert_eq!(
            errors(
                quote! { stack S { fargate_task_definition T { cpu: 300, memory_limit_mib: 512 } } }
            ),
            [
                "fargate task definition `T` cannot use `cpu: 300`: use 256, 512, 1024, 2048, 4096, 8192 or 16384"
            ]
        );
        assert!(errors(quote! { stack S { fargate_task_definition T { cpu: "1 vCPU", memory_limit_mib: "2 GB" } } }).is_empty());
        assert_eq!(
            errors(
                quote! { stack S { fargate_task_definition T { cpu: "1 cpu", memory_limit_mib: "2 GB" } } }
            ),
            [
                "fargate task definition `T` cannot read `cpu: \"1 cpu\"`: write cpu units (`256`) or vCPUs (`\"1 vCPU\"`)"
            ]
        );
    }

    #[test]
    fn fargate_constants_are_left_to_const_evaluation_and_locals_to_the_builder() {
        let (consts, errors) = check_str(quote! { stack S {
            fargate_task_definition A { cpu: CPU, memory_limit_mib: 512 }
            fargate_task_definition B { cpu: sizes::CPU, memory_limit_mib: 256 * 2 }
            fargate_task_definition C { cpu: cpu, memory_limit_mib: 512 }
            fargate_task_definition D { cpu: cpu(), memory_limit_mib: MEMORY }
        } });
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(consts.fargate_sizes.len(), 2);
        assert!(matches!(
            consts.fargate_sizes[0].memory,
            SizeOperand::Known(512, _)
        ));
        assert!(matches!(
            consts.fargate_sizes[1].memory,
            SizeOperand::ConstLiteral(_)
        ));
    }

    #[test]
    fn fargate_network_mode_must_be_awsvpc() {
        assert_eq!(
            errors(
                quote! { stack S { fargate_task_definition T { cpu: 256, memory_limit_mib: 512, network_mode: NetworkMode::Bridge } } }
            ),
            [
                "fargate task definition `T` cannot use `network_mode: Bridge`: fargate runs only `AwsVpc`; remove `network_mode` or set it to `AwsVpc`"
            ]
        );
        assert!(errors(quote! { stack S { fargate_task_definition T { cpu: 256, memory_limit_mib: 512, network_mode: AwsVpc } } }).is_empty());
    }

    #[test]
    fn ec2_containers_state_memory() {
        assert_eq!(
            errors(quote! { stack S { ec2_task_definition T {
                container a { image: i(), memory_reservation_mib: m() }
                container b { image: i() }
            } } }),
            [
                "container `b` of ec2 task definition `T` needs `memory_limit_mib` or `memory_reservation_mib`: add one, e.g. `memory_limit_mib: 512`"
            ]
        );
    }

    const CLUSTER: &str =
        "cluster C { add_capacity A { instance_type: \"t2.micro\" } } cluster Empty {}";

    fn service_errors(body: &str) -> Vec<String> {
        let tokens: TokenStream = format!("stack S {{ {CLUSTER} {body} }}").parse().unwrap();
        errors(tokens)
    }

    #[test]
    fn services_run_compatible_task_definitions() {
        assert_eq!(
            service_errors(
                "fargate_task_definition F { cpu: 256, memory_limit_mib: 512, container c { image: i() } } ec2_service Svc { cluster: C, task_definition: F }"
            ),
            [
                "ec2 service `Svc` cannot run task definition `F`, which is fargate only: declare `F` with `ec2_task_definition`, or make the service a `fargate_service`"
            ]
        );
        assert_eq!(
            service_errors(
                "ec2_task_definition E { container c { image: i(), memory_limit_mib: 512 } } fargate_service Svc { cluster: C, task_definition: E }"
            ),
            [
                "fargate service `Svc` cannot run task definition `E`, which is ec2 only: declare `E` with `fargate_task_definition`, or make the service an `ec2_service`"
            ]
        );
    }

    #[test]
    fn services_need_an_essential_container() {
        assert_eq!(
            service_errors(
                "ec2_task_definition E { container c { image: i(), memory_limit_mib: 512, essential: false } } ec2_service Svc { cluster: C, task_definition: E }"
            ),
            [
                "task definition `E` has no essential container: add a `container`, or set `essential: true` on one"
            ]
        );
        assert!(service_errors("ec2_task_definition E { container c { image: i(), memory_limit_mib: 512, essential: is_it() } } ec2_service Svc { cluster: C, task_definition: E }").is_empty());
    }

    #[test]
    fn ec2_services_need_capacity_unless_daemon() {
        assert_eq!(
            service_errors(
                "ec2_task_definition E { container c { image: i(), memory_limit_mib: 512 } } ec2_service Svc { cluster: Empty, task_definition: E }"
            ),
            [
                "ec2 service `Svc` needs ec2 capacity in cluster `Empty`: add `add_capacity`, `add_auto_scaling_group` or `add_asg_capacity_provider` to `Empty`"
            ]
        );
        assert!(service_errors("ec2_task_definition E { container c { image: i(), memory_limit_mib: 512 } } ec2_service Svc { cluster: Empty, task_definition: E, daemon: true }").is_empty());
    }

    fn target_errors(container: TokenStream, target: TokenStream) -> Vec<String> {
        errors(quote! { stack S {
            vpc Vpc {}
            cluster C { vpc: Vpc }
            fargate_task_definition T { cpu: 256, memory_limit_mib: 512, #container }
            fargate_service Svc { cluster: C, task_definition: T }
            network_load_balancer LB {
                vpc: Vpc,
                listener L { port: 53, add_targets DNS { port: 53, targets: [#target] } }
            }
        } })
    }

    #[test]
    fn a_target_protocol_known_only_at_run_time_is_left_to_the_builder() {
        let web = quote! { container web { image: i(), port_mappings: [{ container_port: 53, protocol: Udp }] } };
        assert_eq!(
            target_errors(
                web.clone(),
                quote! { { service: Svc, container_name: web, container_port: 53 } }
            ),
            [
                "container `web` of service `Svc` has no tcp port mapping for 53: add `53` to its `port_mappings` or target a mapped port"
            ]
        );
        assert!(
            target_errors(
                web.clone(),
                quote! { { service: Svc, container_name: web, container_port: 53, protocol: Udp } }
            )
            .is_empty()
        );
        assert!(target_errors(web, quote! { { service: Svc, container_name: web, container_port: 53, protocol: protocol() } }).is_empty());
    }

    #[test]
    fn a_default_target_is_the_first_essential_containers_first_port_over_tcp() {
        let containers = quote! {
            container sidecar { image: i(), essential: false, port_mappings: [80] }
            container web { image: i(), port_mappings: [{ container_port: 53, protocol: Udp }, 80] }
        };
        assert_eq!(
            target_errors(containers, quote! { Svc }),
            [
                "container `web` of service `Svc` has no tcp port mapping for 53: add `53` to its `port_mappings` or target a mapped port"
            ]
        );
    }
}

// ---- task definitions, containers, images, environment ----

/// The rules of `ecs_core::facts` on a task definition and its containers, then the container
/// references.
pub fn check_task_definition(task: &Item, cx: &Ctxt) {
    let Some(facts) = task_facts(task) else {
        return;
    };
    report(facts.violations(), cx);
    container_references(task, cx);
}

/// The rules' view of a task definition, from what its literals say: a value written as an
/// expression the macro cannot read is known only at run time.
fn task_facts(task: &Item) -> Option<TaskFacts<'_, Site>> {
    let mut facts = TaskFacts::new(
        &task.id.name,
        Site::at(task.id.span()),
        compatibility(task)?,
    );
    facts.network_mode = match task.prop("network_mode").map(|p| &p.value) {
        Some(PropValue::Enum(EnumValue::Variant(_, v) | EnumValue::Path(v, _))) => {
            match NetworkMode::from_variant_name(&v.to_string()) {
                Some(mode) => Fact::Known(mode, Site::at(v.span())),
                None => Fact::Runtime,
            }
        }
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    };
    facts.cpu = size_fact(task, "cpu", rules::parse_cpu);
    if let Some(memory) = memory_property(task) {
        facts.memory_property = memory;
        facts.memory = size_fact(task, memory.name(), rules::parse_memory);
    }
    facts.ephemeral_storage_gib = u32_fact(task, "ephemeral_storage_gib");
    facts.runtime_platform = listed_fact(task, "runtime_platform");
    facts.fault_injection = bool_fact(task, "enable_fault_injection");
    facts.proxy_configuration = named_fact(task, "proxy_configuration");
    facts.pid_mode = match task.prop("pid_mode").map(|p| &p.value) {
        Some(PropValue::Enum(EnumValue::Variant(_, v) | EnumValue::Path(v, _))) => {
            match v.to_string().as_str() {
                "Task" => Fact::Known(PidMode::Task, Site::at(v.span())),
                "Host" => Fact::Known(PidMode::Host, Site::at(v.span())),
                _ => Fact::Runtime,
            }
        }
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    };
    facts.ipc_mode = named_fact(task, "ipc_mode");
    facts.os_family = os_family_fact(task);
    facts.placement_constraints = listed_fact(task, "placement_constraints");
    facts.inference_accelerators = listed_fact(task, "inference_accelerators");
    facts.accelerator_devices = match task.expr("inference_accelerators") {
        Some(expr @ Expr::Array(_)) => list_elements(expr)
            .map(|e| first_str_arg(e, "new"))
            .collect(),
        Some(_) => None,
        None => Some(Vec::new()),
    };
    if let Some(expr) = task.expr("volumes") {
        for element in list_elements(expr) {
            let Some((function, name)) = volume_call(element) else {
                continue;
            };
            let host_bound = match function.as_str() {
                "host" => Some("host"),
                "docker" => Some("docker"),
                _ => None,
            };
            facts.volumes.push(VolumeFact {
                name,
                host_bound,
                at: Site::of(element),
            });
        }
    }
    facts.containers = task
        .children_of(KindId::Container)
        .map(container_facts)
        .collect();
    Some(facts)
}

/// A container's view: its memory, cpu and privileges as written.
fn container_facts(container: &Item) -> ContainerFacts<'_, Site> {
    let mut facts = ContainerFacts::new(&container.id.name, Site::at(container.id.span()));
    facts.name = Cow::Owned(container_name(container));
    facts.essential = bool_fact(container, "essential");
    facts.port_mappings = port_mapping_facts(container);
    facts.memory_limit_mib = u32_fact(container, "memory_limit_mib");
    facts.memory_reservation_mib = u32_fact(container, "memory_reservation_mib");
    if container.incomplete && !facts.memory_reservation_mib.is_written() {
        // A misspelt property may be the memory (E1 is then left to the fix).
        facts.memory_reservation_mib = Fact::Runtime;
    }
    facts.cpu = u32_fact(container, "cpu");
    facts.privileged = bool_fact(container, "privileged");
    if container.prop("linux_parameters").is_some() {
        // Read by the builders: devices and capabilities are built by method calls.
        facts.devices = Fact::Runtime;
        facts.host_capabilities = Fact::Runtime;
    }
    if let Some(expr) = container.expr("inference_accelerator_resources") {
        facts.accelerator_resources = list_elements(expr)
            .filter_map(|e| Some((str_literal(e)?, Site::of(e))))
            .collect();
    }
    if let Some(expr) = container.expr("health_check") {
        let timing = |method| match chained_seconds(expr, method) {
            Some((Some(seconds), arg)) => Fact::Known(seconds, Site::of(arg)),
            Some((None, _)) => Fact::Runtime,
            None => Fact::Absent,
        };
        facts.health_check = Fact::Known((), Site::of(expr));
        facts.health_check_interval = timing("interval");
        facts.health_check_timeout = timing("timeout");
    }
    facts.environment_count = match container.prop("environment") {
        Some(Prop {
            name,
            value: PropValue::Environment(crate::model::EnvironmentValue::Map(pairs)),
        }) => {
            // Blamed on the first variable past the limit.
            let at = match pairs.get(rules::MAX_ENVIRONMENT_VARIABLES) {
                Some((key, _)) => key.span(),
                None => name.span(),
            };
            Fact::Known(pairs.len(), Site::at(at))
        }
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    };
    facts.restart_enabled = bool_fact(container, "enable_restart_policy");
    facts.restart_ignored_exit_codes = list_len_fact(container, "restart_ignored_exit_codes");
    facts.restart_attempt_period = match container.expr("restart_attempt_period") {
        Some(expr) => match duration_seconds(expr) {
            Some(seconds) => Fact::Known(u64::from(seconds), Site::of(expr)),
            None => Fact::Runtime,
        },
        None => Fact::Absent,
    };
    facts.credential_specs = list_len_fact(container, "credential_specs");
    facts.log_driver = match container.expr("logging") {
        Some(expr) => match log_driver_name(expr) {
            Some(driver) => Fact::Known(driver, Site::of(expr)),
            None => Fact::Runtime,
        },
        None => Fact::Absent,
    };
    facts
}

/// A task size: a whole number, or a unit string read as the builder reads it. A size left
/// out of an item with a broken property may be the broken one: not judged as absent.
pub(crate) fn size_fact(
    task: &Item,
    property: &str,
    parse: fn(&str) -> Option<u32>,
) -> Fact<u32, Site> {
    let Some(prop) = task.prop(property) else {
        return if task.incomplete {
            Fact::Runtime
        } else {
            Fact::Absent
        };
    };
    let value = match &prop.value {
        PropValue::Expr(Expr::Lit(lit)) => match &lit.lit {
            Lit::Int(int) => int.base10_parse().ok(),
            Lit::Str(text) => parse(text.value().trim()),
            _ => None,
        },
        _ => None,
    };
    match (value, &prop.value) {
        (Some(v), PropValue::Expr(expr)) => Fact::Known(v, Site::of(expr)),
        _ => Fact::Runtime,
    }
}

/// A whole-number property.
pub(crate) fn u32_fact(item: &Item, property: &str) -> Fact<u32, Site> {
    match item.prop(property).map(|p| &p.value) {
        Some(PropValue::Expr(expr)) => match int_literal(expr) {
            Some(v) => Fact::Known(v, Site::of(expr)),
            None => Fact::Runtime,
        },
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    }
}

/// The operating system family `runtime_platform` states: read from
/// `.operating_system_family(OperatingSystemFamily::X)` in its expression; absent when the
/// property is, or when it is a `RuntimePlatform` chain that never sets the family.
fn os_family_fact(task: &Item) -> Fact<OperatingSystemFamily, Site> {
    let Some(expr) = task.expr("runtime_platform") else {
        return match task.prop("runtime_platform") {
            Some(_) => Fact::Runtime,
            None => Fact::Absent,
        };
    };
    let text = quote::ToTokens::to_token_stream(expr).to_string();
    let Some(at) = text.find("operating_system_family") else {
        return if text.starts_with("RuntimePlatform :: default ()") && !text.contains('{') {
            Fact::Absent
        } else {
            Fact::Runtime
        };
    };
    let rest = &text[at..];
    let family = rest
        .split("OperatingSystemFamily ::")
        .nth(1)
        .and_then(|r| {
            r.trim_start()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
        })
        .and_then(OperatingSystemFamily::from_variant_name);
    match family {
        Some(family) => Fact::Known(family, Site::of(expr)),
        None => Fact::Runtime,
    }
}

/// A property whose presence matters (a list, when not written empty), blamed on its name.
fn listed_fact(item: &Item, property: &str) -> Fact<(), Site> {
    match item.prop(property) {
        Some(prop) => match &prop.value {
            PropValue::Expr(Expr::Array(array)) if array.elems.is_empty() => Fact::Absent,
            _ => Fact::Known((), Site::at(prop.name.span())),
        },
        None => Fact::Absent,
    }
}

/// `links`, `container_dependencies` and `volumes_from` name containers of the same task
/// definition, declared before or after the container: each literal name is checked on its
/// token; other values are left to the builders, which check them at synthesis.
fn container_references(task: &Item, cx: &Ctxt) {
    let containers: Vec<&Item> = task.children_of(KindId::Container).collect();
    // A name written as an expression, or a broken container, may be the one meant.
    let names_known = containers.iter().all(|c| {
        !c.incomplete
            && c.expr("container_name")
                .is_none_or(|e| str_literal(e).is_some())
    });
    if task.incomplete || !names_known {
        return;
    }
    let names = container_names(task);
    let names = as_strs(&names);
    for container in &containers {
        let mut references: Vec<(&str, String, &Expr)> = Vec::new();
        for prop in &container.props {
            let PropValue::ContainerRefs(ContainerRefsValue::List(elements)) = &prop.value else {
                continue;
            };
            let (property, constructor) = match prop.name.to_string().as_str() {
                "links" => ("links", "Link"),
                "container_dependencies" => ("container_dependencies", "ContainerDependency"),
                "volumes_from" => ("volumes_from", "VolumeFrom"),
                _ => continue,
            };
            for element in elements {
                match element {
                    // Ids were resolved with the other references.
                    ContainerElement::Container(ContainerValue::Ref(_)) => {}
                    ContainerElement::Container(ContainerValue::Expr(e)) => {
                        if let Some(text) = str_literal(e) {
                            // A link string is `name` or `name:alias`.
                            let name = match property {
                                "links" => rules::linked_container(&text).to_string(),
                                _ => text,
                            };
                            references.push((property, name, e));
                        } else if let Some((name, arg)) = constructed_with_str(e, constructor) {
                            references.push((property, name, arg));
                        }
                    }
                    ContainerElement::Object(object) => {
                        for p in &object.props {
                            if let PropValue::Container(ContainerValue::Expr(e)) = &p.value
                                && let Some(name) = str_literal(e)
                            {
                                references.push((property, name, e));
                            }
                        }
                    }
                }
            }
        }
        for (property, name, token) in references {
            if !rules::container_reference_known(&name, &names) {
                cx.error_spanned_by(
                    token,
                    rules::unknown_container_reference_message(
                        property,
                        &container_name(container),
                        &name,
                        &task.id.name,
                        &names,
                    ),
                );
            }
        }
    }
}

/// In `Type::new("text", …)`, possibly followed by builder calls
/// (`ContainerDependency::new("init").condition(…)`), the literal and its token.
fn constructed_with_str<'a>(expr: &'a Expr, ty: &str) -> Option<(String, &'a Expr)> {
    let mut at = expr;
    while let Expr::MethodCall(call) = at {
        at = &call.receiver;
    }
    let Expr::Call(call) = at else {
        return None;
    };
    let Expr::Path(path) = &*call.func else {
        return None;
    };
    let mut segments = path.path.segments.iter().rev();
    let (function, owner) = (segments.next()?, segments.next()?);
    if function.ident != "new" || owner.ident != ty {
        return None;
    }
    let arg = call.args.first()?;
    Some((str_literal(arg)?, arg))
}

/// The elements of an array expression; nothing for other expressions.
fn list_elements(expr: &Expr) -> Box<dyn Iterator<Item = &Expr> + '_> {
    match expr {
        Expr::Array(array) => Box::new(array.elems.iter()),
        _ => Box::new(std::iter::empty()),
    }
}

pub(crate) fn str_literal(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s.value()),
        _ => None,
    }
}

/// `Type::function("text", …)`: the function's name and its first argument when a literal.
pub(crate) fn call_with_str(expr: &Expr) -> Option<(String, String)> {
    let Expr::Call(call) = expr else {
        return None;
    };
    let Expr::Path(path) = &*call.func else {
        return None;
    };
    let function = path.path.segments.last()?.ident.to_string();
    let first = str_literal(call.args.first()?)?;
    Some((function, first))
}

/// `Volume::host("name", …)` and the like: the constructor and the volume name.
fn volume_call(expr: &Expr) -> Option<(String, String)> {
    call_with_str(expr)
}

/// The first string argument of a call to `function` (e.g. `InferenceAccelerator::new("device1", …)`).
fn first_str_arg(expr: &Expr, function: &str) -> Option<String> {
    call_with_str(expr)
        .filter(|(f, _)| f == function)
        .map(|(_, a)| a)
}

/// How many elements a list property written as an array literal has, blamed on the
/// array; `Runtime` for any other expression.
fn list_len_fact(item: &Item, property: &str) -> Fact<usize, Site> {
    match item.expr(property) {
        Some(Expr::Array(array)) => Fact::Known(array.elems.len(), Site::of(array)),
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    }
}

/// A service's deployment strategy settings, as literals tell them: linear and canary steps
/// under their strategy and in range, whole-minute bake times, hooks only with the ECS
/// controller (the CDK's checks, which the builders make too).
fn deployment_strategy(service: &Item, cx: &Ctxt) {
    use ecs_core::ecs::deployment_strategy::{DeploymentStrategy, TrafficShiftConfig};
    let strategy = match enum_variant(service, "deployment_strategy") {
        Some(v) => match v.as_str() {
            "Rolling" => Some(DeploymentStrategy::Rolling),
            "BlueGreen" => Some(DeploymentStrategy::BlueGreen),
            "Linear" => Some(DeploymentStrategy::Linear),
            "Canary" => Some(DeploymentStrategy::Canary),
            _ => return,
        },
        // Not known while compiling.
        None if service.prop("deployment_strategy").is_some() => return,
        None => None,
    };
    for (property, canary) in [
        ("linear_configuration", false),
        ("canary_configuration", true),
    ] {
        let Some(prop) = service.prop(property) else {
            continue;
        };
        let Some(expr) = service.expr(property) else {
            continue;
        };
        let mut config = TrafficShiftConfig::default();
        if let Some(p) = chained_number(expr, "step_percent") {
            config = config.step_percent(p);
        }
        if let Some((Some(seconds), _)) = chained_seconds(expr, "step_bake_time") {
            config = config.step_bake_time(ecs_core::Duration::seconds(seconds));
        }
        let problems = ecs_core::ecs::deployment_strategy::traffic_shift_problems(
            &service.id.name,
            strategy,
            canary,
            &config,
        );
        for message in problems {
            cx.error_at(prop.name.span(), message);
        }
    }
    if let Some(prop) = service.prop("lifecycle_hooks")
        && enum_variant(service, "deployment_controller").is_some_and(|c| c != "Ecs")
    {
        cx.error_at(
            prop.name.span(),
            ecs_core::ecs::service::lifecycle_hooks_message(&service.id.name),
        );
    }
}

/// In a builder chain, the number literal given to `method`, if any.
fn chained_number(expr: &Expr, method: &str) -> Option<f64> {
    let mut at = expr;
    while let Expr::MethodCall(call) = at {
        if call.method == method {
            return match call.args.first()? {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Float(f), ..
                }) => f.base10_parse().ok(),
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Int(i), ..
                }) => i.base10_parse().ok(),
                _ => None,
            };
        }
        at = &call.receiver;
    }
    None
}

/// The seconds of `Duration::seconds(n)`, `minutes(n)`, `hours(n)` or a bare number.
fn duration_seconds(expr: &Expr) -> Option<u32> {
    if let Some(n) = int_literal(expr) {
        return Some(n);
    }
    let Expr::Call(c) = expr else {
        return None;
    };
    let (Expr::Path(p), Some(n)) = (&*c.func, c.args.first().and_then(int_literal)) else {
        return None;
    };
    match p.path.segments.last()?.ident.to_string().as_str() {
        "seconds" => Some(n),
        "minutes" => n.checked_mul(60),
        "hours" => n.checked_mul(3600),
        _ => None,
    }
}

/// In a builder chain `HealthCheck::default().interval(Duration::seconds(10))`, the seconds
/// given to `method` when a literal (`None` when the value is not one), with the argument.
fn chained_seconds<'a>(expr: &'a Expr, method: &str) -> Option<(Option<u32>, &'a Expr)> {
    let mut at = expr;
    while let Expr::MethodCall(call) = at {
        if call.method == method {
            let arg = call.args.first()?;
            let seconds = match arg {
                Expr::Call(c) => match (&*c.func, c.args.first().and_then(int_literal)) {
                    (Expr::Path(p), Some(n)) => {
                        match p.path.segments.last()?.ident.to_string().as_str() {
                            "seconds" => Some(n),
                            "minutes" => n.checked_mul(60),
                            "hours" => n.checked_mul(3600),
                            _ => None,
                        }
                    }
                    _ => None,
                },
                _ => None,
            };
            return Some((seconds, arg));
        }
        at = &call.receiver;
    }
    None
}

// F6: what a task definition uses that needs a newer Fargate platform.

/// What a task definition item uses that needs Fargate platform version 1.4.0, in the order
/// `TaskDefinition::needs_platform_1_4` looks.
fn needs_platform_1_4(task: &Item) -> Option<&'static str> {
    use crate::model::EnvironmentValue;
    if task.prop("ephemeral_storage_gib").is_some() {
        return Some("`ephemeral_storage_gib`");
    }
    if task.prop("pid_mode").is_some() {
        return Some("`pid_mode`");
    }
    for c in task.children_of(KindId::Container) {
        if let Some(PropValue::Environment(EnvironmentValue::Map(pairs))) =
            c.prop("secrets").map(|p| &p.value)
            && pairs.iter().any(|(_, value)| reads_json_field(value))
        {
            return Some("a secret read from a JSON field");
        }
        if c.prop("environment_files").is_some() {
            return Some("`environment_files`");
        }
    }
    None
}

/// `Secret::from_secrets_manager_field(…)`, or `from_secrets_manager_version` with a field.
fn reads_json_field(expr: &Expr) -> bool {
    let Expr::Call(call) = expr else {
        return false;
    };
    let Expr::Path(path) = &*call.func else {
        return false;
    };
    let Some(function) = path.path.segments.last().map(|s| s.ident.to_string()) else {
        return false;
    };
    match function.as_str() {
        "from_secrets_manager_field" => true,
        "from_secrets_manager_version" => call
            .args
            .iter()
            .nth(3)
            .is_some_and(|field| str_literal(field).is_some()),
        "from_secrets_manager_version_info" => call
            .args
            .iter()
            .nth(2)
            .is_some_and(|field| str_literal(field).is_some()),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// ---- log drivers, ECS Exec, auto-scaling, scheduled tasks: F5, G1, A1, X1, G5 ----

/// The rules of events rules, task auto-scaling and ECS Exec on one stack.
fn observability(stack: &Item, consts: &mut ConstChecks, cx: &Ctxt) {
    let mut scaled: Vec<usize> = Vec::new();
    for item in &stack.children {
        match item.kind.id {
            KindId::Cluster => exec_configuration(item, cx),
            KindId::AutoScaleTaskCount => task_scaling(stack, item, &mut scaled, consts, cx),
            KindId::Rule => events_rule(stack, item, cx),
            _ => {}
        }
    }
}

/// The Docker driver a `LogDriver::<ctor>(…)` call configures, when the macro can tell.
fn log_driver_name(expr: &Expr) -> Option<&'static str> {
    let Expr::Call(call) = expr else {
        return None;
    };
    let Expr::Path(path) = &*call.func else {
        return None;
    };
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let [.., ty, ctor] = segments.as_slice() else {
        return None;
    };
    if ty != "LogDriver" && ty != "LogDrivers" {
        return None;
    }
    ecs_core::ecs::log_driver::LogDriver::constructor_driver(ctor)
}

/// G1 on a cluster's `execute_command_configuration` as written. A property left out of a
/// configuration with a broken property may be the broken one: not judged as absent.
fn exec_configuration(cluster: &Item, cx: &Ctxt) {
    let Some(PropValue::Object(config)) = cluster
        .prop("execute_command_configuration")
        .map(|p| &p.value)
    else {
        return;
    };
    let unless_broken = |item: &Item, fact| match fact {
        Fact::Absent if item.incomplete => Fact::Runtime,
        fact => fact,
    };
    let mut facts = ExecFacts::new(&cluster.id.name, Site::at(config.id.span()));
    facts.logging = match config.prop("logging").map(|p| &p.value) {
        Some(PropValue::Enum(EnumValue::Variant(_, v) | EnumValue::Path(v, _))) => {
            match ExecuteCommandLogging::from_variant_name(&v.to_string()) {
                Some(logging) => Fact::Known(logging, Site::at(v.span())),
                None => Fact::Runtime,
            }
        }
        Some(_) => Fact::Runtime,
        None if config.incomplete => Fact::Runtime,
        None => Fact::Absent,
    };
    facts.log_configuration = unless_broken(config, named_fact(config, "log_configuration"));
    if let Some(PropValue::Object(log)) = config.prop("log_configuration").map(|p| &p.value) {
        facts.cloud_watch_encryption_enabled = flag_fact(log, "cloud_watch_encryption_enabled");
        facts.cloud_watch_log_group = unless_broken(log, named_fact(log, "cloud_watch_log_group"));
        facts.s3_encryption_enabled = flag_fact(log, "s3_encryption_enabled");
        facts.s3_bucket = unless_broken(log, named_fact(log, "s3_bucket"));
    }
    report(facts.violations(), cx);
}

/// A schedule written as a string literal.
fn schedule_lit(item: &Item) -> Option<&syn::LitStr> {
    match item.prop("schedule").map(|p| &p.value) {
        Some(PropValue::Schedule(Expr::Lit(syn::ExprLit {
            lit: Lit::Str(lit), ..
        }))) => Some(lit),
        _ => None,
    }
}

/// G5 on a schedule written as a string literal; whether it passed (or is not a literal).
fn schedule_literal(item: &Item, cx: &Ctxt) -> bool {
    let Some(lit) = schedule_lit(item) else {
        return true;
    };
    let valid = rules::schedule_expression(&lit.value());
    if !valid {
        cx.error_at(lit.span(), rules::schedule_expression_message(&lit.value()));
    }
    valid
}

/// G5 (events rules): a rule fires on `rate(…)` or `cron(…)`, never on `at(…)`.
fn events_rule_schedule(rule: &Item, cx: &Ctxt) {
    let Some(lit) = schedule_lit(rule) else {
        return;
    };
    if !rules::events_rule_schedule(&lit.value()) {
        cx.error_at(
            lit.span(),
            rules::events_rule_schedule_message(&rule.id.name, &lit.value()),
        );
    }
}

/// A1, X1 and G5 on `auto_scale_task_count` and its policies.
fn task_scaling(
    stack: &Item,
    scaling: &Item,
    scaled: &mut Vec<usize>,
    consts: &mut ConstChecks,
    cx: &Ctxt,
) {
    let Some(reference) = &scaling.target else {
        return;
    };
    let Some(index) = reference.target.filter(|_| reference.stack.is_none()) else {
        return;
    };
    let service = &stack.children[index];
    let mut facts = TaskScalingFacts::new(
        &service.id.name,
        Site::at(reference.id.span()),
        launch_type(service),
    );
    facts.min_capacity = u32_fact(scaling, "min_capacity");
    facts.max_capacity = u32_fact(scaling, "max_capacity");
    for policy in &scaling.children {
        match policy.kind.id {
            KindId::ScaleOnSchedule => {
                // A capacity left out of a broken action may be the broken property.
                let capacity = |name| match u32_fact(policy, name) {
                    Fact::Absent if policy.incomplete => Fact::Runtime,
                    fact => fact,
                };
                facts.policies.push(ScalingPolicyFacts::Schedule {
                    id: &policy.id.name,
                    at: Site::at(policy.id.span()),
                    min_capacity: capacity("min_capacity"),
                    max_capacity: capacity("max_capacity"),
                });
            }
            KindId::ScaleOnRequestCount => {
                if let Some((group, at)) = counted_group(stack, policy, index) {
                    facts.policies.push(ScalingPolicyFacts::RequestCount {
                        id: &policy.id.name,
                        target_group: Fact::Known(group, at),
                    });
                }
            }
            _ => {}
        }
    }
    let violations = facts.violations();
    // An external service cannot scale: nothing else is judged.
    if violations.iter().any(|v| v.rule == RuleId::X1) {
        report(violations, cx);
        return;
    }
    if scaled.contains(&index) {
        cx.error_at(
            reference.id.span(),
            rules::duplicate_task_scaling_message(&service.id.name),
        );
    }
    scaled.push(index);
    report(violations, cx);
    task_scaling_constants(scaling, consts);
    for policy in scaling.children_of(KindId::ScaleOnSchedule) {
        // `at(…)` stays valid here: scheduled scaling takes one-time actions.
        schedule_literal(policy, cx);
    }
}

/// A1 on task-count bounds written with constants, left to const evaluation (literals are
/// judged by the facts view, run-time values by the builders).
fn task_scaling_constants(scaling: &Item, consts: &mut ConstChecks) {
    let (Ok(min), Ok(Some(max))) = (
        capacity_operand(scaling, "min_capacity"),
        capacity_operand(scaling, "max_capacity"),
    ) else {
        return;
    };
    if is_const_operand(&min) || matches!(max, CapacityOperand::Const(_)) {
        consts.task_scaling.push(ConstTaskScaling { min, max });
    }
}

/// The target group a request-count policy reads, as rule A1 sees it, with the span of its
/// name; `None` when the macro cannot tell which group or what it serves.
fn counted_group(stack: &Item, policy: &Item, service: usize) -> Option<(CountedGroup, Site)> {
    use crate::model::TargetValue;
    let Some(PropValue::TargetGroup(group)) = policy.prop("target_group").map(|p| &p.value) else {
        return None;
    };
    let (lb, l, t) = group.path?;
    let load_balancer = &stack.children[lb];
    let targets = &load_balancer.children[l].children[t];
    if targets.incomplete {
        return None;
    }
    let serves_service = match targets.prop("targets").map(|p| &p.value) {
        Some(PropValue::Targets(list)) => list.iter().any(|t| {
            let reference = match t {
                TargetValue::Service(r) => Some(r),
                TargetValue::Object(o) => o.reference("service"),
            };
            reference.is_some_and(|r| r.target == Some(service) && r.stack.is_none())
        }),
        _ => false,
    };
    let counted = CountedGroup {
        application: matches!(
            load_balancer.kind.id,
            KindId::ApplicationLoadBalancer | KindId::ImportedApplicationLoadBalancer
        ),
        serves_service,
    };
    Some((counted, Site::at(group.id.span())))
}

/// G5 and the container overrides of an events rule.
fn events_rule(stack: &Item, rule: &Item, cx: &Ctxt) {
    if schedule_literal(rule, cx) {
        events_rule_schedule(rule, cx);
    }
    if !rule.incomplete && rule.prop("schedule").is_none() && rule.prop("event_pattern").is_none() {
        cx.error_at(rule.id.span(), rules::rule_trigger_message(&rule.id.name));
    }
    let Some(PropValue::Objects(targets)) = rule.prop("targets").map(|p| &p.value) else {
        return;
    };
    for target in targets {
        let Some((task, span)) = self::target(stack, target, "task_definition") else {
            continue;
        };
        if task.incomplete {
            continue;
        }
        if task.kind.id == KindId::ImportedTaskDefinition {
            // Its containers are unknown, as to the CDK.
            imported_task_target(task, span, cx);
            continue;
        }
        let Some(PropValue::Objects(overrides)) =
            target.prop("container_overrides").map(|p| &p.value)
        else {
            continue;
        };
        for o in overrides {
            let Some((name, span)) = name_prop(o, "container_name") else {
                continue;
            };
            if container(task, &name).is_none() {
                cx.error_at(
                    span,
                    rules::container_override_message(
                        &name,
                        &task.id.name,
                        &as_strs(&container_names(task)),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod observability_tests {
    use super::*;
    use proc_macro2::TokenStream;
    use quote::quote;

    fn errors(tokens: TokenStream) -> Vec<String> {
        let cx = Ctxt::new();
        let entries = crate::parse::parse(tokens, &cx);
        let mut stacks = crate::model::build(entries, &cx);
        crate::resolve::resolve(&mut stacks, &cx);
        let _ = check(&stacks, &cx);
        cx.into_errors().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn fargate_refuses_drivers_it_does_not_run_and_ec2_takes_them() {
        let errors = errors(quote! { stack S {
            fargate_task_definition F { cpu: 256, memory_limit_mib: 512,
                container a { image: img(), logging: log_driver::LogDriver::json_file(Default::default()) }
                container b { image: img(), logging: LogDriver::splunk(props()) }
                container c { image: img(), logging: my_driver() }
            }
            ec2_task_definition E { container a { image: img(), memory_limit_mib: 256, logging: LogDriver::syslog(Default::default()) } }
        } });
        assert_eq!(
            errors,
            [
                "container `a` of a fargate task definition cannot log with `json-file`: fargate supports the awslogs, splunk and firelens drivers"
            ]
        );
    }

    #[test]
    fn scaling_may_name_its_service_and_a_later_construct_may_reuse_nothing() {
        let errors = errors(quote! { stack S {
            cluster C {}
            fargate_task_definition T { cpu: 256, memory_limit_mib: 512, container web { image: img() } }
            auto_scale_task_count Svc { max_capacity: 2 }
            fargate_service Svc { cluster: C, task_definition: T }
        } });
        assert_eq!(
            errors,
            [
                "`Svc` is declared after `auto_scale_task_count Svc`: declare `Svc` before `auto_scale_task_count Svc`"
            ]
        );
    }

    #[test]
    fn exec_encryption_is_judged_when_logging_is_a_run_time_value() {
        let errors = errors(quote! { stack S {
            cluster C { execute_command_configuration: {
                logging: logging(),
                log_configuration: { s3_encryption_enabled: true },
            } }
        } });
        assert_eq!(
            errors,
            [
                "cluster `C` sets exec `s3_encryption_enabled` without `s3_bucket`: add `s3_bucket`, or remove `s3_encryption_enabled`"
            ]
        );
    }

    #[test]
    fn run_time_bounds_are_left_to_the_builder() {
        let errors = errors(quote! { stack S {
            cluster C {}
            fargate_task_definition T { cpu: 256, memory_limit_mib: 512, container web { image: img() } }
            fargate_service Svc { cluster: C, task_definition: T }
            auto_scale_task_count Svc { min_capacity: min(), max_capacity: 1 }
        } });
        assert!(errors.is_empty(), "{errors:?}");
    }
}
