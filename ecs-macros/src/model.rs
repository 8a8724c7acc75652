//! Stage 2: the syntax tree checked against the keyword table into a typed model.
//!
//! Each construct kind is one [`Kind`] entry: its keyword, the properties it knows with their value
//! shapes, the item kinds it may contain and the properties it requires. Adding a kind (an
//! `external_task_definition`, a load balancer) is adding an entry here and a builder call in
//! `expand.rs`. The model keeps the user's tokens (ids, property names, values) so later stages
//! can point at them.

use proc_macro2::Span;
use syn::{Expr, Ident};

use crate::ctxt::Ctxt;
use crate::parse::{
    AttrSyntax, Entry, FieldSyntax, IdSyntax, ItemSyntax, PropertySyntax, ValueSyntax,
};
use ecs_core::ecs::lints::Level;

pub use ecs_core::schema::{
    Build, ConnForm, EnumDef, Kind, KindId, PropDef, PropType, RefClass, Set, kind,
};

/// A construct id as the user wrote it.
#[derive(Clone)]
pub struct Id {
    /// The id text (`Cluster`, `my-cluster`).
    pub name: String,
    /// The token, for spans and for the expansion.
    pub token: IdSyntax,
}

impl Id {
    fn from_syntax(token: IdSyntax) -> Self {
        Id {
            name: token.text(),
            token,
        }
    }

    /// The span of the id token.
    pub fn span(&self) -> Span {
        self.token.span()
    }
}

/// An item of the model: a stack, a construct, or a nested construct.
pub struct Item {
    /// Its kind.
    pub kind: &'static Kind,
    /// Its id.
    pub id: Id,
    /// Its properties, in the order written, each known to the kind and given once.
    pub props: Vec<Prop>,
    /// Its nested items, in the order written.
    pub children: Vec<Item>,
    /// Whether a property was left out as unknown, duplicate or broken. Rules about missing
    /// properties skip such an item: the property may be the one misspelt.
    pub incomplete: bool,
    /// For kinds with an `id_ref`: the construct the id names, resolved later.
    pub target: Option<Reference>,
    /// Its lint attributes: for a stack, the app's inner ones then its own; for a construct,
    /// the outer ones written before it.
    pub attrs: Vec<LintAttr>,
    /// For an item of a stack written in a `scope`: the index, among the stack's items, of
    /// that scope (scopes are flattened into the stack, each before what it holds).
    pub scope: Option<usize>,
}

/// A lint attribute, as written: a level for some lints, or a policy.
pub enum LintAttr {
    /// `#[allow|warn|deny|forbid(name, …, reason = "…")]`.
    Level {
        /// The level.
        level: Level,
        /// The level's name token.
        span: Span,
        /// The lints, groups or policies named, each with its token.
        names: Vec<(String, Span)>,
        /// `reason = "…"`.
        reason: Option<String>,
        /// Written at the top of the invocation, for every stack.
        app: bool,
    },
    /// `#[tag(key = "value", …, priority = 300, include = ["AWS::ECS::Service"])]` or
    /// `#[untag(key, …)]`: CDK `Tags.of(scope).add/remove`.
    Tag {
        /// Each key with its value (`None`: removed) and token.
        pairs: Vec<(String, Option<String>, Span)>,
        /// `priority`.
        priority: Option<u32>,
        /// `include` resource types.
        include: Vec<String>,
        /// `exclude` resource types.
        exclude: Vec<String>,
        /// The attribute's name token.
        span: Span,
        /// Written at the top of the invocation, for every stack.
        app: bool,
    },
    /// An escape hatch before a construct: `#[add_override("Path", value)]`,
    /// `#[add_property_override(..)]`, `#[add_deletion_override("Path")]`,
    /// `#[add_property_deletion_override(..)]` (CDK `CfnResource.addOverride` and kin).
    Override {
        /// The builder method: `add_override`, `add_property_override`, ….
        method: &'static str,
        /// The `.`-separated path.
        path: syn::LitStr,
        /// The value; `None` for deletions.
        value: Option<Expr>,
        /// The attribute's name token.
        span: Span,
    },
    /// `#![policy(container = path::to::fn)]`.
    Policy {
        /// What the policy judges.
        kind: PolicyKind,
        /// The function's name (the path's last segment), as waivers name it.
        name: String,
        /// The path of the `const fn`.
        path: syn::Path,
        /// Written at the top of the invocation, for every stack.
        app: bool,
    },
}

impl LintAttr {
    /// Where it was written: its level's token, or its policy's path.
    pub fn span(&self) -> Span {
        match self {
            LintAttr::Level { span, .. }
            | LintAttr::Tag { span, .. }
            | LintAttr::Override { span, .. } => *span,
            LintAttr::Policy { path, .. } => syn::spanned::Spanned::span(path),
        }
    }
}

/// What a policy judges.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    /// Each container.
    Container,
    /// Each task definition.
    Task,
    /// Each service.
    Service,
    /// Each cluster.
    Cluster,
}

impl PolicyKind {
    const NAMES: [(&'static str, PolicyKind); 4] = [
        ("container", PolicyKind::Container),
        ("task_definition", PolicyKind::Task),
        ("service", PolicyKind::Service),
        ("cluster", PolicyKind::Cluster),
    ];
}

/// `#[tag(key = "value", …)]` or `#[untag(key, …)]`, with `priority`, `include` and `exclude`.
fn tag_attr(
    name: &str,
    span: Span,
    metas: syn::punctuated::Punctuated<syn::Meta, syn::Token![,]>,
    app: bool,
    cx: &Ctxt,
) -> Option<LintAttr> {
    let adding = name == "tag";
    let mut pairs = Vec::new();
    let (mut priority, mut include, mut exclude) = (None, Vec::new(), Vec::new());
    let strings = |expr: &syn::Expr| -> Option<Vec<String>> {
        let syn::Expr::Array(array) = expr else {
            return None;
        };
        array
            .elems
            .iter()
            .map(|e| match e {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            })
            .collect()
    };
    for meta in metas {
        match &meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("priority") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => {
                    priority = i.base10_parse().ok();
                }
                other => cx.error_spanned_by(other, "`priority` is a number, e.g. `priority = 300`"),
            },
            syn::Meta::NameValue(nv) if nv.path.is_ident("include") || nv.path.is_ident("exclude") => {
                match strings(&nv.value) {
                    Some(types) if nv.path.is_ident("include") => include = types,
                    Some(types) => exclude = types,
                    None => cx.error_spanned_by(
                        &nv.value,
                        "resource types are a list of strings, e.g. `include = [\"AWS::ECS::Service\"]`",
                    ),
                }
            }
            syn::Meta::NameValue(nv) if adding => {
                let key = nv.path.get_ident().map(|i| i.to_string());
                let value = match &nv.value {
                    syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
                    _ => None,
                };
                match (key, value) {
                    (Some(k), Some(v)) => pairs.push((k, Some(v), syn::spanned::Spanned::span(&nv.path))),
                    _ => cx.error_spanned_by(&meta, "a tag is `key = \"value\"`, e.g. `#[tag(team = \"api\")]`"),
                }
            }
            syn::Meta::Path(p) if !adding && p.get_ident().is_some() => {
                let ident = p.get_ident().expect("checked");
                pairs.push((ident.to_string(), None, ident.span()));
            }
            other => cx.error_spanned_by(
                other,
                if adding {
                    "expected `key = \"value\"`, `priority = N`, `include = [..]` or `exclude = [..]`"
                } else {
                    "expected a tag key, `priority = N`, `include = [..]` or `exclude = [..]`"
                },
            ),
        }
    }
    Some(LintAttr::Tag {
        pairs,
        priority,
        include,
        exclude,
        span,
        app,
    })
}

/// The lint attribute an attribute's syntax stands for; errors go to `cx`.
fn lint_attr(attr: AttrSyntax, app: bool, cx: &Ctxt) -> Vec<LintAttr> {
    let path = attr.meta.path();
    let name = path.get_ident().map(|i| i.to_string()).unwrap_or_default();
    let span = syn::spanned::Spanned::span(path);
    let syn::Meta::List(list) = &attr.meta else {
        cx.error_at(
            span,
            format!(
                "`{name}` needs its lints in parentheses, e.g. `#![deny(privileged_container)]`"
            ),
        );
        return Vec::new();
    };
    const OVERRIDES: [&str; 4] = [
        "add_override",
        "add_property_override",
        "add_deletion_override",
        "add_property_deletion_override",
    ];
    if let Some(method) = OVERRIDES.iter().find(|m| **m == name) {
        let deletion = method.contains("deletion");
        let parser = syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated;
        let args = match list.parse_args_with(parser) {
            Ok(args) => args,
            Err(error) => {
                cx.syn_error(error);
                return Vec::new();
            }
        };
        let mut args = args.into_iter();
        let path = match args.next() {
            Some(Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            })) => s,
            _ => {
                let example = if method.contains("property") {
                    "DesiredCount"
                } else {
                    "Properties.DesiredCount"
                };
                cx.error_at(
                    span,
                    format!(
                        "`{name}` takes the path as a string first, e.g. `#[{name}(\"{example}\"{})]`",
                        if deletion { "" } else { ", 2" }
                    ),
                );
                return Vec::new();
            }
        };
        let value = args.next();
        if deletion == value.is_some() || args.next().is_some() {
            cx.error_at(
                span,
                if deletion {
                    format!("`{name}` takes only the path: remove the value")
                } else {
                    format!("`{name}` takes the path and the value: `#[{name}(\"Path\", value)]`")
                },
            );
            return Vec::new();
        }
        return vec![LintAttr::Override {
            method,
            path,
            value,
            span,
        }];
    }
    let parser = syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated;
    let metas = match list.parse_args_with(parser) {
        Ok(metas) => metas,
        Err(error) => {
            cx.syn_error(error);
            return Vec::new();
        }
    };
    if name == "tag" || name == "untag" {
        return tag_attr(&name, span, metas, app, cx).into_iter().collect();
    }
    if name == "policy" {
        let mut out = Vec::new();
        for meta in metas {
            let syn::Meta::NameValue(nv) = &meta else {
                cx.error_spanned_by(&meta, "write a policy as `kind = path::to::const_fn`, e.g. `#![policy(container = our_images)]`");
                continue;
            };
            let kind_name = nv
                .path
                .get_ident()
                .map(|i| i.to_string())
                .unwrap_or_default();
            let Some((_, kind)) = PolicyKind::NAMES.iter().find(|(n, _)| *n == kind_name) else {
                let kinds: Vec<&str> = PolicyKind::NAMES.iter().map(|(n, _)| *n).collect();
                cx.error_spanned_by(
                    &nv.path,
                    format!(
                        "no policy kind `{kind_name}`: policies judge {}",
                        backticked(&kinds)
                    ),
                );
                continue;
            };
            let syn::Expr::Path(p) = &nv.value else {
                cx.error_spanned_by(
                    &nv.value,
                    "a policy is the path of a `const fn`, e.g. `our_images`",
                );
                continue;
            };
            let fn_name = p
                .path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default();
            out.push(LintAttr::Policy {
                kind: *kind,
                name: fn_name,
                path: p.path.clone(),
                app,
            });
        }
        return out;
    }
    let Some(level) = Level::from_name(&name) else {
        cx.error_at(
            span,
            format!(
                "unknown attribute `{name}`: use `allow`, `warn`, `deny`, `forbid` or `policy`"
            ),
        );
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut reason = None;
    for meta in metas {
        match &meta {
            syn::Meta::Path(p) if p.get_ident().is_some() => {
                let ident = p.get_ident().expect("checked");
                names.push((ident.to_string(), ident.span()));
            }
            syn::Meta::NameValue(nv) if nv.path.is_ident("reason") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => reason = Some(s.value()),
                other => cx.error_spanned_by(
                    other,
                    "`reason` is a string literal, e.g. `reason = \"public demo\"`",
                ),
            },
            other => cx.error_spanned_by(other, "expected a lint name or `reason = \"…\"`"),
        }
    }
    vec![LintAttr::Level {
        level,
        span,
        names,
        reason,
        app,
    }]
}

impl Item {
    /// The property named `name`, if given.
    pub fn prop(&self, name: &str) -> Option<&Prop> {
        self.props.iter().find(|p| p.name == name)
    }

    /// The property named `name` as an expression, if given as one.
    pub fn expr(&self, name: &str) -> Option<&Expr> {
        match self.prop(name).map(|p| &p.value) {
            Some(PropValue::Expr(expr)) => Some(expr),
            _ => None,
        }
    }

    /// The reference property named `name`, if given.
    pub fn reference(&self, name: &str) -> Option<&Reference> {
        match self.prop(name).map(|p| &p.value) {
            Some(PropValue::Ref(reference)) => Some(reference),
            _ => None,
        }
    }

    /// The children of kind `id`.
    pub fn children_of(&self, id: KindId) -> impl Iterator<Item = &Item> {
        self.children.iter().filter(move |c| c.kind.id == id)
    }

    /// The children of kind `id`, to fill in.
    pub fn children_of_mut(&mut self, id: KindId) -> impl Iterator<Item = &mut Item> {
        self.children.iter_mut().filter(move |c| c.kind.id == id)
    }
}

/// A property with its checked value.
pub struct Prop {
    /// The property name token; the setter of the expansion carries its span.
    pub name: Ident,
    /// The value.
    pub value: PropValue,
}

/// A property value, shaped by its [`PropType`].
pub enum PropValue {
    /// A Rust expression.
    Expr(Expr),
    /// A reference to a construct of the same stack.
    Ref(Reference),
    /// An enum value.
    Enum(EnumValue),
    /// Port mappings.
    PortMappings(PortMappingsValue),
    /// Environment variables.
    Environment(EnvironmentValue),
    /// Capacity provider strategies.
    Strategies(StrategiesValue),
    /// A capacity provider of a strategy.
    Provider(ProviderValue),
    /// An object of a kind of the table.
    Object(Item),
    /// A list of objects of a kind of the table.
    Objects(Vec<Item>),
    /// Names of declared constructs.
    Refs(Vec<Reference>),
    /// A name, expanded as a string literal.
    Name(IdSyntax),
    /// Load-balancer targets.
    Targets(Vec<TargetValue>),
    /// `Construct.attribute`, or any expression.
    Attr(AttrValue),
    /// References resolved against the whole stack, used after it is built.
    LateRefs(Vec<Reference>),
    /// A schedule: a literal expression or an expression yielding a `Schedule`.
    Schedule(Expr),
    /// The target group of an `add_targets` item.
    TargetGroup(TargetGroupRef),
    /// A container of the same task definition.
    Container(ContainerValue),
    /// Containers of the same task definition, or objects naming one.
    ContainerRefs(ContainerRefsValue),
    /// A raw resource's CloudFormation properties.
    Cfn(CfnValue),
    /// The other side of a connection.
    Peer(PeerValue),
    /// The rules of a connections property, each an object of kind [`KindId::Connection`]
    /// (bare entries become objects of their one field), in the order written.
    Connections(Vec<Item>),
}

/// The other side of a connection.
pub enum PeerValue {
    /// A construct by name.
    Ref(PeerRef),
    /// An expression yielding a peer (`Peer::ipv4("10.0.0.0/16")`) or a connectable handle.
    Expr(Expr),
}

/// A construct a connection names: `Api`, or a load balancer's listener as `ALB.Http`.
pub struct PeerRef {
    /// The construct's name.
    pub id: Id,
    /// The listener's id, for a listener inside a load balancer.
    pub member: Option<Id>,
    /// What it names, filled by `resolve`.
    pub target: Option<PeerTarget>,
}

/// Where the construct a connection names is declared.
#[derive(Clone, Copy)]
pub struct PeerTarget {
    /// The declaring stack, when not the referring one.
    pub stack: Option<usize>,
    /// The construct's index among its stack's items.
    pub item: usize,
    /// The listener's index among the load balancer's items.
    pub child: Option<usize>,
}

/// A CloudFormation value of a raw resource's properties.
pub enum CfnValue {
    /// `{ Name: value, "Name": value }`, in the order written.
    Map(Vec<(IdSyntax, CfnValue)>),
    /// `[value, …]`.
    List(Vec<CfnValue>),
    /// `Construct.attribute`, `Db.Endpoint.Address`: the construct and the attribute's parts.
    Attr(Reference, Vec<Ident>),
    /// Any other expression: a literal, or a value convertible to a CloudFormation value.
    Expr(Expr),
}

/// A container a property names.
pub enum ContainerValue {
    /// By id, as an identifier.
    Ref(ContainerReference),
    /// Any other expression: a name (`"redis"`, checked in `check` when literal) or a value
    /// the builders check.
    Expr(Expr),
}

/// A reference to a container of the task definition by its id (`links: [redis]`).
pub struct ContainerReference {
    /// The id as written.
    pub id: Id,
    /// The index of the container among the task definition's items, filled by `resolve`.
    pub target: Option<usize>,
}

/// The value of `links`, `container_dependencies` or `volumes_from`.
pub enum ContainerRefsValue {
    /// `[redis, "db:cache", { container: init, condition: Success }, expr]`.
    List(Vec<ContainerElement>),
    /// An expression yielding the list.
    Expr(Expr),
}

/// One entry of a container list.
pub enum ContainerElement {
    /// A container, by id or as an expression.
    Container(ContainerValue),
    /// `{ container: …, … }`, of the property's object kind.
    Object(Item),
}

/// A reference to the target group an `add_targets` item of a listener creates.
pub struct TargetGroupRef {
    /// The `add_targets` id as written.
    pub id: Id,
    /// Where the item is, filled by `resolve`: the load balancer's index in the stack, the
    /// listener's among the load balancer's items, the `add_targets`' among the listener's.
    pub path: Option<(usize, usize, usize)>,
}

/// The value of a capacity provider strategy property.
pub enum StrategiesValue {
    /// `[{ capacity_provider: …, weight: … }, …]`, each an item of kind
    /// [`KindId::CapacityProviderStrategy`].
    List(Vec<Item>),
    /// An expression yielding strategies.
    Expr(Expr),
}

/// The provider a strategy names.
pub enum ProviderValue {
    /// An `asg_capacity_provider` of the stack.
    Ref(Reference),
    /// An expression, e.g. `"FARGATE_SPOT"`.
    Expr(Expr),
}

/// One entry of `targets`.
pub enum TargetValue {
    /// A service: its first essential container's first port.
    Service(Reference),
    /// `{ service: …, container_name: …, container_port: … }`.
    Object(Item),
}

/// The value of an output.
pub enum AttrValue {
    /// `Construct.attribute`: a method of the construct's handle taking the app.
    Attr(Reference, Ident),
    /// Any expression convertible to a CloudFormation value.
    Expr(Expr),
}

/// A reference to a declared construct (`cluster: Cluster`).
pub struct Reference {
    /// What it may name.
    pub class: RefClass,
    /// The name as written.
    pub id: Id,
    /// The index of the named item among the stack's items, filled by `resolve` when the
    /// reference is valid.
    pub target: Option<usize>,
    /// The index of the stack declaring it, when not the referring stack (a cross-stack
    /// reference), filled by `resolve`.
    pub stack: Option<usize>,
}

/// An enum value.
pub enum EnumValue {
    /// A variant the macro knows, bare (`Bridge`): the variant token.
    Variant(&'static EnumDef, Ident),
    /// A variant the macro knows, written as a path (`NetworkMode::Bridge`): the variant token,
    /// and the path, kept as written so it resolves (and its imports count as used) in the
    /// user's scope.
    Path(Ident, Expr),
    /// Any other expression, checked by the type system and the builders.
    Expr(Expr),
}

/// The value of `port_mappings`.
pub enum PortMappingsValue {
    /// `[80, { container_port: 8080, host_port: 0 }]`.
    List(Vec<PortMappingValue>),
    /// An expression yielding port mappings.
    Expr(Expr),
}

/// One entry of a `port_mappings` list.
pub enum PortMappingValue {
    /// A container port.
    Port(Expr),
    /// `{ container_port: …, host_port: …, protocol: … }`.
    Object(Item),
}

/// The value of `environment`.
pub enum EnvironmentValue {
    /// `{ "KEY": value, NAME: value }`.
    Map(Vec<(IdSyntax, Expr)>),
    /// An expression yielding `(key, value)` pairs.
    Expr(Expr),
}

/// Builds the model of the whole invocation: the stacks, with what checked. Errors go to `cx`;
/// broken properties and items of unknown kinds are left out.
pub fn build(entries: Vec<Entry>, cx: &Ctxt) -> Vec<Item> {
    let app = kind(KindId::App);
    let (_, mut children, _, inner) = build_body(app, "the app", entries, cx, true);
    // A scope's items become the stack's, each knowing its scope, so names resolve and
    // expand as for any item of the stack.
    for stack in &mut children {
        let items = std::mem::take(&mut stack.children);
        flatten(items, None, &mut stack.children);
    }
    // The app's levels and policies hold in every stack, before the stack's own.
    if !inner.is_empty() {
        for stack in &mut children {
            let mut attrs: Vec<LintAttr> = inner.iter().map(LintAttr::clone_for_stack).collect();
            attrs.append(&mut stack.attrs);
            stack.attrs = attrs;
        }
    }
    children
}

/// Appends `items` to `out`, scopes before what they hold, each item with its scope's index.
fn flatten(items: Vec<Item>, scope: Option<usize>, out: &mut Vec<Item>) {
    for mut item in items {
        item.scope = scope;
        if item.kind.id == KindId::Scope {
            let held = std::mem::take(&mut item.children);
            out.push(item);
            let index = out.len() - 1;
            flatten(held, Some(index), out);
        } else {
            out.push(item);
        }
    }
}

impl LintAttr {
    fn clone_for_stack(&self) -> LintAttr {
        match self {
            LintAttr::Level {
                level,
                span,
                names,
                reason,
                app,
            } => LintAttr::Level {
                level: *level,
                span: *span,
                names: names.clone(),
                reason: reason.clone(),
                app: *app,
            },
            LintAttr::Tag {
                pairs,
                priority,
                include,
                exclude,
                span,
                app,
            } => LintAttr::Tag {
                pairs: pairs.clone(),
                priority: *priority,
                include: include.clone(),
                exclude: exclude.clone(),
                span: *span,
                app: *app,
            },
            LintAttr::Override {
                method,
                path,
                value,
                span,
            } => LintAttr::Override {
                method,
                path: path.clone(),
                value: value.clone(),
                span: *span,
            },
            LintAttr::Policy {
                kind,
                name,
                path,
                app,
            } => LintAttr::Policy {
                kind: *kind,
                name: name.clone(),
                path: path.clone(),
                app: *app,
            },
        }
    }
}

/// Builds `item` as an item of `kind`.
fn build_item(kind: &'static Kind, item: ItemSyntax, cx: &Ctxt) -> Item {
    let id = Id::from_syntax(item.id);
    let scope = format!("{} `{}`", kind.keyword, id.name);
    let (props, children, given, inner) = build_body(kind, &scope, item.entries, cx, false);
    let incomplete = props.len() < given.len();
    let target = kind.id_ref.map(|class| Reference {
        class,
        id: id.clone(),
        target: None,
        stack: None,
    });
    let item = Item {
        kind,
        id,
        props,
        children,
        incomplete,
        target,
        attrs: inner,
        scope: None,
    };
    require_props(&item, &given, cx);
    item
}

/// Sorts the entries of a body into known properties and nested items of allowed kinds. Also
/// returns the names of the known properties written, valid or not, so a property with a broken
/// value is not reported again as missing.
fn build_body(
    kind: &'static Kind,
    scope: &str,
    entries: Vec<Entry>,
    cx: &Ctxt,
    app: bool,
) -> (Vec<Prop>, Vec<Item>, Vec<String>, Vec<LintAttr>) {
    let mut props: Vec<Prop> = Vec::new();
    let mut children: Vec<Item> = Vec::new();
    let mut given = Vec::new();
    let mut inner = Vec::new();
    // Outer attributes wait for the item they precede.
    let mut pending: Vec<(Span, Vec<LintAttr>)> = Vec::new();
    let mut first = true;
    for entry in entries {
        let is_attr = matches!(entry, Entry::Attr(_));
        if !is_attr && !matches!(entry, Entry::Item(_)) {
            for (span, _) in pending.drain(..) {
                cx.error_at(span, "an attribute applies to the item after it: put it right before `kind Name { … }`");
            }
        }
        match entry {
            Entry::Attr(attr) => {
                let pound = attr.pound;
                if attr.inner {
                    if !first {
                        cx.error_at(pound, format!("an inner attribute `#![…]` comes first in the body of {scope}: move it to the top"));
                    } else if !(app || kind.id == KindId::Stack) {
                        cx.error_at(pound, format!("inner attributes `#![…]` go at the top of the app or of a stack, not in {scope}: write `#[…]` before the item instead"));
                    } else {
                        inner.extend(lint_attr(attr, app, cx));
                    }
                } else {
                    first = false;
                    let attrs = lint_attr(attr, false, cx);
                    pending.push((pound, attrs));
                }
                continue;
            }
            _ => first = false,
        }
        match entry {
            Entry::Attr(_) => {}
            Entry::Property(property) => {
                given.push(property.name.to_string());
                if let Some(prop) = build_prop(kind, scope, &props, property, cx) {
                    props.push(prop);
                }
            }
            Entry::Item(item) => {
                let child = kind
                    .children
                    .iter()
                    .map(|id| self::kind(*id))
                    .find(|k| item.keyword == k.keyword);
                match child {
                    Some(child) => {
                        let mut built = build_item(child, item, cx);
                        let mut attrs: Vec<LintAttr> =
                            pending.drain(..).flat_map(|(_, a)| a).collect();
                        attrs.append(&mut built.attrs);
                        built.attrs = attrs;
                        children.push(built);
                    }
                    None => {
                        pending.clear();
                        unknown_item(kind, scope, &item.keyword, cx);
                    }
                }
            }
        }
    }
    for (span, _) in pending {
        cx.error_at(
            span,
            "an attribute applies to the item after it: put it right before `kind Name { … }`",
        );
    }
    (props, children, given, inner)
}

/// Reports an item keyword `kind` does not allow.
fn unknown_item(kind: &Kind, scope: &str, keyword: &Ident, cx: &Ctxt) {
    let allowed: Vec<&str> = kind
        .children
        .iter()
        .map(|id| self::kind(*id).keyword)
        .collect();
    let message = if allowed.is_empty() {
        format!("unexpected item `{keyword}` in {scope}: {scope} has no nested items")
    } else {
        format!(
            "unknown item `{keyword}` in {scope}: {}",
            suggestion(&keyword.to_string(), &allowed)
        )
    };
    cx.error_at(keyword.span(), message);
}

/// "did you mean `x`?" when one is close, else the list of what is expected.
fn suggestion(name: &str, expected: &[&str]) -> String {
    match ecs_core::rules::did_you_mean(name, expected) {
        Some(best) => format!("did you mean `{best}`?"),
        None if expected.is_empty() => "nothing is expected here".to_owned(),
        None => format!("expected one of {}", backticked(expected)),
    }
}

/// `a`, `b`, `c` with backticks, for messages.
pub fn backticked(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks one property against the kind's table and shapes its value.
fn build_prop(
    kind: &'static Kind,
    scope: &str,
    seen: &[Prop],
    property: PropertySyntax,
    cx: &Ctxt,
) -> Option<Prop> {
    let name = property.name;
    let Some(def) = kind.props.iter().find(|d| name == d.name) else {
        let known: Vec<&str> = kind.props.iter().map(|d| d.name).collect();
        let message = if known.is_empty() {
            format!("unexpected property `{name}` in {scope}: {scope} has no properties")
        } else {
            format!(
                "unknown {} property `{name}`: {}",
                kind.keyword,
                suggestion(&name.to_string(), &known)
            )
        };
        cx.error_at(name.span(), message);
        return None;
    };
    // Like serde's `Attr::set`: the second occurrence is the one to remove.
    if seen.iter().any(|p| name == p.name) {
        cx.error_at(
            name.span(),
            format!("duplicate property `{name}` in {scope}: remove one"),
        );
        return None;
    }
    // Only listeners and file systems have a default port; the builders would refuse the
    // call at run time.
    if let (PropType::Connections(_), Some(plain), Some(false)) = (
        def.ty,
        plain_form(def.name),
        ecs_core::schema::connectable(kind.id),
    ) && def.name != "allow_to_default_port"
    {
        cx.error_at(
            name.span(),
            format!(
                "{} `{}` has no default port (listeners and file systems have one): use `{plain}` with a port",
                kind.noun,
                scope.split('`').nth(1).unwrap_or_default(),
            ),
        );
        return None;
    }
    let value = build_value(def, &name, property.value, cx)?;
    Some(Prop { name, value })
}

/// Shapes a value by the property's type.
fn build_value(def: &PropDef, name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<PropValue> {
    match def.ty {
        PropType::Expr => expect_expr(name, value, cx).map(PropValue::Expr),
        PropType::Ref(class) => build_reference(class, name, value, cx).map(PropValue::Ref),
        PropType::Enum(def) => build_enum(def, name, value, cx).map(PropValue::Enum),
        PropType::PortMappings => match value {
            ValueSyntax::List(_, values) => {
                let mappings = values
                    .into_iter()
                    .filter_map(|v| build_port_mapping(name, v, cx))
                    .collect();
                Some(PropValue::PortMappings(PortMappingsValue::List(mappings)))
            }
            other => expect_expr(name, other, cx)
                .map(|e| PropValue::PortMappings(PortMappingsValue::Expr(e))),
        },
        PropType::Strategies => match value {
            ValueSyntax::List(_, values) => {
                let items = values
                    .into_iter()
                    .filter_map(|v| build_strategy(name, v, cx))
                    .collect();
                Some(PropValue::Strategies(StrategiesValue::List(items)))
            }
            other => expect_expr(name, other, cx)
                .map(|e| PropValue::Strategies(StrategiesValue::Expr(e))),
        },
        PropType::Provider => {
            let expr = expect_expr(name, value, cx)?;
            match &expr {
                Expr::Path(path) if path.qself.is_none() && path.path.get_ident().is_some() => {
                    let ident = path.path.get_ident().cloned().expect("checked");
                    Some(PropValue::Provider(ProviderValue::Ref(Reference {
                        class: RefClass::CapacityProvider,
                        id: Id::from_syntax(IdSyntax::Ident(ident)),
                        target: None,
                        stack: None,
                    })))
                }
                _ => Some(PropValue::Provider(ProviderValue::Expr(expr))),
            }
        }
        PropType::LateRefs(class) => {
            let values = match value {
                ValueSyntax::List(_, values) => values,
                other => vec![other],
            };
            let refs = values
                .into_iter()
                .filter_map(|v| build_reference(class, name, v, cx))
                .collect();
            Some(PropValue::LateRefs(refs))
        }
        PropType::Environment | PropType::EnvironmentValues => match value {
            ValueSyntax::Object(_, fields) => {
                let mut pairs: Vec<(IdSyntax, Expr)> = Vec::new();
                for FieldSyntax { key, value } in fields {
                    if pairs.iter().any(|(k, _)| k.text() == key.text()) {
                        cx.error_at(
                            key.span(),
                            format!(
                                "duplicate environment variable `{}`: remove one",
                                key.text()
                            ),
                        );
                        continue;
                    }
                    if let Some(expr) = expect_expr(name, value, cx) {
                        pairs.push((key, expr));
                    }
                }
                Some(PropValue::Environment(EnvironmentValue::Map(pairs)))
            }
            other => expect_expr(name, other, cx)
                .map(|e| PropValue::Environment(EnvironmentValue::Expr(e))),
        },
        PropType::Object(kind_id) => build_object(kind_id, name, value, cx).map(PropValue::Object),
        PropType::Objects(kind_id) => match value {
            ValueSyntax::List(_, values) => Some(PropValue::Objects(
                values
                    .into_iter()
                    .filter_map(|v| build_object(kind_id, name, v, cx))
                    .collect(),
            )),
            other => {
                cx.error_at(
                    other.span(),
                    format!("`{name}` takes a list of `{{ … }}` objects"),
                );
                None
            }
        },
        PropType::Refs(class) => match value {
            ValueSyntax::List(_, values) => Some(PropValue::Refs(
                values
                    .into_iter()
                    .filter_map(|v| build_reference(class, name, v, cx))
                    .collect(),
            )),
            other => build_reference(class, name, other, cx).map(|r| PropValue::Refs(vec![r])),
        },
        PropType::Name => match value {
            ValueSyntax::Expr(Expr::Path(path)) if path.path.get_ident().is_some() => Some(
                PropValue::Name(IdSyntax::Ident(path.path.get_ident().cloned()?)),
            ),
            ValueSyntax::Expr(Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            })) => Some(PropValue::Name(IdSyntax::Str(lit))),
            other => {
                cx.error_at(
                    other.span(),
                    format!("`{name}` takes a name, e.g. `{name}: web` or `{name}: \"web\"`"),
                );
                None
            }
        },
        PropType::Targets => match value {
            ValueSyntax::List(_, values) => Some(PropValue::Targets(
                values
                    .into_iter()
                    .filter_map(|v| match v {
                        ValueSyntax::Object(..) => {
                            build_object(KindId::TargetObject, name, v, cx).map(TargetValue::Object)
                        }
                        other => build_reference(RefClass::Service, name, other, cx)
                            .map(TargetValue::Service),
                    })
                    .collect(),
            )),
            other => {
                cx.error_at(
                    other.span(),
                    format!("`{name}` takes a list of services or `{{ service: …, container_name: …, container_port: … }}` objects"),
                );
                None
            }
        },
        PropType::Schedule => expect_expr(name, value, cx).map(PropValue::Schedule),
        PropType::TargetGroup => match value {
            ValueSyntax::Expr(Expr::Path(path)) if path.path.get_ident().is_some() => {
                Some(PropValue::TargetGroup(TargetGroupRef {
                    id: Id::from_syntax(IdSyntax::Ident(path.path.get_ident().cloned()?)),
                    path: None,
                }))
            }
            ValueSyntax::Expr(Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            })) => Some(PropValue::TargetGroup(TargetGroupRef {
                id: Id::from_syntax(IdSyntax::Str(lit)),
                path: None,
            })),
            other => {
                cx.error_at(
                    other.span(),
                    format!("`{name}` takes the id of an `add_targets` item of a listener declared in this stack, e.g. `{name}: ECS`"),
                );
                None
            }
        },
        PropType::Container => build_container(name, value, cx).map(PropValue::Container),
        PropType::Peer => Some(PropValue::Peer(build_peer(name, value, cx)?)),
        PropType::Connections(form) => Some(PropValue::Connections(build_connections(
            form, name, value, cx,
        ))),
        PropType::ContainerRefs(kind_id) => match value {
            ValueSyntax::List(_, values) => {
                let elements = values
                    .into_iter()
                    .filter_map(|v| match v {
                        ValueSyntax::Object(..) => {
                            build_object(kind_id, name, v, cx).map(ContainerElement::Object)
                        }
                        other => build_container(name, other, cx).map(ContainerElement::Container),
                    })
                    .collect();
                Some(PropValue::ContainerRefs(ContainerRefsValue::List(elements)))
            }
            other => expect_expr(name, other, cx)
                .map(|e| PropValue::ContainerRefs(ContainerRefsValue::Expr(e))),
        },
        PropType::CfnProperties => match value {
            ValueSyntax::Object(..) => Some(PropValue::Cfn(build_cfn_value(value, cx))),
            other => {
                cx.error_at(
                    other.span(),
                    format!("`{name}` takes a `{{ Name: value, … }}` object of CloudFormation properties"),
                );
                None
            }
        },
        PropType::Attr => {
            let expr = expect_expr(name, value, cx)?;
            if let Expr::Field(field) = &expr
                && let (Expr::Path(base), syn::Member::Named(member)) =
                    (&*field.base, &field.member)
                && let Some(ident) = base.path.get_ident()
                && ident
                    .to_string()
                    .starts_with(|c: char| c.is_ascii_uppercase())
            {
                return Some(PropValue::Attr(AttrValue::Attr(
                    Reference {
                        class: RefClass::LoadBalancer,
                        id: Id::from_syntax(IdSyntax::Ident(ident.clone())),
                        target: None,
                        stack: None,
                    },
                    member.clone(),
                )));
            }
            Some(PropValue::Attr(AttrValue::Expr(expr)))
        }
    }
}

/// A CloudFormation value: objects and lists nest, `Name.attribute` (a capitalized name) is a
/// construct's attribute, anything else an expression. A key given twice is reported on the
/// second.
fn build_cfn_value(value: ValueSyntax, cx: &Ctxt) -> CfnValue {
    match value {
        ValueSyntax::Object(_, fields) => {
            let mut pairs: Vec<(IdSyntax, CfnValue)> = Vec::new();
            for FieldSyntax { key, value } in fields {
                if pairs.iter().any(|(k, _)| k.text() == key.text()) {
                    cx.error_at(
                        key.span(),
                        format!("duplicate key `{}`: remove one", key.text()),
                    );
                    continue;
                }
                pairs.push((key, build_cfn_value(value, cx)));
            }
            CfnValue::Map(pairs)
        }
        ValueSyntax::List(_, values) => {
            CfnValue::List(values.into_iter().map(|v| build_cfn_value(v, cx)).collect())
        }
        ValueSyntax::Expr(expr) => match attribute_path(&expr) {
            Some((ident, members)) => CfnValue::Attr(
                Reference {
                    class: RefClass::Any,
                    id: Id::from_syntax(IdSyntax::Ident(ident)),
                    target: None,
                    stack: None,
                },
                members,
            ),
            None => CfnValue::Expr(expr),
        },
    }
}

/// `Name.a.b` with a capitalized `Name`: the name and the members.
fn attribute_path(expr: &Expr) -> Option<(Ident, Vec<Ident>)> {
    let mut members = Vec::new();
    let mut at = expr;
    while let Expr::Field(field) = at {
        let syn::Member::Named(member) = &field.member else {
            return None;
        };
        members.push(member.clone());
        at = &field.base;
    }
    let Expr::Path(base) = at else { return None };
    let ident = base.path.get_ident().filter(|_| base.qself.is_none())?;
    if members.is_empty()
        || !ident
            .to_string()
            .starts_with(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    members.reverse();
    Some((ident.clone(), members))
}

/// A `{ key: value, … }` object checked against the keys of `kind_id`.
fn build_object(kind_id: KindId, name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<Item> {
    let ValueSyntax::Object(span, fields) = value else {
        cx.error_at(
            value.span(),
            format!("`{name}` takes a `{{ key: value, … }}` object"),
        );
        return None;
    };
    let kind = kind(kind_id);
    let entries = fields
        .into_iter()
        .filter_map(|FieldSyntax { key, value }| match key {
            IdSyntax::Ident(name) => Some(Entry::Property(PropertySyntax { name, value })),
            IdSyntax::Str(lit) => {
                cx.error_at(
                    lit.span(),
                    format!("{} keys are names, not strings", kind.noun),
                );
                None
            }
        })
        .collect();
    let scope = format!("`{name}`");
    let (props, _, given, _) = build_body(kind, &scope, entries, cx, false);
    let incomplete = props.len() < given.len();
    let item = Item {
        kind,
        id: Id::from_syntax(IdSyntax::Ident(Ident::new(&name.to_string(), span))),
        props,
        children: Vec::new(),
        incomplete,
        target: None,
        attrs: Vec::new(),
        scope: None,
    };
    for def in kind.props.iter().filter(|d| d.required) {
        if !given.iter().any(|g| g == def.name) {
            cx.error_at(
                span,
                format!(
                    "`{name}` needs `{}`: add `{}: {}`",
                    def.name,
                    def.name,
                    example_value(def.name)
                ),
            );
        }
    }
    Some(item)
}

/// The value as an expression; a list becomes an array expression.
fn expect_expr(name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<Expr> {
    match value {
        ValueSyntax::Expr(expr) => Some(expr),
        ValueSyntax::List(span, values) => {
            let mut elems = syn::punctuated::Punctuated::new();
            for value in values {
                elems.push(expect_expr(name, value, cx)?);
            }
            let bracket_token = syn::token::Bracket(span);
            Some(Expr::Array(syn::ExprArray {
                attrs: Vec::new(),
                bracket_token,
                elems,
            }))
        }
        ValueSyntax::Object(span, _) => {
            cx.error_at(
                span,
                format!("`{name}` takes a Rust expression, not a `{{ key: value }}` object"),
            );
            None
        }
    }
}

// ---- connections ----

/// A peer: a name (`Api`, `"api"`), a listener of a load balancer (`ALB.Http`), or any other
/// expression.
fn build_peer(name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<PeerValue> {
    let expr = expect_expr(name, value, cx)?;
    let ident = |e: &Expr| match e {
        Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
            path.path.get_ident().cloned().map(IdSyntax::Ident)
        }
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        }) => Some(IdSyntax::Str(lit.clone())),
        _ => None,
    };
    if let Some(id) = ident(&expr) {
        return Some(PeerValue::Ref(PeerRef {
            id: Id::from_syntax(id),
            member: None,
            target: None,
        }));
    }
    if let Expr::Field(field) = &expr
        && let (Some(id), syn::Member::Named(member)) = (ident(&field.base), &field.member)
    {
        return Some(PeerValue::Ref(PeerRef {
            id: Id::from_syntax(id),
            member: Some(Id::from_syntax(IdSyntax::Ident(member.clone()))),
            target: None,
        }));
    }
    Some(PeerValue::Expr(expr))
}

/// The rules of a connections property: a list of entries (a single entry stands for a list
/// of one), each an object or a bare value of the form's one field; `true` or an object for the
/// forms without peer and port. Each rule is checked to state what its method needs.
fn build_connections(form: ConnForm, name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Vec<Item> {
    let connection = kind(KindId::Connection);
    let entries = match (form, value) {
        (
            ConnForm::Unit,
            ValueSyntax::Expr(Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(b),
                ..
            })),
        ) => {
            if !b.value {
                cx.error_at(
                    b.span(),
                    format!("`{name}: false` makes no rule: remove `{name}`"),
                );
                return Vec::new();
            }
            return vec![bare_connection(name, Vec::new(), b.span())];
        }
        (ConnForm::Unit, value @ ValueSyntax::Object(..)) => vec![value],
        (ConnForm::Unit, other) => {
            cx.error_at(
                other.span(),
                format!("`{name}` takes `true` or `{{ description: \"…\" }}`"),
            );
            return Vec::new();
        }
        (_, ValueSyntax::List(_, values)) => values,
        (_, other) => vec![other],
    };
    let mut rules = Vec::new();
    for entry in entries {
        let span = entry.span();
        let rule = match entry {
            ValueSyntax::Object(..) => build_object(KindId::Connection, name, entry, cx),
            bare => {
                let field = if form.has_peer() { "peer" } else { "port" };
                let def = connection
                    .props
                    .iter()
                    .find(|d| d.name == field)
                    .expect("declared");
                let key = Ident::new(field, span);
                build_value(def, name, bare, cx)
                    .map(|value| bare_connection(name, vec![Prop { name: key, value }], span))
            }
        };
        let Some(rule) = rule else { continue };
        let mut complete = true;
        for (field, needed) in [("peer", form.has_peer()), ("port", form.has_port())] {
            match (rule.prop(field), needed) {
                (None, true) => {
                    complete = false;
                    let example = if field == "peer" {
                        "peer: Name"
                    } else {
                        "port: Port::tcp(80)"
                    };
                    cx.error_at(
                        span,
                        format!("`{name}` needs a `{field}` in each rule: add `{example}`"),
                    );
                }
                (Some(prop), false) => {
                    complete = false;
                    let fix = match field {
                        "port" => {
                            "the default port is the construct's: remove `port`, or use the form without `default_port` with it"
                        }
                        _ => "it has no peer: remove `peer`",
                    };
                    cx.error_at(
                        prop.name.span(),
                        format!("`{name}` takes no `{field}`: {fix}"),
                    );
                }
                _ => {}
            }
        }
        if complete && !rule.incomplete {
            rules.push(rule);
        }
    }
    rules
}

/// A rule of a connections property written as a bare value (or `true`).
fn bare_connection(name: &Ident, props: Vec<Prop>, span: Span) -> Item {
    Item {
        kind: kind(KindId::Connection),
        id: Id::from_syntax(IdSyntax::Ident(Ident::new(&name.to_string(), span))),
        props,
        children: Vec::new(),
        incomplete: false,
        target: None,
        attrs: Vec::new(),
        scope: None,
    }
}

/// The plain form of a default-port connections property (`allow_default_port_from` →
/// `allow_from`), which states a port instead; `None` for the others.
pub fn plain_form(property: &str) -> Option<&'static str> {
    Some(match property {
        "allow_default_port_from" => "allow_from",
        "allow_default_port_to" => "allow_to",
        "allow_default_port_internally" => "allow_internally",
        "allow_default_port_from_any_ipv4" => "allow_from_any_ipv4",
        "allow_to_default_port" => "allow_to",
        _ => return None,
    })
}

/// A reference: an identifier or a string literal naming a declared construct.
fn build_reference(
    class: RefClass,
    name: &Ident,
    value: ValueSyntax,
    cx: &Ctxt,
) -> Option<Reference> {
    let token = match &value {
        ValueSyntax::Expr(Expr::Path(path)) if path.qself.is_none() && path.attrs.is_empty() => {
            path.path.get_ident().cloned().map(IdSyntax::Ident)
        }
        ValueSyntax::Expr(Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        })) => Some(IdSyntax::Str(lit.clone())),
        _ => None,
    };
    match token {
        Some(token) => Some(Reference {
            class,
            id: Id::from_syntax(token),
            target: None,
            stack: None,
        }),
        None => {
            cx.error_at(
                value.span(),
                format!(
                    "`{name}` takes the name of a {} declared in this stack, e.g. `{name}: Name` or `{name}: \"name\"`",
                    class.noun()
                ),
            );
            None
        }
    }
}

/// A container: an identifier names one by id, as `cluster: Cluster` names a cluster; anything
/// else is an expression.
fn build_container(name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<ContainerValue> {
    let expr = expect_expr(name, value, cx)?;
    match &expr {
        Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
            match path.path.get_ident() {
                Some(ident) => Some(ContainerValue::Ref(ContainerReference {
                    id: Id::from_syntax(IdSyntax::Ident(ident.clone())),
                    target: None,
                })),
                None => Some(ContainerValue::Expr(expr)),
            }
        }
        _ => Some(ContainerValue::Expr(expr)),
    }
}

/// An enum value: a known variant, bare or as `Type::Variant`, or an expression.
fn build_enum(
    def: &'static EnumDef,
    name: &Ident,
    value: ValueSyntax,
    cx: &Ctxt,
) -> Option<EnumValue> {
    let expr = expect_expr(name, value, cx)?;
    let Expr::Path(path) = &expr else {
        return Some(EnumValue::Expr(expr));
    };
    let segments: Vec<&syn::PathSegment> = path.path.segments.iter().collect();
    let type_name = def.path[def.path.len() - 1];
    let (variant, bare) = match segments.as_slice() {
        [variant] if path.path.leading_colon.is_none() => (&variant.ident, true),
        [.., ty, variant] if ty.ident == type_name => (&variant.ident, false),
        _ => return Some(EnumValue::Expr(expr)),
    };
    if def.variants.iter().any(|v| variant == v) {
        let variant = variant.clone();
        return Some(match bare {
            true => EnumValue::Variant(def, variant),
            false => EnumValue::Path(variant, expr),
        });
    }
    let hint = match ecs_core::rules::did_you_mean(&variant.to_string(), def.variants) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("use one of {}", backticked(def.variants)),
    };
    cx.error_at(
        variant.span(),
        format!("`{variant}` is not a `{type_name}` for `{name}`: {hint}"),
    );
    None
}

/// One entry of a `port_mappings` list: a port expression or an object.
fn build_port_mapping(name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<PortMappingValue> {
    match value {
        ValueSyntax::Object(span, fields) => {
            let kind = kind(KindId::PortMapping);
            let entries = fields
                .into_iter()
                .filter_map(|FieldSyntax { key, value }| match key {
                    IdSyntax::Ident(name) => Some(Entry::Property(PropertySyntax { name, value })),
                    IdSyntax::Str(lit) => {
                        cx.error_at(
                            lit.span(),
                            "port mapping keys are names, e.g. `container_port`",
                        );
                        None
                    }
                })
                .collect();
            let (props, _, given, _) = build_body(kind, "a port mapping", entries, cx, false);
            let token = IdSyntax::Ident(Ident::new("port_mapping", span));
            let incomplete = props.len() < given.len();
            let item = Item {
                kind,
                id: Id::from_syntax(token),
                props,
                children: Vec::new(),
                incomplete,
                target: None,
                attrs: Vec::new(),
                scope: None,
            };
            // A range stands for the port (CDK `CONTAINER_PORT_USE_RANGE`).
            if !given
                .iter()
                .any(|g| g == "container_port" || g == "container_port_range")
            {
                cx.error_at(
                    span,
                    "port mapping needs `container_port`: add e.g. `container_port: 80`, or a range as `container_port_range: \"8000-8010\"`",
                );
            }
            Some(PortMappingValue::Object(item))
        }
        other => expect_expr(name, other, cx).map(PortMappingValue::Port),
    }
}

/// One `{ capacity_provider: …, weight: …, base: … }` of a strategy list.
fn build_strategy(name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<Item> {
    let ValueSyntax::Object(span, fields) = value else {
        cx.error_at(
            value.span(),
            format!(
                "`{name}` takes objects like `{{ capacity_provider: \"FARGATE\", weight: 1 }}`"
            ),
        );
        return None;
    };
    let kind = kind(KindId::CapacityProviderStrategy);
    let entries = fields
        .into_iter()
        .filter_map(|FieldSyntax { key, value }| match key {
            IdSyntax::Ident(name) => Some(Entry::Property(PropertySyntax { name, value })),
            IdSyntax::Str(lit) => {
                cx.error_at(
                    lit.span(),
                    "strategy keys are names, e.g. `capacity_provider`",
                );
                None
            }
        })
        .collect();
    let (props, _, given, _) = build_body(kind, "a capacity provider strategy", entries, cx, false);
    let incomplete = props.len() < given.len();
    if !given.iter().any(|g| g == "capacity_provider") {
        cx.error_at(
            span,
            "capacity provider strategy needs `capacity_provider`: add e.g. `capacity_provider: \"FARGATE\"`",
        );
    }
    Some(Item {
        kind,
        id: Id::from_syntax(IdSyntax::Ident(Ident::new("strategy", span))),
        props,
        children: Vec::new(),
        incomplete,
        target: None,
        attrs: Vec::new(),
        scope: None,
    })
}

/// Reports required properties the item lacks, on the item's id.
fn require_props(item: &Item, given: &[String], cx: &Ctxt) {
    for def in item.kind.props.iter().filter(|d| d.required) {
        if !given.iter().any(|g| g == def.name) {
            cx.error_at(
                item.id.span(),
                format!(
                    "{} `{}` needs `{}`: add `{}: {}`",
                    item.kind.noun,
                    item.id.name,
                    def.name,
                    def.name,
                    example_value(def.name)
                ),
            );
        }
    }
}

/// An example value for a required property, for messages.
fn example_value(name: &str) -> &'static str {
    match name {
        "image" => "ContainerImage::from_registry(\"amazon/amazon-ecs-sample\")",
        "instance_type" => "\"t2.micro\"",
        "cluster" => "Cluster",
        "task_definition" => "TaskDef",
        "vpc" => "Vpc",
        "auto_scaling_group" => "ASG",
        "service" => "Service",
        "container_name" => "web",
        "container" | "source_container" => "web",
        "external_port" => "80",
        "namespace" => "Namespace",
        "name" => "\"app.local\"",
        "max_capacity" => "10",
        "target_utilization_percent" => "50",
        "requests_per_target" => "1000",
        "target_group" => "ECS",
        "schedule" => "\"cron(0 8 * * ? *)\"",
        "secret_name" => "\"my-secret\"",
        _ => "…",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::TokenStream;
    use quote::quote;

    fn build_str(tokens: TokenStream) -> (Vec<Item>, Vec<String>) {
        let cx = Ctxt::new();
        let entries = crate::parse::parse(tokens, &cx);
        let stacks = build(entries, &cx);
        (
            stacks,
            cx.into_errors().iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn the_intro_example_builds_without_errors() {
        let (stacks, errors) = build_str(quote! {
            stack IntroEc2Service {
                vpc Vpc { max_azs: 2 }
                cluster Cluster {
                    vpc: Vpc,
                    add_capacity DefaultAutoScalingGroupCapacity {
                        instance_type: "t2.xlarge",
                        desired_capacity: 3,
                    }
                }
                ec2_task_definition TaskDef {
                    network_mode: Bridge,
                    container DefaultContainer {
                        image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                        memory_limit_mib: 512,
                        port_mappings: [80, { container_port: 8080, host_port: 0, protocol: Udp }],
                        environment: { "KEY": "value", NAME: name() },
                    }
                }
                ec2_service Service { cluster: Cluster, task_definition: TaskDef }
            }
        });
        assert!(errors.is_empty(), "{errors:?}");
        let stack = &stacks[0];
        assert_eq!(stack.children.len(), 4);
        assert_eq!(stack.children[1].children_of(KindId::Capacity).count(), 1);
        assert_eq!(
            stack.children[3].reference("cluster").unwrap().id.name,
            "Cluster"
        );
        assert!(matches!(
            stack.children[2].prop("network_mode").map(|p| &p.value),
            Some(PropValue::Enum(EnumValue::Variant(_, v))) if v == "Bridge"
        ));
    }

    #[test]
    fn an_unknown_property_suggests_the_closest() {
        let (_, errors) = build_str(quote! {
            stack S { fargate_task_definition T { cpu: 256, memroy_limit_mib: 512 } }
        });
        assert_eq!(
            errors,
            [
                "unknown fargate_task_definition property `memroy_limit_mib`: did you mean `memory_limit_mib`?"
            ]
        );
    }

    #[test]
    fn an_unknown_property_far_from_all_lists_them() {
        let (_, errors) = build_str(quote! { stack S { vpc V { zones: 2 } } });
        let known: Vec<String> = ecs_core::ec2::VpcProps::PROPS
            .iter()
            .map(|p| format!("`{}`", p.name))
            .collect();
        assert_eq!(
            errors,
            [format!(
                "unknown vpc property `zones`: expected one of {}",
                known.join(", ")
            )]
        );
    }

    #[test]
    fn the_second_occurrence_of_a_property_is_the_error() {
        let (stacks, errors) = build_str(quote! { stack S { vpc V { max_azs: 2, max_azs: 3 } } });
        assert_eq!(
            errors,
            ["duplicate property `max_azs` in vpc `V`: remove one"]
        );
        assert_eq!(stacks[0].children[0].props.len(), 1);
    }

    #[test]
    fn an_unknown_item_keyword_suggests_the_closest() {
        let (_, errors) = build_str(quote! { stack S { clustr C {} } });
        assert_eq!(
            errors,
            ["unknown item `clustr` in stack `S`: did you mean `cluster`?"]
        );
        let (_, errors) = build_str(quote! { vpc V {} });
        assert_eq!(
            errors,
            ["unknown item `vpc` in the app: expected one of `stack`"]
        );
    }

    #[test]
    fn a_bare_enum_variant_must_exist() {
        let (_, errors) = build_str(quote! {
            stack S { ec2_task_definition T { network_mode: Bridgee } }
        });
        assert_eq!(
            errors,
            ["`Bridgee` is not a `NetworkMode` for `network_mode`: did you mean `Bridge`?"]
        );
        let (_, errors) = build_str(quote! {
            stack S { ec2_task_definition T { network_mode: NetworkMode::Overlay } }
        });
        assert_eq!(
            errors,
            [
                "`Overlay` is not a `NetworkMode` for `network_mode`: use one of `None`, `Bridge`, `AwsVpc`, `Host`, `Nat`"
            ]
        );
    }

    #[test]
    fn required_properties_are_named_on_the_item_id() {
        let (_, errors) = build_str(quote! {
            stack S {
                cluster C { add_capacity A { desired_capacity: 1 } }
                ec2_task_definition T { container web { memory_limit_mib: 512 } }
                ec2_service Svc { cluster: C }
            }
        });
        assert_eq!(
            errors,
            [
                "capacity `A` needs `instance_type`: add `instance_type: \"t2.micro\"`",
                "container `web` needs `image`: add `image: ContainerImage::from_registry(\"amazon/amazon-ecs-sample\")`",
                "ec2 service `Svc` needs `task_definition`: add `task_definition: TaskDef`",
            ]
        );
    }

    #[test]
    fn references_take_names_only() {
        let (_, errors) = build_str(quote! {
            stack S { fargate_service Svc { cluster: make_cluster(), task_definition: "td" } }
        });
        assert_eq!(
            errors,
            [
                "`cluster` takes the name of a cluster declared in this stack, e.g. `cluster: Name` or `cluster: \"name\"`"
            ]
        );
    }

    #[test]
    fn container_lists_take_ids_names_objects_and_expressions() {
        let (stacks, errors) = build_str(quote! {
            stack S { ec2_task_definition T { container web {
                image: img(), memory_limit_mib: 256,
                links: [redis, "db:cache", { container: init, alias: "setup" }, make_link()],
            } } }
        });
        assert!(errors.is_empty(), "{errors:?}");
        let web = &stacks[0].children[0].children[0];
        let Some(PropValue::ContainerRefs(ContainerRefsValue::List(links))) =
            web.prop("links").map(|p| &p.value)
        else {
            panic!("links is a container list");
        };
        assert!(matches!(
            &links[0],
            ContainerElement::Container(ContainerValue::Ref(r)) if r.id.name == "redis"
        ));
        assert!(matches!(
            &links[1],
            ContainerElement::Container(ContainerValue::Expr(Expr::Lit(_)))
        ));
        assert!(matches!(
            &links[2],
            ContainerElement::Object(o) if matches!(
                o.prop("container").map(|p| &p.value),
                Some(PropValue::Container(ContainerValue::Ref(r))) if r.id.name == "init"
            )
        ));
        assert!(matches!(
            &links[3],
            ContainerElement::Container(ContainerValue::Expr(Expr::Call(_)))
        ));
    }

    #[test]
    fn container_objects_know_their_keys() {
        let (_, errors) = build_str(quote! {
            stack S { ec2_task_definition T { container web {
                image: img(), memory_limit_mib: 256,
                container_dependencies: [{ condition: Start }, { container: init, conditon: Start }],
            } } }
        });
        assert_eq!(
            errors,
            [
                "`container_dependencies` needs `container`: add `container: web`",
                "unknown container dependency property `conditon`: did you mean `condition`?",
            ]
        );
    }

    #[test]
    fn port_mapping_objects_know_their_keys() {
        let (_, errors) = build_str(quote! {
            stack S { ec2_task_definition T { container c {
                image: img(), memory_limit_mib: 256,
                port_mappings: [{ host_port: 80 }, { container_port: 80, protcol: Tcp }],
            } } }
        });
        assert_eq!(
            errors,
            [
                "port mapping needs `container_port`: add e.g. `container_port: 80`, or a range as `container_port_range: \"8000-8010\"`",
                "unknown port mapping property `protcol`: did you mean `protocol`?",
            ]
        );
    }
}
