//! Stage 4, continued: lints and policies. The built-in lints of `ecs_core::ecs::lints` judge
//! the literal values of each cluster, task definition, container and service at the level
//! the attributes around it set (`#![deny(…)]` at the top of the app or a stack, `#[allow(…,
//! reason = "…")]` before an item): `deny` and `forbid` are errors on the offending token,
//! `warn` a compiler warning there. Policies (`#![policy(container = f)]`) become const
//! checks, so the platform team's `const fn` runs while compiling.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use ecs_core::ecs::cluster::ContainerInsights;
use ecs_core::ecs::lints::{
    ClusterView, ContainerView, Finding, Level, ServiceView, TaskView, lower_forbid_message,
    members, names, reported, unknown_name_message,
};
use ecs_core::ecs::task_definition::PidMode;
use ecs_core::facts::Fact;
use ecs_core::rules;
use ecs_core::schema::KindId;

use crate::check::{
    bool_fact, call_with_str, enum_variant, launch_type, named_fact, network_mode, size_fact,
    str_literal, u32_fact,
};
use crate::ctxt::{Ctxt, Site};
use crate::model::{EnvironmentValue, Item, LintAttr, PolicyKind, PropValue};

/// What the expansion emits for the lints: warnings and policy checks.
#[derive(Default)]
pub struct LintOutput {
    /// `(lint, token, message)` of each finding at `warn`.
    pub warnings: Vec<(&'static str, Span, String)>,
    /// A `const _: () = …;` per policy and construct it judges.
    pub policies: Vec<TokenStream>,
}

/// The attributes in force at an item: the stack's (with the app's first), then each
/// enclosing item's, then the item's own.
type Chain<'a> = Vec<&'a [LintAttr]>;

/// Judges every construct of every stack.
pub fn lint(stacks: &[Item], cx: &Ctxt) -> LintOutput {
    let mut out = LintOutput::default();
    let policy_names: Vec<String> = stacks
        .iter()
        .flat_map(|s| attrs_of_tree(s))
        .filter_map(|a| match a {
            LintAttr::Policy { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    for stack in stacks {
        check_names(stack, &vec![], &policy_names, cx);
        let chain: Chain = vec![&stack.attrs];
        for item in &stack.children {
            let mut chain = chain.clone();
            chain.push(&item.attrs);
            lint_item(item, &chain, cx, &mut out);
        }
    }
    out
}

/// Every attribute of `item` and the items under it.
fn attrs_of_tree(item: &Item) -> Vec<&LintAttr> {
    let mut out: Vec<&LintAttr> = item.attrs.iter().collect();
    for child in &item.children {
        out.extend(attrs_of_tree(child));
    }
    out
}

/// Names every level attribute names must be lints, groups or policies; none may lower a
/// `forbid` in force around it.
fn check_names<'a>(item: &'a Item, outer: &Chain<'a>, policies: &[String], cx: &Ctxt) {
    let mut chain = outer.clone();
    chain.push(&item.attrs);
    if !outer.is_empty() {
        for attr in &item.attrs {
            let tag = matches!(attr, LintAttr::Tag { .. } | LintAttr::Override { .. });
            let placed = if let LintAttr::Override { .. } = attr {
                outer.len() == 1
                    && (matches!(item.kind.build, ecs_core::schema::Build::Construct(..))
                        || item.kind.id == KindId::CfnResource)
            } else if tag {
                // Tags go on constructs the expansion holds a handle of (a raw resource takes
                // them and, as in the CDK, is not reached by them).
                (outer.len() == 1
                    && (matches!(item.kind.build, ecs_core::schema::Build::Construct(..))
                        || item.kind.id == KindId::Scope
                        || item.kind.id == KindId::CfnResource))
                    || item.kind.id == KindId::Container
            } else {
                LINTED.contains(&item.kind.id)
            };
            if !placed {
                let (what, fix) = if tag {
                    (
                        "tag and override attributes apply to the constructs of a stack (overrides not to scopes or containers)",
                        "tag the construct it belongs to, or the stack",
                    )
                } else {
                    (
                        "lint attributes apply to stacks, clusters, task definitions, containers and services",
                        "move it to the stack",
                    )
                };
                cx.error_at(
                    attr.span(),
                    format!(
                        "{what}, not to {} `{}`: {fix}",
                        item.kind.keyword, item.id.name
                    ),
                );
            }
        }
    }
    for (i, attr) in item.attrs.iter().enumerate() {
        let LintAttr::Level {
            level,
            names: written,
            ..
        } = attr
        else {
            continue;
        };
        for (name, span) in written {
            let lints = match members(name) {
                Some(lints) => lints,
                None if policies.contains(name) => vec![],
                None => {
                    let mut known: Vec<&str> = names();
                    known.extend(policies.iter().map(String::as_str));
                    cx.error_at(*span, unknown_name_message(name, &known));
                    continue;
                }
            };
            if *level < Level::Forbid {
                let before = outer.iter().flat_map(|a| a.iter()).chain(&item.attrs[..i]);
                if let Some(forbidden) = lints.iter().find(|l| forbids(before.clone(), l)) {
                    cx.error_at(*span, lower_forbid_message(*level, name, forbidden));
                }
            }
        }
    }
    for child in &item.children {
        check_names(child, &chain, policies, cx);
    }
}

/// The kinds whose constructs lints judge, besides stacks.
const LINTED: &[KindId] = &[
    KindId::Cluster,
    KindId::Ec2TaskDefinition,
    KindId::FargateTaskDefinition,
    KindId::ExternalTaskDefinition,
    KindId::TaskDefinition,
    KindId::Container,
    KindId::Ec2Service,
    KindId::FargateService,
    KindId::ExternalService,
];

/// Whether one of `attrs` forbids `lint`.
fn forbids<'a>(attrs: impl Iterator<Item = &'a LintAttr>, lint: &str) -> bool {
    attrs.into_iter().any(|a| {
        matches!(a, LintAttr::Level { level: Level::Forbid, names, .. }
            if names.iter().any(|(n, _)| members(n).is_some_and(|m| m.contains(&lint))))
    })
}

/// The level of `lint` (or of a policy's name) under `chain`: the innermost attribute naming
/// it wins, except that nothing lowers `forbid`.
fn level_of(lint: &str, chain: &Chain) -> Level {
    let mut level = Level::Allow;
    for attr in chain.iter().flat_map(|a| a.iter()) {
        if let LintAttr::Level {
            level: l, names, ..
        } = attr
            && names
                .iter()
                .any(|(n, _)| n == lint || members(n).is_some_and(|m| m.contains(&lint)))
            && level != Level::Forbid
        {
            level = *l;
        }
    }
    level
}

fn judge(findings: Vec<Finding<Site>>, chain: &Chain, cx: &Ctxt, out: &mut LintOutput) {
    for f in findings {
        match level_of(f.lint, chain) {
            Level::Allow => {}
            level @ Level::Warn => {
                out.warnings
                    .push((f.lint, f.at.first(), reported(&f.message, f.lint, level)))
            }
            level => cx.error_at_site(f.at, reported(&f.message, f.lint, level)),
        }
    }
}

fn lint_item(item: &Item, chain: &Chain, cx: &Ctxt, out: &mut LintOutput) {
    match item.kind.id {
        KindId::Cluster => {
            let view = cluster_view(item);
            judge(view.findings(), chain, cx, out);
            policies(item, chain, PolicyKind::Cluster, cluster_tokens(&view), out);
        }
        KindId::Ec2TaskDefinition
        | KindId::FargateTaskDefinition
        | KindId::ExternalTaskDefinition
        | KindId::TaskDefinition => {
            let view = task_view(item);
            judge(view.findings(), chain, cx, out);
            policies(item, chain, PolicyKind::Task, task_tokens(&view), out);
            for container in item.children_of(KindId::Container) {
                let mut chain = chain.clone();
                chain.push(&container.attrs);
                let env = environment_names(container);
                let view = container_view(item, container, &env);
                judge(view.findings(), &chain, cx, out);
                policies(
                    container,
                    &chain,
                    PolicyKind::Container,
                    container_tokens(&view),
                    out,
                );
            }
        }
        KindId::Ec2Service | KindId::FargateService | KindId::ExternalService => {
            let view = service_view(item);
            judge(view.findings(), chain, cx, out);
            policies(item, chain, PolicyKind::Service, service_tokens(&view), out);
        }
        _ => {}
    }
}

/// The const checks of the policies of `kind` in force at `item`, unless an `allow` of the
/// policy's name waives them.
fn policies(item: &Item, chain: &Chain, kind: PolicyKind, view: TokenStream, out: &mut LintOutput) {
    for attr in chain.iter().flat_map(|a| a.iter()) {
        let LintAttr::Policy {
            kind: k,
            name,
            path,
            ..
        } = attr
        else {
            continue;
        };
        if *k != kind || level_of(name, chain) == Level::Allow && waived(name, chain) {
            continue;
        }
        let span = item.id.span();
        // The runtime's alias, located at the item: const evaluation blames the panic's site.
        let p = proc_macro2::Ident::new("__ecs_p", span.resolved_at(Span::mixed_site()));
        // Locals no user item can shadow or capture.
        let view_local = proc_macro2::Ident::new("__ecs_view", Span::mixed_site());
        let message = proc_macro2::Ident::new("__ecs_message", Span::mixed_site());
        out.policies.push(quote_spanned! {span=>
            const _: () = {
                let #view_local = #view;
                match #path(&#view_local) {
                    #p::Ok(()) => {}
                    #p::Err(#message) => #p::panic!("{}", #message),
                }
            };
        });
    }
}

/// Whether an `allow` names the policy `name` in `chain`.
fn waived(name: &str, chain: &Chain) -> bool {
    chain.iter().flat_map(|a| a.iter()).any(|a| {
        matches!(a, LintAttr::Level { level: Level::Allow, names, .. } if names.iter().any(|(n, _)| n == name))
    })
}

// ---- views from literals ----

fn str_fact(item: &Item, property: &str) -> Fact<String, Site> {
    match item.prop(property).map(|p| &p.value) {
        Some(PropValue::Expr(expr)) => match str_literal(expr) {
            Some(s) => Fact::Known(s, Site::of(expr)),
            None => Fact::Runtime,
        },
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    }
}

fn borrowed(fact: &Fact<String, Site>) -> Fact<&str, Site> {
    match fact {
        Fact::Known(s, at) => Fact::Known(s.as_str(), *at),
        Fact::Runtime => Fact::Runtime,
        Fact::Absent => Fact::Absent,
    }
}

fn cluster_view(item: &Item) -> ClusterView<'_, Site> {
    let mut view = ClusterView::new(&item.id.name, Site::at(item.id.span()));
    view.container_insights = bool_fact(item, "container_insights");
    view.container_insights_v2 = match item.prop("container_insights_v2") {
        None => Fact::Absent,
        Some(p) => match enum_variant(item, "container_insights_v2").as_deref() {
            Some("Enabled") => Fact::Known(ContainerInsights::Enabled, Site::at(p.name.span())),
            Some("Enhanced") => Fact::Known(ContainerInsights::Enhanced, Site::at(p.name.span())),
            Some("Disabled") => Fact::Known(ContainerInsights::Disabled, Site::at(p.name.span())),
            _ => Fact::Runtime,
        },
    };
    view
}

fn task_view(item: &Item) -> TaskView<'_, Site> {
    let mut view = TaskView::new(&item.id.name, Site::at(item.id.span()));
    view.network_mode = match (network_mode(item), item.prop("network_mode")) {
        (Some(mode), Some(p)) => Fact::Known(mode, Site::at(p.name.span())),
        (Some(mode), None) => Fact::Known(mode, Site::at(item.id.span())),
        (None, _) => Fact::Runtime,
    };
    view.pid_mode = match (
        enum_variant(item, "pid_mode").as_deref(),
        item.prop("pid_mode"),
    ) {
        (Some("Host"), Some(p)) => Fact::Known(PidMode::Host, Site::of(&p.name)),
        (Some("Task"), Some(p)) => Fact::Known(PidMode::Task, Site::of(&p.name)),
        (_, Some(_)) => Fact::Runtime,
        (_, None) => Fact::Absent,
    };
    view.cpu = size_fact(item, "cpu", rules::parse_cpu);
    view.memory_mib = size_fact(item, "memory_limit_mib", rules::parse_memory);
    view
}

/// The names written in a container's `environment` map, with their key tokens; `None` when
/// it is an expression (or absent).
fn environment_names(container: &Item) -> Option<Vec<(String, Site)>> {
    match container.prop("environment").map(|p| &p.value) {
        Some(PropValue::Environment(EnvironmentValue::Map(pairs))) => Some(
            pairs
                .iter()
                .map(|(k, _)| (k.text(), Site::at(k.span())))
                .collect(),
        ),
        _ => None,
    }
}

struct ContainerFacts {
    image: Fact<String, Site>,
    user: Fact<String, Site>,
}

fn container_view<'a>(
    task: &'a Item,
    container: &'a Item,
    env: &'a Option<Vec<(String, Site)>>,
) -> OwnedContainerView<'a> {
    let image = match container.prop("image").map(|p| &p.value) {
        Some(PropValue::Expr(expr)) => match call_with_str(expr) {
            Some((function, name)) if function == "from_registry" => {
                Fact::Known(name, Site::of(expr))
            }
            _ => Fact::Runtime,
        },
        Some(_) => Fact::Runtime,
        None => Fact::Absent,
    };
    let facts = ContainerFacts {
        image,
        user: str_fact(container, "user"),
    };
    let env_fact = match (env, container.prop("environment")) {
        (Some(names), Some(p)) => Fact::Known(
            names.iter().map(|(n, s)| (n.clone(), *s)).collect(),
            Site::at(p.name.span()),
        ),
        (None, Some(_)) => Fact::Runtime,
        (_, None) => Fact::Absent,
    };
    OwnedContainerView {
        task,
        container,
        facts,
        env: env_fact,
    }
}

/// A container view and the strings it borrows.
struct OwnedContainerView<'a> {
    task: &'a Item,
    container: &'a Item,
    facts: ContainerFacts,
    env: Fact<Vec<(String, Site)>, Site>,
}

impl<'a> OwnedContainerView<'a> {
    fn view(&'a self, env: &'a [(&'a str, Site)]) -> ContainerView<'a, Site> {
        let c = self.container;
        let mut view = ContainerView::new(&self.task.id.name, &c.id.name, Site::at(c.id.span()));
        view.network_mode = task_view(self.task).network_mode;
        view.image = borrowed(&self.facts.image);
        view.memory_limit_mib = u32_fact(c, "memory_limit_mib");
        view.cpu = u32_fact(c, "cpu");
        view.privileged = bool_fact(c, "privileged");
        view.user = borrowed(&self.facts.user);
        view.readonly_root_filesystem = bool_fact(c, "readonly_root_filesystem");
        view.environment = match &self.env {
            Fact::Known(_, at) => Fact::Known(env, *at),
            Fact::Runtime => Fact::Runtime,
            Fact::Absent => Fact::Absent,
        };
        view.logging = named_fact(c, "logging");
        view
    }

    fn env_names(&self) -> Vec<(&str, Site)> {
        match &self.env {
            Fact::Known(names, _) => names.iter().map(|(n, s)| (n.as_str(), *s)).collect(),
            _ => Vec::new(),
        }
    }

    fn findings(&self) -> Vec<Finding<Site>> {
        let names = self.env_names();
        self.view(&names).findings()
    }
}

fn service_view(item: &Item) -> OwnedServiceView<'_> {
    OwnedServiceView {
        item,
        platform_version: str_fact(item, "platform_version"),
    }
}

struct OwnedServiceView<'a> {
    item: &'a Item,
    platform_version: Fact<String, Site>,
}

impl OwnedServiceView<'_> {
    fn view(&self) -> ServiceView<'_, Site> {
        let mut view = ServiceView::new(
            &self.item.id.name,
            Site::at(self.item.id.span()),
            launch_type(self.item),
        );
        view.assign_public_ip = bool_fact(self.item, "assign_public_ip");
        view.platform_version = borrowed(&self.platform_version);
        view.desired_count = u32_fact(self.item, "desired_count");
        view
    }

    fn findings(&self) -> Vec<Finding<Site>> {
        self.view().findings()
    }
}

// ---- views as const expressions, for policies ----

fn fact_tokens<T>(fact: Fact<T, Site>, value: impl Fn(&T) -> TokenStream) -> TokenStream {
    let p = crate::expand::private();
    match fact {
        Fact::Known(v, _) => {
            let v = value(&v);
            quote!(#p::facts::Fact::Known(#v, ()))
        }
        Fact::Runtime => quote!(#p::facts::Fact::Runtime),
        Fact::Absent => quote!(#p::facts::Fact::Absent),
    }
}

fn variant<T: std::fmt::Debug>(path: TokenStream) -> impl Fn(&T) -> TokenStream {
    move |v| {
        let ident = proc_macro2::Ident::new(&format!("{v:?}"), Span::call_site());
        quote!(#path::#ident)
    }
}

fn cluster_tokens(view: &ClusterView<'_, Site>) -> TokenStream {
    let p = crate::expand::private();
    let id = view.id;
    let v1 = fact_tokens(view.container_insights, |b| quote!(#b));
    let v2 = fact_tokens(
        view.container_insights_v2,
        variant(quote!(#p::ecs::cluster::ContainerInsights)),
    );
    quote! {
        #p::ecs::lints::ClusterView {
            container_insights: #v1,
            container_insights_v2: #v2,
            ..#p::ecs::lints::ClusterView::new(#id, ())
        }
    }
}

fn task_tokens(view: &TaskView<'_, Site>) -> TokenStream {
    let p = crate::expand::private();
    let id = view.id;
    let mode = fact_tokens(
        view.network_mode,
        variant(quote!(#p::ecs::task_definition::NetworkMode)),
    );
    let pid = fact_tokens(
        view.pid_mode,
        variant(quote!(#p::ecs::task_definition::PidMode)),
    );
    let cpu = fact_tokens(view.cpu, |v| quote!(#v));
    let memory = fact_tokens(view.memory_mib, |v| quote!(#v));
    quote! {
        #p::ecs::lints::TaskView {
            network_mode: #mode,
            pid_mode: #pid,
            cpu: #cpu,
            memory_mib: #memory,
            ..#p::ecs::lints::TaskView::new(#id, ())
        }
    }
}

fn container_tokens(owned: &OwnedContainerView<'_>) -> TokenStream {
    let p = crate::expand::private();
    let names = owned.env_names();
    let view = owned.view(&names);
    let (task, name) = (view.task, view.name);
    let mode = fact_tokens(
        view.network_mode,
        variant(quote!(#p::ecs::task_definition::NetworkMode)),
    );
    let image = fact_tokens(view.image, |s| quote!(#s));
    let memory = fact_tokens(view.memory_limit_mib, |v| quote!(#v));
    let cpu = fact_tokens(view.cpu, |v| quote!(#v));
    let privileged = fact_tokens(view.privileged, |b| quote!(#b));
    let user = fact_tokens(view.user, |s| quote!(#s));
    let readonly = fact_tokens(view.readonly_root_filesystem, |b| quote!(#b));
    let env = fact_tokens(view.environment, |vars| {
        let names = vars.iter().map(|(n, _)| n);
        quote!(&[#((#names, ())),*])
    });
    let logging = fact_tokens(view.logging, |_| quote!(()));
    quote! {
        #p::ecs::lints::ContainerView {
            network_mode: #mode,
            image: #image,
            memory_limit_mib: #memory,
            cpu: #cpu,
            privileged: #privileged,
            user: #user,
            readonly_root_filesystem: #readonly,
            environment: #env,
            logging: #logging,
            ..#p::ecs::lints::ContainerView::new(#task, #name, ())
        }
    }
}

fn service_tokens(owned: &OwnedServiceView<'_>) -> TokenStream {
    let p = crate::expand::private();
    let view = owned.view();
    let id = view.id;
    let launch = proc_macro2::Ident::new(&format!("{:?}", view.launch), Span::call_site());
    let public = fact_tokens(view.assign_public_ip, |b| quote!(#b));
    let version = fact_tokens(view.platform_version, |s| quote!(#s));
    let desired = fact_tokens(view.desired_count, |v| quote!(#v));
    quote! {
        #p::ecs::lints::ServiceView {
            assign_public_ip: #public,
            platform_version: #version,
            desired_count: #desired,
            ..#p::ecs::lints::ServiceView::new(#id, (), #p::ecs::service::LaunchType::#launch)
        }
    }
}
