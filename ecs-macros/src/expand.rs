//! Stage 5: the builder calls. The entry point [`ecs_app`] runs the pipeline; the rest turns the
//! checked model into one expression of type `Result<App, Error>`.
//!
//! Generated code names runtime items only through the runtime's `__private_v1` (aliased `__ecs_p` at
//! the top of the expansion), so it does not depend on the user's prelude or names. Internal
//! locals use mixed-site hygiene, invisible to user code.
//! Each construct becomes a local binding spanned at the user's id, and each reference a use of
//! that binding spanned at the reference, so hover and go-to-definition follow the names. On
//! errors the valid parts are still expanded next to the `compile_error!`s, so user expressions
//! keep type-checking and no secondary errors appear.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Ident, LitStr};

use crate::check::{
    self, CapacityOperand, ConstCapacitySize, ConstChecks, ConstFargateSize, SizeOperand,
};
use crate::ctxt::Ctxt;
use crate::model::{
    self, AttrValue, Build, CfnValue, ContainerElement, ContainerReference, ContainerRefsValue,
    ContainerValue, EnumValue, EnvironmentValue, Id, Item, KindId, LintAttr, PeerValue, PolicyKind,
    PortMappingValue, PortMappingsValue, PropDef, PropType, PropValue, ProviderValue, Reference,
    Set, StrategiesValue, TargetValue,
};
use crate::parse::{self, IdSyntax};
use crate::resolve;
use ecs_core::ecs::lints::Level;

/// Expands one `ecs_app!` invocation: parse, model, resolve, check, then generate.
pub fn ecs_app(input: TokenStream) -> TokenStream {
    pipeline(input, true)
}

/// [`ecs_app`] without the check stage: the same builder calls, with no rule errors and no const
/// checks, so a test can see what the builders alone say of an app the macro would refuse.
pub fn ecs_app_unchecked(input: TokenStream) -> TokenStream {
    pipeline(input, false)
}

/// The stages of the model an expansion is generated from: parse, model and resolve. Errors go
/// to `cx`; what is valid is returned all the same.
pub fn resolved(input: TokenStream, cx: &Ctxt) -> Vec<Item> {
    let entries = parse::parse(input, cx);
    let mut stacks = model::build(entries, cx);
    resolve::resolve(&mut stacks, cx);
    stacks
}

/// The path of the runtime crate, from the `[$crate]` group the `ecs-app` wrapper puts first,
/// and the items after it; `::ecs_app` when there is no group (the macro's own tests).
fn runtime_crate(input: TokenStream) -> (TokenStream, TokenStream) {
    let mut tokens = input.clone().into_iter();
    match tokens.next() {
        Some(proc_macro2::TokenTree::Group(g))
            if g.delimiter() == proc_macro2::Delimiter::Bracket =>
        {
            (g.stream(), tokens.collect())
        }
        _ => (quote!(::ecs_app), input),
    }
}

/// The hidden module of the runtime the expansion names, versioned with the macro: a runtime
/// and a macro of different versions fail to compile instead of misreading each other.
const PRIVATE: &str = "__private_v1";

fn pipeline(input: TokenStream, checked: bool) -> TokenStream {
    let (krate, input) = runtime_crate(input);
    let private_module = Ident::new(PRIVATE, Span::call_site());
    let cx = Ctxt::new();
    let stacks = resolved(input, &cx);
    let consts = if checked {
        check::check(&stacks, &cx)
    } else {
        ConstChecks::default()
    };
    let app = expand_app(&stacks, &consts);
    let errors = cx.into_compile_errors();
    let alias = hidden("__ecs_p");
    quote! {
        {
            use #krate::#private_module as #alias;
            #errors
            #app
        }
    }
}

/// The hidden module of the runtime crate, through the alias every expansion declares first
/// (a path of one segment instead of three: fewer tokens for the compiler to read).
pub(crate) fn private() -> TokenStream {
    let alias = hidden("__ecs_p");
    quote!(#alias)
}

/// An internal local, invisible to the user's code.
fn hidden(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

/// The app expression.
fn expand_app(stacks: &[Item], consts: &ConstChecks) -> TokenStream {
    let p = private();
    let app = hidden("__ecs_app");
    let result = hidden("__ecs_result");
    let const_checks = consts.fargate_sizes.iter().map(const_fargate_size);
    let capacity_checks = consts.capacity_sizes.iter().map(const_capacity_size);
    let scaling_checks = consts.task_scaling.iter().map(const_task_scaling);
    let lint_warnings = consts.lints.warnings.iter().map(lint_warning);
    let policies = &consts.lints.policies;
    let settings = lint_settings(stacks);
    let (handle_types, handles) = handles(stacks);
    let stacks = (0..stacks.len()).map(|i| expand_stack(stacks, i));
    quote! {
        #(#const_checks)*
        #(#capacity_checks)*
        #(#scaling_checks)*
        #(#policies)*
        #(#lint_warnings)*
        #handle_types
        #[allow(unused_mut)]
        let mut #app = #p::App::new();
        // Once for every binding: constructs nothing refers to, and bindings named after the
        // user's (CamelCase) ids.
        #[allow(unused_variables, non_snake_case)]
        let #result = (|| -> #p::Result<_, #p::Error> {
            #(#stacks)*
            #settings
            #p::Ok(#handles)
        })();
        #p::Result::map(#result, |handles| #p::construct::Built { app: #app, handles })
    }
}

// ---- handles ----

/// The structs of handles the block evaluates with, and the expression filling them: one
/// struct for the app with a field per stack, one per stack with a field per construct it
/// names, and one per construct that holds named items (a task definition's containers, a
/// load balancer's listeners), with a field per item. Each struct dereferences to the handle
/// of what it stands for (a stack's to its `StackId`), and its fields are generic, so the
/// expansion need not name the handles' types. Field names are the ids (sanitized when not
/// identifiers), spanned at them; a name taken twice keeps its first field, constructs before
/// scopes.
fn handles(stacks: &[Item]) -> (TokenStream, TokenStream) {
    let mut types = TokenStream::new();
    let mut fields = Fields::default();
    for (s, stack) in stacks.iter().enumerate() {
        let own = hidden(&format!("__ecs_stack{s}"));
        let value = stack_handles(stacks, s, quote!(#own), &mut types);
        fields.push(&stack.id, value);
    }
    let value = fields.expand("__EcsHandles", None, &mut types);
    (types, value)
}

/// The fields of one struct of handles: name, value.
#[derive(Default)]
struct Fields {
    fields: Vec<(Ident, TokenStream)>,
}

impl Fields {
    /// Adds a field for `id`, unless its name is taken.
    fn push(&mut self, id: &Id, value: TokenStream) {
        let name = field_name(id);
        if !self.fields.iter().any(|(n, _)| *n == name) {
            self.fields.push((name, value));
        }
    }

    /// Declares the struct `name` (dereferencing to `own`'s type when given) into `types`, and
    /// returns the expression that builds it.
    fn expand(self, name: &str, own: Option<TokenStream>, types: &mut TokenStream) -> TokenStream {
        let p = private();
        let ty = hidden(name);
        let params: Vec<Ident> = (0..self.fields.len())
            .map(|i| hidden(&format!("T{i}")))
            .collect();
        let names: Vec<&Ident> = self.fields.iter().map(|(n, _)| n).collect();
        let values = self.fields.iter().map(|(_, v)| v);
        let handle = hidden("__handle");
        let (own_param, own_field, own_value, deref) = match own {
            Some(value) => {
                let param = hidden("__H");
                (
                    Some(quote!(#param,)),
                    Some(quote!(#handle: #param,)),
                    Some(quote!(#handle: #value,)),
                    Some(quote! {
                        impl<#param, #(#params),*> #p::Deref for #ty<#param, #(#params),*> {
                            type Target = #param;
                            fn deref(&self) -> &#param {
                                &self.#handle
                            }
                        }
                    }),
                )
            }
            None => (None, None, None, None),
        };
        types.extend(quote! {
            #[allow(non_snake_case, non_camel_case_types, dead_code)]
            #[derive(#p::Clone, #p::Copy, #p::Debug)]
            struct #ty<#own_param #(#params),*> {
                #own_field
                #(pub #names: #params,)*
            }
            #deref
        });
        quote!(#ty { #own_value #(#names: #values,)* })
    }
}

/// The field name of a construct: its id, or for an id that is not an identifier its
/// characters outside `[A-Za-z0-9_]` replaced by `_` (`"my-cluster"` is `my_cluster`), with a
/// leading `_` before a digit and a trailing one after a keyword.
fn field_name(id: &Id) -> Ident {
    let mut name: String = id
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    if name == "_" || syn::parse_str::<Ident>(&name).is_err() {
        name.push('_');
    }
    Ident::new(&name, id.span())
}

/// The struct of handles of stack `s`, built from `own` (its `StackId`).
fn stack_handles(
    stacks: &[Item],
    s: usize,
    own: TokenStream,
    types: &mut TokenStream,
) -> TokenStream {
    let stack = &stacks[s];
    let prefix = Scope::prefix(s);
    let mut fields = Fields::default();
    let mut scopes = Vec::new();
    for (i, item) in stack.children.iter().enumerate() {
        let b = binding(&prefix, i, &item.id, item.id.span());
        let bound = match item.kind.build {
            Build::Construct(..) => true,
            Build::Special => match item.kind.id {
                KindId::Scope => {
                    scopes.push((i, b));
                    continue;
                }
                KindId::ImportedSecret => item.expr("secret_name").is_some(),
                KindId::CfnResource => true,
                // Bound only when built: what they stand on resolved.
                KindId::StandaloneListener => reference_resolved(item, "load_balancer"),
                KindId::TargetGroup => reference_resolved(item, "vpc"),
                _ => false,
            },
            _ => false,
        };
        if !bound {
            continue;
        }
        let value = if holds_named_items(item.kind) {
            let child_prefix = format!("{prefix}{i}_");
            let mut children = Fields::default();
            for (c, child) in item.children.iter().enumerate() {
                // A listener of a stack holds its target groups directly.
                if item.kind.id == KindId::StandaloneListener {
                    if child.kind.id == KindId::AddTargets {
                        let cb = binding(&child_prefix, c, &child.id, child.id.span());
                        children.push(&child.id, quote!(#cb));
                    }
                    continue;
                }
                let Build::Add(..) = child.kind.build else {
                    continue;
                };
                let cb = binding(&child_prefix, c, &child.id, child.id.span());
                let value = if holds_named_items(child.kind) {
                    let grandchild_prefix = format!("{child_prefix}{c}_");
                    let mut groups = Fields::default();
                    for (g, group) in child.children.iter().enumerate() {
                        if group.kind.id == KindId::AddTargets {
                            let gb = binding(&grandchild_prefix, g, &group.id, group.id.span());
                            groups.push(&group.id, quote!(#gb));
                        }
                    }
                    groups.expand(&format!("__EcsItem{s}_{i}_{c}"), Some(quote!(#cb)), types)
                } else {
                    quote!(#cb)
                };
                children.push(&child.id, value);
            }
            children.expand(&format!("__EcsItem{s}_{i}"), Some(quote!(#b)), types)
        } else {
            quote!(#b)
        };
        fields.push(&item.id, value);
    }
    for (i, b) in scopes {
        fields.push(&stack.children[i].id, quote!(#b));
    }
    fields.expand(&format!("__EcsStack{s}"), Some(own), types)
}

/// Whether the reference property `name` of `item` resolved.
fn reference_resolved(item: &Item, name: &str) -> bool {
    item.reference(name).is_some_and(|r| r.target.is_some())
}

/// Whether items of `kind` hold items with handles of their own (containers, listeners, target
/// groups, capacity): their field is a struct of those.
fn holds_named_items(kind: &model::Kind) -> bool {
    kind.id != KindId::AutoScaleTaskCount
        && kind
            .children
            .iter()
            .any(|c| matches!(model::kind(*c).build, Build::Add(..)) || *c == KindId::AddTargets)
}

/// A lint finding at `warn`: a deprecated item used at the offending token, so rustc prints the
/// message as a warning there (on stable Rust, where proc macros cannot warn).
fn lint_warning((lint, span, message): &(&'static str, Span, String)) -> TokenStream {
    let name = Ident::new(lint, *span);
    quote_spanned! {*span=>
        {
            #[deprecated(note = #message)]
            #[allow(non_camel_case_types)]
            struct #name;
            let _ = #name;
        }
    }
}

/// The lint levels and policies the attributes set, given to the app so the builders judge
/// the values only known at run time at synthesis: the app's for the whole app, a stack's for
/// its root, an item's for its construct. Policies first: levels may name them.
fn lint_settings(stacks: &[Item]) -> TokenStream {
    let p = private();
    let app = hidden("__ecs_app");
    let mut policies = Vec::new();
    let mut levels = Vec::new();
    let mut tags = Vec::new();
    let mut overrides = Vec::new();
    // `node`: the construct's node, `None` for the whole app.
    let mut record = |attrs: &[LintAttr], node: Option<TokenStream>, app_level: bool| {
        let scope = match &node {
            Some(n) => quote!(#p::Some(#n)),
            None => quote!(#p::None),
        };
        for attr in attrs {
            match attr {
                LintAttr::Policy {
                    kind,
                    name,
                    path,
                    app: a,
                } if *a == app_level => {
                    let variant = Ident::new(
                        match kind {
                            PolicyKind::Container => "Container",
                            PolicyKind::Task => "Task",
                            PolicyKind::Service => "Service",
                            PolicyKind::Cluster => "Cluster",
                        },
                        Span::call_site(),
                    );
                    policies.push(quote! {
                        #app.add_policy(#scope, #p::ecs::lints::Policy::#variant(#name, #path))?;
                    });
                }
                LintAttr::Level {
                    level,
                    names,
                    reason,
                    app: a,
                    ..
                } if *a == app_level => {
                    let level = Ident::new(
                        match level {
                            Level::Allow => "Allow",
                            Level::Warn => "Warn",
                            Level::Deny => "Deny",
                            Level::Forbid => "Forbid",
                        },
                        Span::call_site(),
                    );
                    let reason = match reason {
                        Some(r) => quote!(#p::Some(#r)),
                        None => quote!(#p::None),
                    };
                    for (name, _) in names {
                        levels.push(quote! {
                            #app.set_lint_level(#scope, #name, #p::ecs::lints::Level::#level, #reason)?;
                        });
                    }
                }
                LintAttr::Override {
                    method,
                    path,
                    value,
                    ..
                } if !app_level => {
                    let method = Ident::new(method, Span::call_site());
                    let Some(construct) = &node else {
                        continue;
                    };
                    let value = value
                        .as_ref()
                        .map(|v| quote!(, <#p::cfn::Value as #p::From<_>>::from(#v)));
                    overrides.push(quote!(#app.#method(#construct, #path #value)?;));
                }
                LintAttr::Tag {
                    pairs,
                    priority,
                    include,
                    exclude,
                    app: a,
                    ..
                } if *a == app_level => {
                    let priority = priority.map(|n| quote!(.priority(#n)));
                    let include = (!include.is_empty())
                        .then(|| quote!(.include_resource_types([#(#include),*])));
                    let exclude = (!exclude.is_empty())
                        .then(|| quote!(.exclude_resource_types([#(#exclude),*])));
                    let props = quote! {
                        <#p::construct::TagProps as #p::Default>::default() #priority #include #exclude
                    };
                    for (key, value, _) in pairs {
                        tags.push(match value {
                            Some(v) => quote!(#app.add_tag(#scope, #key, #v, #props)?;),
                            None => quote!(#app.remove_tag(#scope, #key, #props)?;),
                        });
                    }
                }
                _ => {}
            }
        }
    };
    if let Some(first) = stacks.first() {
        record(&first.attrs, None, true);
    }
    for (s, stack) in stacks.iter().enumerate() {
        record(&stack.attrs, Some(quote!(#app.stacks()[#s].root())), false);
        let prefix = Scope::prefix(s);
        for (i, item) in stack.children.iter().enumerate() {
            let own = binding(&prefix, i, &item.id, item.id.span());
            let node = if item.kind.id == KindId::Scope {
                quote!(#own)
            } else {
                quote!(#own.node())
            };
            record(&item.attrs, Some(node), false);
            let child_prefix = format!("{prefix}{i}_");
            for (c, child) in item.children.iter().enumerate() {
                if child.kind.id == KindId::Container {
                    let b = binding(&child_prefix, c, &child.id, child.id.span());
                    record(&child.attrs, Some(quote!(#b.node(&#app))), false);
                }
            }
        }
    }
    quote!(#(#policies)* #(#levels)* #(#tags)* #(#overrides)*)
}

/// Where a construct is expanded: every stack (references may name constructs of earlier
/// stacks) and the index of the current one.
#[derive(Clone, Copy)]
struct Scope<'a> {
    stacks: &'a [Item],
    stack: usize,
    /// The index of the construct being expanded: expressions may name the constructs of the
    /// stack declared before it.
    item: usize,
}

impl Scope<'_> {
    /// The binding prefix of a stack's constructs: none for the first (the bindings of
    /// single-stack apps keep their short names), `s<N>_` for the others, so constructs of
    /// different stacks never shadow each other and later stacks can refer to earlier ones.
    fn prefix(stack: usize) -> String {
        if stack == 0 {
            String::new()
        } else {
            format!("s{stack}_")
        }
    }

    /// The binding a resolved reference names, spanned at the reference.
    fn reference(&self, reference: &Reference) -> Option<Ident> {
        let target = reference.target?;
        let stack = reference.stack.unwrap_or(self.stack);
        Some(binding(
            &Scope::prefix(stack),
            target,
            &self.stacks[stack].children[target].id,
            reference.id.span(),
        ))
    }
}

/// One stack: its handle, then its constructs in declaration order. No block: later stacks
/// see the bindings of earlier ones.
fn expand_stack(stacks: &[Item], index: usize) -> TokenStream {
    let stack = &stacks[index];
    let app = hidden("__ecs_app");
    let handle = hidden("__ecs_stack");
    let id = id_literal(&stack.id);
    let scope = Scope {
        stacks,
        stack: index,
        item: 0,
    };
    // Calls on a construct that name constructs declared after it run once those exist.
    let mut deferred: Vec<(usize, TokenStream)> = Vec::new();
    let mut constructs = Vec::new();
    for (i, item) in stack.children.iter().enumerate() {
        let (own, later) = expand_construct(scope, i, item);
        deferred.extend(later);
        constructs.push(own);
        for (ready, call) in &deferred {
            if *ready == i {
                constructs.push(call.clone());
            }
        }
    }
    let late = late_calls(scope);
    let p = private();
    let stack_setters = setters(scope, stack);
    let add = if stack.props.is_empty() {
        quote!(#app.add_stack(#id)?)
    } else {
        quote!(#app.add_stack_with(
            #id,
            <#p::construct::StackProps as #p::Default>::default() #stack_setters,
        )?)
    };
    let own = hidden(&format!("__ecs_stack{index}"));
    quote! {
        let #handle = #add;
        let #own = #handle;
        #(#constructs)*
        #late
    }
}

// ---- task definitions, images, environment ----

/// The calls of late-reference properties (`grant_read_write: [TaskDef]`) and connections
/// properties (`allow_from: [{ peer: Api, port: … }]`), once every construct of the stack
/// exists: for each construct, then each listener of a load balancer, its properties in the
/// order written and each one's entries in order, as the CDK's rules follow its calls.
fn late_calls(scope: Scope) -> TokenStream {
    let stack = &scope.stacks[scope.stack];
    let scope = Scope {
        item: stack.children.len(),
        ..scope
    };
    let prefix = Scope::prefix(scope.stack);
    let mut calls = TokenStream::new();
    for (index, item) in stack.children.iter().enumerate() {
        let own = binding(&prefix, index, &item.id, item.id.span());
        calls.extend(late_calls_of(scope, &own, item));
        if item.kind.id == KindId::StandaloneListener {
            continue;
        }
        let child_prefix = format!("{prefix}{index}_");
        for (c, child) in item.children.iter().enumerate() {
            if child.kind.id == KindId::Listener {
                let own = binding(&child_prefix, c, &child.id, child.id.span());
                calls.extend(late_calls_of(scope, &own, child));
            }
        }
    }
    calls
}

/// The late calls of one construct, bound as `own`.
fn late_calls_of(scope: Scope, own: &Ident, item: &Item) -> TokenStream {
    let p = private();
    let app = hidden("__ecs_app");
    let mut calls = TokenStream::new();
    for prop in &item.props {
        let name = &prop.name;
        match &prop.value {
            PropValue::LateRefs(references) => {
                for reference in references {
                    let Some(target) = scope.reference(reference) else {
                        continue;
                    };
                    calls.extend(quote!(#own.#name(&mut #app, #target)?;));
                }
            }
            PropValue::Connections(rules) => {
                let Some(PropType::Connections(form)) = def(item, prop).map(|d| d.ty) else {
                    continue;
                };
                for rule in rules {
                    let mut args = Vec::new();
                    if form.has_peer() {
                        let Some(PropValue::Peer(peer)) = rule.prop("peer").map(|p| &p.value)
                        else {
                            continue;
                        };
                        let Some(peer) = peer_value(scope, peer) else {
                            continue;
                        };
                        args.push(quote!(&#peer));
                    }
                    if form.has_port() {
                        let Some(port) = rule.expr("port") else {
                            continue;
                        };
                        let port = with_constructs(scope, port);
                        args.push(quote!(#port));
                    }
                    args.push(match rule.expr("description") {
                        Some(d) => {
                            let d = with_constructs(scope, d);
                            quote!(#p::Some(#d))
                        }
                        None => quote!(#p::None),
                    });
                    calls.extend(quote! {
                        #p::ec2::Connectable::connections(&#own, &#app)
                            .#name(&mut #app, #(#args),*)?;
                    });
                }
            }
            _ => {}
        }
    }
    calls
}

/// A peer: the binding of the construct (or load balancer's listener) it names, spanned at the
/// name, or the expression.
fn peer_value(scope: Scope, peer: &PeerValue) -> Option<TokenStream> {
    match peer {
        PeerValue::Ref(reference) => {
            let target = reference.target?;
            let stack = target.stack.unwrap_or(scope.stack);
            let item = &scope.stacks[stack].children[target.item];
            let prefix = Scope::prefix(stack);
            let b = match target.child {
                Some(c) => binding(
                    &format!("{prefix}{}_", target.item),
                    c,
                    &item.children[c].id,
                    reference.id.span(),
                ),
                None => binding(&prefix, target.item, &item.id, reference.id.span()),
            };
            Some(quote!(#b))
        }
        PeerValue::Expr(expr) => {
            let expr = with_constructs(scope, expr);
            Some(quote!((#expr)))
        }
    }
}

/// The calls naming target groups of `target_group` items: a listener's
/// `default_target_groups` (`listener.add_target_group`) and a service's `target_groups`
/// (`group.add_target(service)`), in the order written.
fn target_group_calls(scope: Scope, own: &Ident, item: &Item) -> TokenStream {
    let app = hidden("__ecs_app");
    let mut calls = TokenStream::new();
    for prop in &item.props {
        // A cluster's roles allowed task protection and its existing default namespace.
        let p = private();
        match (prop.name.to_string().as_str(), &prop.value) {
            ("grant_task_protection", PropValue::Refs(references)) => {
                for role in references.iter().filter_map(|r| scope.reference(r)) {
                    calls.extend(quote!(#own.grant_task_protection(&mut #app, #role)?;));
                }
                continue;
            }
            ("existing_default_cloud_map_namespace", PropValue::Ref(reference)) => {
                if let Some(ns) = scope.reference(reference) {
                    calls.extend(quote! {
                        #own.add_existing_default_cloud_map_namespace(
                            &mut #app,
                            #p::ecs::cluster::ExistingCloudMapNamespaceOptions::new(#ns),
                        )?;
                    });
                }
                continue;
            }
            _ => {}
        }
        let PropValue::Refs(references) = &prop.value else {
            continue;
        };
        // A list the props take as they are (a listener rule's `target_groups`) is no join.
        if def(item, prop).is_some_and(|d| d.set == Set::Setter) {
            continue;
        }
        for reference in references {
            if reference.class != model::RefClass::TargetGroup {
                continue;
            }
            let Some(group) = scope.reference(reference) else {
                continue;
            };
            calls.extend(if prop.name == "default_target_groups" {
                quote!(#own.add_target_group(&mut #app, #group)?;)
            } else {
                quote!(#group.add_target(&mut #app, #own)?;)
            });
        }
    }
    calls
}

/// `expr` with every bare name of a construct declared earlier in the stack (before the
/// construct being expanded) replaced by that construct's binding, so values like
/// `ContainerImage::from_ecr_repository(Repo)` refer to the construct declared as `Repo`.
fn with_constructs(scope: Scope, expr: &syn::Expr) -> syn::Expr {
    struct Substitute<'a> {
        scope: Scope<'a>,
    }
    impl syn::visit_mut::VisitMut for Substitute<'_> {
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            // `Name.attribute` (or `Resource.Attr.Path`) of a declared construct: its value,
            // which any string property takes as a token (`Value` converts into `String`).
            if let syn::Expr::Field(_) = expr
                && let Some((ident, members)) = field_chain(expr)
            {
                let name = ident.to_string();
                let children = &self.scope.stacks[self.scope.stack].children;
                if let Some(target) = children[..self.scope.item.min(children.len())]
                    .iter()
                    .position(|c| c.id.name == name)
                {
                    let b = binding(
                        &Scope::prefix(self.scope.stack),
                        target,
                        &children[target].id,
                        ident.span(),
                    );
                    let value = attribute(&children[target], &b, &members);
                    *expr = syn::parse_quote!(#value);
                    return;
                }
            }
            // Inside `format!` and `vec!` too: their arguments are expressions, which the
            // visitor does not see in a macro's tokens.
            if let syn::Expr::Macro(m) = expr
                && m.mac
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "format" || s.ident == "vec")
            {
                let parser =
                    syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
                if let Ok(mut args) = syn::parse::Parser::parse2(parser, m.mac.tokens.clone()) {
                    for arg in args.iter_mut() {
                        match arg {
                            // `name = value` of `format!`: only the value is an expression.
                            syn::Expr::Assign(assign) => self.visit_expr_mut(&mut assign.right),
                            other => self.visit_expr_mut(other),
                        }
                    }
                    m.mac.tokens = quote!(#args);
                }
                return;
            }
            if let syn::Expr::Path(path) = expr
                && path.qself.is_none()
                && path.attrs.is_empty()
                && let Some(ident) = path.path.get_ident()
            {
                let name = ident.to_string();
                let children = &self.scope.stacks[self.scope.stack].children;
                if let Some(target) = children[..self.scope.item.min(children.len())]
                    .iter()
                    .position(|c| c.id.name == name)
                {
                    let b = binding(
                        &Scope::prefix(self.scope.stack),
                        target,
                        &children[target].id,
                        ident.span(),
                    );
                    *expr = syn::parse_quote!(#b);
                    return;
                }
            }
            syn::visit_mut::visit_expr_mut(self, expr);
        }
    }
    let mut expr = expr.clone();
    syn::visit_mut::VisitMut::visit_expr_mut(&mut Substitute { scope }, &mut expr);
    expr
}

/// `Name.a.b` as the name and its members, when `expr` is only field accesses on a name.
fn field_chain(expr: &syn::Expr) -> Option<(Ident, Vec<Ident>)> {
    match expr {
        syn::Expr::Field(field) => {
            let syn::Member::Named(member) = &field.member else {
                return None;
            };
            let (name, mut members) = field_chain(&field.base)?;
            members.push(member.clone());
            Some((name, members))
        }
        syn::Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
            Some((path.path.get_ident()?.clone(), Vec::new()))
        }
        _ => None,
    }
}

/// The binding of a construct: a hidden name spanned at `span` (the id, or a reference to it).
/// The name is `__ecs_`, the construct's path of indices (each followed by `_`), then its
/// sanitized id; an id starting with a digit gets a leading `_`, so it cannot read as more
/// indices and collide with a nested item's binding (`"0-Asg"` at 1 and `Asg` at 1/0).
fn binding(prefix: &str, index: usize, id: &Id, span: Span) -> Ident {
    let guard = if id.name.starts_with(|c: char| c.is_ascii_digit()) {
        "_"
    } else {
        ""
    };
    let sanitized: String = id
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ident::new(
        &format!("__ecs_{prefix}{index}_{guard}{sanitized}"),
        span.resolved_at(Span::mixed_site()),
    )
}

/// The id as the string literal the builders take, spanned at the id.
fn id_literal(id: &Id) -> LitStr {
    match &id.token {
        IdSyntax::Str(lit) => lit.clone(),
        IdSyntax::Ident(ident) => LitStr::new(&id.name, ident.span()),
    }
}

/// One construct of a stack, and the calls of its nested items, each with the index of the
/// stack item after which it can run.
fn expand_construct(
    scope: Scope,
    index: usize,
    item: &Item,
) -> (TokenStream, Vec<(usize, TokenStream)>) {
    let scope = Scope {
        item: index,
        ..scope
    };
    let p = private();
    let app = hidden("__ecs_app");
    let props_local = hidden("__ecs_props");
    let prefix = Scope::prefix(scope.stack);
    let name = binding(&prefix, index, &item.id, item.id.span());
    let id = id_literal(&item.id);
    let parent = scope_of(scope, item);
    let own_setters = setters(scope, item);
    let (constructor, props) = match item.kind.build {
        Build::Construct(constructor, props) => (runtime_path(constructor), runtime_path(props)),
        Build::Special => return (expand_special(scope, index, item), Vec::new()),
        // The model admits only constructs in a stack.
        Build::Add(..) | Build::AddRef(..) | Build::Object(_) => {
            return (TokenStream::new(), Vec::new());
        }
    };
    let mut after = calls(scope, &name, item);
    after.extend(target_group_calls(scope, &name, item));
    let mut later = Vec::new();
    let mut last_ready = index;
    for (child_index, child) in item.children.iter().enumerate() {
        let child_prefix = format!("{prefix}{index}_");
        let child_name = binding(&child_prefix, child_index, &child.id, child.id.span());
        let child_id = id_literal(&child.id);
        let child_setters = setters(scope, child);
        let ready = ready_index(index, child);
        last_ready = last_ready.max(ready);
        let call = match child.kind.build {
            Build::AddRef(method, options) => {
                let Some(added) = child.target.as_ref().and_then(|r| scope.reference(r)) else {
                    continue;
                };
                let method = Ident::new(method, Span::call_site());
                if options.is_empty() {
                    // A method that takes the construct alone.
                    quote! { #name.#method(&mut #app, #added)?; }
                } else {
                    let options = runtime_path(options);
                    quote! {
                        let #props_local = <#options as #p::Default>::default() #child_setters;
                        #name.#method(&mut #app, #added, #props_local)?;
                    }
                }
            }
            Build::Add(method, options) => {
                let method = Ident::new(method, Span::call_site());
                let options = runtime_path(options);
                let network = matches!(
                    item.kind.id,
                    KindId::NetworkLoadBalancer | KindId::ImportedNetworkLoadBalancer
                );
                let grandchild_prefix = format!("{child_prefix}{child_index}_");
                let grandchildren = child.children.iter().enumerate().map(|(g_index, g)| {
                    let group = binding(&grandchild_prefix, g_index, &g.id, g.id.span());
                    expand_targets(scope, &child_name, &group, network, g)
                });
                let groups = target_group_calls(scope, &child_name, child);
                quote! {
                    let #props_local = <#options as #p::Default>::default() #child_setters;
                    let #child_name = #name.#method(&mut #app, #child_id, #props_local)?;
                    #groups
                    #(#grandchildren)*
                }
            }
            // An imported listener's rules.
            Build::Special if child.kind.id == KindId::AddTargetGroups => {
                expand_targets(scope, &name, &child_name, false, child)
            }
            // The model admits only added items below a construct.
            Build::Construct(..) | Build::Object(_) | Build::Special => continue,
        };
        later.push((ready, call));
    }
    // Containers name each other in either order: their lists go in once all are added.
    let references = container_calls(scope, item);
    if !references.is_empty() {
        later.push((last_ready, references));
    }
    // A task definition's runners once its containers are added: an execution role made for
    // them is passed too, as the CDK's lazy statement passes it.
    if let Some(PropValue::Refs(roles)) = item.prop("grant_run").map(|p| &p.value) {
        let calls = roles.iter().filter_map(|r| scope.reference(r)).map(|role| {
            quote!(#p::Into::<#p::ecs::task_definition::TaskDefinition>::into(#name).grant_run(&mut #app, #role)?;)
        });
        later.push((last_ready, quote!(#(#calls)*)));
    }
    // The cluster's default strategy names providers it adds, so it comes after them.
    if let Some(prop) = item.prop("default_capacity_provider_strategy") {
        let ready = ready_index(last_ready, item);
        let strategies = strategies_value(scope, &prop.value);
        let method = Ident::new("add_default_capacity_provider_strategy", prop.name.span());
        later.push((
            ready,
            quote! {
                #name.#method(&mut #app, #p::Into::into(#strategies))?;
            },
        ));
    }
    // Calls that can run at once keep their place right after the construct.
    let (now, later): (Vec<_>, Vec<_>) = later.into_iter().partition(|(r, _)| *r == index);
    let now = now.into_iter().map(|(_, call)| call);
    let own = quote! {
        let #props_local = <#props as #p::Default>::default() #own_setters;
        let #name = #constructor(&mut #app, #parent, #id, #props_local)?;
        #after
        #(#now)*
    };
    (own, later)
}

/// The binding of a container of the task definition being expanded, spanned at the reference.
fn container_binding(scope: Scope, reference: &ContainerReference) -> Option<Ident> {
    let target = reference.target?;
    let task = &scope.stacks[scope.stack].children[scope.item];
    let prefix = format!("{}{}_", Scope::prefix(scope.stack), scope.item);
    Some(binding(
        &prefix,
        target,
        &task.children[target].id,
        reference.id.span(),
    ))
}

/// The `Set::Call` properties of a task definition's containers (`links`,
/// `container_dependencies`, `volumes_from`): `container.add_links(&mut app, [...])?`, each
/// entry converted to the property's object type, so handles, names and objects mix.
fn container_calls(scope: Scope, item: &Item) -> TokenStream {
    let p = private();
    let app = hidden("__ecs_app");
    let mut out = TokenStream::new();
    for (index, container) in item.children.iter().enumerate() {
        if container.kind.id != KindId::Container {
            continue;
        }
        let prefix = format!("{}{}_", Scope::prefix(scope.stack), scope.item);
        let own = binding(&prefix, index, &container.id, container.id.span());
        for prop in &container.props {
            let Some(def) = def(container, prop) else {
                continue;
            };
            let (Set::Call(method), PropType::ContainerRefs(kind_id)) = (def.set, def.ty) else {
                continue;
            };
            let method = Ident::new(method, prop.name.span());
            let value = match &prop.value {
                PropValue::ContainerRefs(ContainerRefsValue::List(elements)) => {
                    let ty = match model::kind(kind_id).build {
                        Build::Object(ty) => runtime_path(ty),
                        _ => quote!(_),
                    };
                    let elements = elements.iter().filter_map(|element| {
                        let value = match element {
                            ContainerElement::Container(value) => container_value(scope, value)?,
                            ContainerElement::Object(object) => object_value(scope, object),
                        };
                        Some(quote!(#p::Into::<#ty>::into(#value)))
                    });
                    quote!([#(#elements),*])
                }
                PropValue::ContainerRefs(ContainerRefsValue::Expr(expr)) => {
                    let expr = with_constructs(scope, expr);
                    quote!(#expr)
                }
                _ => continue,
            };
            out.extend(quote!(#own.#method(&mut #app, #value)?;));
        }
    }
    out
}

/// A container value: the handle an id names, or the expression.
fn container_value(scope: Scope, value: &ContainerValue) -> Option<TokenStream> {
    match value {
        ContainerValue::Ref(reference) => {
            let binding = container_binding(scope, reference)?;
            Some(quote!(#binding))
        }
        ContainerValue::Expr(expr) => {
            let expr = with_constructs(scope, expr);
            Some(quote!(#expr))
        }
    }
}

/// `add_targets` and `register_load_balancer_targets` of a listener.
fn expand_targets(
    scope: Scope,
    listener: &Ident,
    group: &Ident,
    network: bool,
    item: &Item,
) -> TokenStream {
    let p = private();
    let app = hidden("__ecs_app");
    let props_local = hidden("__ecs_props");
    let id = id_literal(&item.id);
    let lb = quote!(#p::elbv2);
    if item.kind.id == KindId::AddTargetGroups {
        let setters = setters(scope, item);
        return quote! {
            let #props_local = <#lb::AddTargetGroupsProps as #p::Default>::default() #setters;
            #listener.add_target_groups(&mut #app, #id, #props_local)?;
        };
    }
    if item.kind.id == KindId::AddTargets {
        let setters = setters(scope, item);
        return quote! {
            let #props_local = <#lb::AddTargetsProps as #p::Default>::default() #setters;
            // Bound so request-count scaling can name the group.
            let #group = #listener.add_targets(&mut #app, #id, #props_local)?;
        };
    }
    // `register_load_balancer_targets`: the target-group props go to the listener config,
    // the container to the `EcsTarget`, and the call is the service's.
    let mut group = TokenStream::new();
    let mut target = TokenStream::new();
    let mut service = None;
    for prop in &item.props {
        let name = &prop.name;
        let value = match &prop.value {
            PropValue::Ref(reference) => {
                service = scope.reference(reference);
                continue;
            }
            other => prop_value(scope, other),
        };
        let Some(value) = value else { continue };
        if name == "container_name" || name == "container_port" {
            target.extend(quote!(.#name(#value)));
        } else {
            group.extend(quote!(.#name(#value)));
        }
    }
    let Some(service) = service else {
        return TokenStream::new();
    };
    let config = if network {
        quote!(Network)
    } else {
        quote!(Application)
    };
    quote! {
        let #props_local = <#p::ecs::load_balancing::EcsTarget as #p::Default>::default() #target
            .new_target_group_id(#id)
            .listener(#p::ecs::load_balancing::ListenerConfig::#config(
                #listener,
                <#lb::AddTargetsProps as #p::Default>::default() #group,
            ));
        #service.register_load_balancer_targets(&mut #app, [#props_local])?;
    }
}

/// `cfn_output Id { value: Construct.attribute, description: "…" }`.
fn expand_output(scope: Scope, item: &Item) -> TokenStream {
    let p = private();
    let app = hidden("__ecs_app");
    let stack_handle = scope_of(scope, item);
    let id = id_literal(&item.id);
    let value = match item.prop("value").map(|p| &p.value) {
        Some(PropValue::Attr(AttrValue::Attr(reference, method))) => {
            let Some(binding) = scope.reference(reference) else {
                return TokenStream::new();
            };
            let item = &scope.stacks[scope.stack].children[reference.target.unwrap_or(0)];
            attribute(item, &binding, std::slice::from_ref(method))
        }
        Some(PropValue::Attr(AttrValue::Expr(expr))) => {
            let expr = with_constructs(scope, expr);
            quote!(<#p::cfn::Value as #p::From<_>>::from(#expr))
        }
        _ => return TokenStream::new(),
    };
    let description = item
        .expr("description")
        .map(|d| with_constructs(scope, d))
        .map(|d| quote!(.description(#d)));
    let export = item
        .expr("export_name")
        .map(|e| with_constructs(scope, e))
        .map(|e| quote!(.export_name(#e)));
    let value_local = hidden("__ecs_value");
    quote! {
        let #value_local = #value;
        #p::construct::CfnOutput::new(
            &mut #app,
            #stack_handle,
            #id,
            #p::cfn::Output::new(#value_local) #description #export,
        )?;
    }
}

/// An object value: its props type's default with its setters.
fn object_value(scope: Scope, object: &Item) -> TokenStream {
    let p = private();
    let ty = match object.kind.build {
        Build::Object(ty) => runtime_path(ty),
        // Object values are of object kinds only (a schema test); inference finds the type.
        _ => quote!(_),
    };
    let setters = setters(scope, object);
    quote!(<#ty as #p::Default>::default() #setters)
}

/// Where a construct of a stack is created: the stack, or the binding of the scope it is
/// written in.
fn scope_of(scope: Scope, item: &Item) -> TokenStream {
    match item.scope {
        Some(index) => {
            let s = &scope.stacks[scope.stack].children[index];
            let b = binding(&Scope::prefix(scope.stack), index, &s.id, s.id.span());
            quote!(#b)
        }
        None => {
            let stack_handle = hidden("__ecs_stack");
            quote!(#stack_handle)
        }
    }
}

/// One property value as an expression; `None` for references that did not resolve (already
/// reported).
fn prop_value(scope: Scope, value: &PropValue) -> Option<TokenStream> {
    let p = private();
    let app = hidden("__ecs_app");
    Some(match value {
        PropValue::Expr(expr) => {
            let expr = with_constructs(scope, expr);
            quote!(#expr)
        }
        // Calls after the stack is built (`late_calls`).
        PropValue::LateRefs(_) => return None,
        PropValue::Ref(reference) => {
            let binding = scope.reference(reference)?;
            quote!(#binding)
        }
        PropValue::Enum(EnumValue::Variant(def, variant)) => {
            let path = def.path.iter().map(|s| format_ident!("{}", s));
            quote!(#p #(::#path)* :: #variant)
        }
        PropValue::Enum(EnumValue::Path(_, expr) | EnumValue::Expr(expr)) => {
            let expr = with_constructs(scope, expr);
            quote!(#expr)
        }
        PropValue::PortMappings(PortMappingsValue::Expr(expr)) => quote!(#expr),
        PropValue::PortMappings(PortMappingsValue::List(list)) => port_mappings(scope, list),
        PropValue::Environment(EnvironmentValue::Expr(expr)) => {
            let expr = with_constructs(scope, expr);
            quote!(#expr)
        }
        PropValue::Environment(EnvironmentValue::Map(pairs)) => {
            environment(scope, pairs, quote!(#p::String))
        }
        PropValue::Object(object) => object_value(scope, object),
        PropValue::Objects(objects) => {
            let items = objects.iter().map(|o| object_value(scope, o));
            quote!([#(#items),*])
        }
        PropValue::Refs(references) => {
            let items = references
                .iter()
                .map(|r| scope.reference(r))
                .collect::<Option<Vec<_>>>()?;
            quote!([#(#items),*])
        }
        PropValue::Name(id) => {
            let lit = match id {
                IdSyntax::Str(lit) => lit.clone(),
                IdSyntax::Ident(ident) => LitStr::new(&ident.to_string(), ident.span()),
            };
            quote!(#lit)
        }
        PropValue::Targets(targets) => {
            let lb = quote!(#p::elbv2);
            let items = targets
                .iter()
                .map(|t| match t {
                    TargetValue::Service(reference) => {
                        let binding = scope.reference(reference)?;
                        Some(quote!(<#lb::LoadBalancerTarget as #p::From<_>>::from(#binding)))
                    }
                    TargetValue::Object(object) => {
                        let service = object.reference("service")?;
                        let binding = scope.reference(service)?;
                        let options: TokenStream = object
                            .props
                            .iter()
                            .filter(|prop| def(object, prop).is_some_and(|d| d.set == Set::Setter))
                            .filter_map(|prop| {
                                let name = &prop.name;
                                let value = prop_value(scope, &prop.value)?;
                                Some(quote!(.#name(#value)))
                            })
                            .collect();
                        Some(quote!(<#lb::LoadBalancerTarget as #p::From<_>>::from(
                            #binding.load_balancer_target(
                                &#app,
                                <#p::ecs::load_balancing::LoadBalancerTargetOptions as #p::Default>::default() #options,
                            )?
                        )))
                    }
                })
                .collect::<Option<Vec<_>>>()?;
            quote!([#(#items),*])
        }
        PropValue::Attr(AttrValue::Expr(expr)) => quote!(#expr),
        PropValue::Attr(AttrValue::Attr(..)) => return None,
        PropValue::Strategies(_) => strategies_value(scope, value),
        PropValue::Provider(ProviderValue::Ref(reference)) => {
            let binding = scope.reference(reference)?;
            quote!(#binding)
        }
        PropValue::Provider(ProviderValue::Expr(expr)) => quote!(#expr),
        PropValue::Schedule(expr) => match expr {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            }) => quote!(#p::schedule::Schedule::expression(#lit)?),
            expr => {
                let expr = with_constructs(scope, expr);
                quote!(#expr)
            }
        },
        PropValue::Container(value) => container_value(scope, value)?,
        // Calls once every container is added (`container_calls`).
        PropValue::ContainerRefs(_) => return None,
        // Expanded by `expand_resource`.
        PropValue::Cfn(_) => return None,
        PropValue::Peer(peer) => peer_value(scope, peer)?,
        // Calls after the stack is built (`late_calls`).
        PropValue::Connections(_) => return None,
        PropValue::TargetGroup(group) => {
            let (lb, listener, targets) = group.path?;
            let stack = &scope.stacks[scope.stack];
            let item = &stack.children[lb].children[listener].children[targets];
            let prefix = format!("{}{lb}_{listener}_", Scope::prefix(scope.stack));
            let binding = binding(&prefix, targets, &item.id, group.id.span());
            quote!(#binding)
        }
    })
}

// ---- log drivers, ECS Exec, auto-scaling, scheduled tasks ----

/// `auto_scale_task_count Service { min_capacity, max_capacity, <policies> }`: the service's
/// `auto_scale_task_count`, then one call per policy in the order written.
fn expand_task_scaling(scope: Scope, index: usize, item: &Item) -> TokenStream {
    let p = private();
    let app = hidden("__ecs_app");
    let props_local = hidden("__ecs_props");
    let Some(service) = item.target.as_ref().and_then(|r| scope.reference(r)) else {
        return TokenStream::new();
    };
    let name = binding(&Scope::prefix(scope.stack), index, &item.id, item.id.span());
    let own_setters = setters(scope, item);
    let scaling = quote!(#p::ecs::scaling);
    let policies = item.children.iter().map(|policy| {
        let id = id_literal(&policy.id);
        let setters = setters(scope, policy);
        let Build::Add(method, props) = policy.kind.build else {
            return TokenStream::new();
        };
        let (method, props) = (Ident::new(method, Span::call_site()), runtime_path(props));
        quote! {
            let #props_local = <#props as #p::Default>::default() #setters;
            #name.#method(&mut #app, #id, #props_local)?;
        }
    });
    quote! {
        let #props_local = <#scaling::EnableScalingProps as #p::Default>::default() #own_setters;
        let #name = #service.auto_scale_task_count(&mut #app, #props_local)?;
        #(#policies)*
    }
}

/// Rule A1 on task scaling bounds by const evaluation, blaming `max_capacity`.
fn const_task_scaling(bounds: &check::ConstTaskScaling) -> TokenStream {
    let p = private();
    let operand = |o: &CapacityOperand| -> (TokenStream, (Span, Span)) {
        match o {
            CapacityOperand::Known(v, span) => {
                let lit = Literal::u32_suffixed(*v);
                (quote!(#lit), (*span, *span))
            }
            CapacityOperand::Const(expr) => (quote!(#expr), first_last(expr)),
        }
    };
    let (min, _) = match &bounds.min {
        Some(o) => operand(o),
        None => (quote!(1u32), (Span::call_site(), Span::call_site())),
    };
    let (max, (first, last)) = operand(&bounds.max);
    let path = quote_spanned!(first=> __ecs_p::panic);
    let args = quote_spanned! {last=>
        !("{}", __ecs_p::ecs::rules::scaling_capacity_const_message())
    };
    quote! {
        const _: () = {
            if !#p::ecs::rules::scaling_capacity(#min, #max) {
                #path #args
            }
        };
    }
}

/// A path below the runtime's root, as the schema writes it (`ec2::Vpc::new`).
fn runtime_path(path: &str) -> TokenStream {
    let p = private();
    let segments = path.split("::").map(|s| Ident::new(s, Span::call_site()));
    quote!(#p #(::#segments)*)
}

/// The schema's declaration of a property of `item`.
fn def(item: &Item, prop: &model::Prop) -> Option<&'static PropDef> {
    item.kind.props.iter().find(|d| prop.name == d.name)
}

/// Kinds expanded by code of their own.
fn expand_special(scope: Scope, index: usize, item: &Item) -> TokenStream {
    let p = private();
    let app = hidden("__ecs_app");
    let stack_handle = hidden("__ecs_stack");
    match item.kind.id {
        KindId::Scope => {
            let name = binding(&Scope::prefix(scope.stack), index, &item.id, item.id.span());
            let id = id_literal(&item.id);
            let parent = scope_of(scope, item);
            quote! {
                let #name = #p::construct::app::Construct::new(&mut #app, #parent, #id)?;
            }
        }
        KindId::CfnOutput => expand_output(scope, item),
        KindId::CfnParameter => {
            let Some(kind) = item.expr("type") else {
                return TokenStream::new();
            };
            let name = binding(&Scope::prefix(scope.stack), index, &item.id, item.id.span());
            let id = id_literal(&item.id);
            let parent = scope_of(scope, item);
            let kind = with_constructs(scope, kind);
            let default = item
                .expr("default")
                .map(|d| with_constructs(scope, d))
                .map(|d| quote!(.default_value(#d)));
            let description = item
                .expr("description")
                .map(|d| with_constructs(scope, d))
                .map(|d| quote!(.description(#d)));
            quote! {
                let #name = #p::construct::CfnParameter::new(
                    &mut #app,
                    #parent,
                    #id,
                    #p::cfn::Parameter::new(#kind) #default #description,
                )?;
            }
        }
        KindId::CfnResource => expand_resource(scope, index, item),
        KindId::StandaloneListener => {
            let Some(reference) = item.reference("load_balancer") else {
                return TokenStream::new();
            };
            let Some(lb) = scope.reference(reference) else {
                return TokenStream::new();
            };
            let network = reference.target.is_some_and(|t| {
                let stack = reference.stack.unwrap_or(scope.stack);
                matches!(
                    scope.stacks[stack].children[t].kind.id,
                    KindId::NetworkLoadBalancer | KindId::ImportedNetworkLoadBalancer
                )
            });
            let prefix = Scope::prefix(scope.stack);
            let name = binding(&prefix, index, &item.id, item.id.span());
            let id = id_literal(&item.id);
            let parent = scope_of(scope, item);
            let setters = setters(scope, item);
            let props_local = hidden("__ecs_props");
            let groups = target_group_calls(scope, &name, item);
            let child_prefix = format!("{prefix}{index}_");
            let targets = item.children.iter().enumerate().map(|(c, child)| {
                let group = binding(&child_prefix, c, &child.id, child.id.span());
                expand_targets(scope, &name, &group, network, child)
            });
            quote! {
                let #props_local = <#p::elbv2::ListenerProps as #p::Default>::default() #setters;
                let #name = #p::elbv2::Listener::new(&mut #app, #parent, #id, #lb, #props_local)?;
                #groups
                #(#targets)*
            }
        }
        KindId::TargetGroup => {
            let Some(vpc) = item.reference("vpc").and_then(|r| scope.reference(r)) else {
                return TokenStream::new();
            };
            let name = binding(&Scope::prefix(scope.stack), index, &item.id, item.id.span());
            let id = id_literal(&item.id);
            let parent = scope_of(scope, item);
            let setters = setters(scope, item);
            let props_local = hidden("__ecs_props");
            quote! {
                let #props_local = <#p::elbv2::AddTargetsProps as #p::Default>::default() #setters;
                let #name = #p::elbv2::TargetGroup::new_application(
                    &mut #app, #parent, #id, #vpc, #props_local,
                )?;
            }
        }
        KindId::AutoScaleTaskCount => expand_task_scaling(scope, index, item),
        KindId::ImportedSecret => {
            let Some(secret_name) = item.expr("secret_name") else {
                return TokenStream::new();
            };
            let name = binding(&Scope::prefix(scope.stack), index, &item.id, item.id.span());
            let id = id_literal(&item.id);
            let secret_name = with_constructs(scope, secret_name);
            quote! {
                let #name = #p::secretsmanager::Secret::from_secret_name_v2(
                    &mut #app, #stack_handle, #id, #secret_name,
                )?;
            }
        }
        // The model admits no other special kind in a stack.
        _ => TokenStream::new(),
    }
}

/// The calls on a created construct its `Set::Call` properties stand for, one per object.
fn calls(scope: Scope, name: &Ident, item: &Item) -> TokenStream {
    let app = hidden("__ecs_app");
    let mut out = TokenStream::new();
    for prop in &item.props {
        let Some(Set::Call(method)) = def(item, prop).map(|d| d.set) else {
            continue;
        };
        let method = Ident::new(method, prop.name.span());
        let objects: Vec<&Item> = match &prop.value {
            PropValue::Object(object) => vec![object],
            PropValue::Objects(objects) => objects.iter().collect(),
            _ => Vec::new(),
        };
        for object in objects {
            let value = object_value(scope, object);
            let local = hidden("__ecs_options");
            out.extend(quote! {
                let #local = #value;
                #name.#method(&mut #app, #local)?;
            });
        }
    }
    out
}

/// The setter calls for an item's valid properties, in the order written. A setter carries the
/// span of the property name; references that did not resolve are left out (already reported),
/// and so are properties that are calls after creation (`associate_cloud_map_service`, a
/// cluster's `default_capacity_provider_strategy`, a method call after the providers it names).
fn setters(scope: Scope, item: &Item) -> TokenStream {
    item.props
        .iter()
        .filter(|prop| def(item, prop).is_some_and(|d| d.set == Set::Setter))
        .filter_map(|prop| {
            let name = &prop.name;
            let value = match &prop.value {
                // Secrets map names to `Secret`s; the other maps hold text.
                PropValue::Environment(EnvironmentValue::Map(pairs)) if name == "secrets" => {
                    let p = private();
                    environment(scope, pairs, quote!(#p::ecs::secret::Secret))
                }
                value => prop_value(scope, value)?,
            };
            Some(quote!(.#name(#value)))
        })
        .collect()
}

// ---- capacity ----

/// The latest of `at` and the stack items `item`'s references name (its id target, its
/// reference properties, the providers of its strategies). Constructs of earlier stacks exist
/// already.
fn ready_index(at: usize, item: &Item) -> usize {
    let local = |reference: &Reference| reference.target.filter(|_| reference.stack.is_none());
    let mut ready = at;
    if let Some(target) = item.target.as_ref().and_then(local) {
        ready = ready.max(target);
    }
    for prop in &item.props {
        match &prop.value {
            PropValue::Ref(reference) | PropValue::Provider(ProviderValue::Ref(reference)) => {
                if let Some(target) = local(reference) {
                    ready = ready.max(target);
                }
            }
            PropValue::Strategies(StrategiesValue::List(strategies)) => {
                for strategy in strategies {
                    ready = ready_index(ready, strategy);
                }
            }
            _ => {}
        }
    }
    ready
}

/// Rule C1 on group sizes by const evaluation. Each panic carries the span of the size it
/// blames: the minimum when it exceeds the maximum, else the desired capacity.
fn const_capacity_size(size: &ConstCapacitySize) -> TokenStream {
    let p = private();
    let operand = |o: &Option<CapacityOperand>| -> (TokenStream, Option<(Span, Span)>) {
        match o {
            None => (quote!(#p::None), None),
            Some(CapacityOperand::Known(v, span)) => {
                let lit = Literal::u32_suffixed(*v);
                (quote!(#p::Some(#lit)), Some((*span, *span)))
            }
            Some(CapacityOperand::Const(expr)) => {
                (quote!(#p::Some::<#p::u32>(#expr)), Some(first_last(expr)))
            }
        }
    };
    let (min, min_span) = operand(&size.min);
    let (max, max_span) = operand(&size.max);
    let (desired, desired_span) = operand(&size.desired);
    let fallback = (Span::call_site(), Span::call_site());
    let min_blame = min_span.or(max_span).or(desired_span).unwrap_or(fallback);
    let desired_blame = desired_span.or(min_span).unwrap_or(fallback);
    let panic_at = |(first, last): (Span, Span), error: TokenStream| {
        let path = quote_spanned!(first=> __ecs_p::panic);
        let args = quote_spanned! {last=>
            !("{}", __ecs_p::ecs::rules::capacity_sizes_const_message(#error))
        };
        quote!(#path #args)
    };
    let error = Ident::new("__ecs_error", Span::call_site());
    let min_panic = panic_at(min_blame, quote!(#error));
    let desired_panic = panic_at(desired_blame, quote!(#error));
    quote! {
        const _: () = {
            match #p::ecs::rules::capacity_sizes(#min, #max, #desired) {
                #p::Ok(()) => {}
                #p::Err(#error @ #p::ecs::rules::CapacitySizeError::MinAboveMax { .. }) => #min_panic,
                #p::Err(#error) => #desired_panic,
            }
        };
    }
}

/// A strategies property as a `Vec<CapacityProviderStrategy>` expression.
fn strategies_value(scope: Scope, value: &PropValue) -> TokenStream {
    let p = private();
    let ty = quote!(#p::ecs::capacity_provider::CapacityProviderStrategy);
    match value {
        PropValue::Strategies(StrategiesValue::List(items)) => {
            let local = hidden("__ecs_strategies");
            let len = Literal::usize_unsuffixed(items.len());
            let elems = items.iter().map(|item| {
                let setters = setters(scope, item);
                quote!(<#ty as #p::Default>::default() #setters)
            });
            quote!({
                let #local: [#ty; #len] = [#(#elems),*];
                #local
            })
        }
        PropValue::Strategies(StrategiesValue::Expr(expr)) => quote!(#expr),
        _ => TokenStream::new(),
    }
}

/// `[80, { container_port: 8080, host_port: 0 }]` as an array of `PortMapping`s.
fn port_mappings(scope: Scope, list: &[PortMappingValue]) -> TokenStream {
    let p = private();
    let ty = quote!(#p::ecs::container::PortMapping);
    let local = hidden("__ecs_port_mappings");
    let len = Literal::usize_unsuffixed(list.len());
    let elems = list.iter().map(|value| match value {
        PortMappingValue::Port(port) => {
            quote!(<#ty as #p::Default>::default().container_port(#port))
        }
        PortMappingValue::Object(object) => {
            let setters = setters(scope, object);
            quote!(<#ty as #p::Default>::default() #setters)
        }
    });
    quote!({
        let #local: [#ty; #len] = [#(#elems),*];
        #local
    })
}

/// `Construct.attribute` in a value, as the call that reads the attribute of the construct
/// declared under that name before the item being expanded (`Jobs.queue_url`).
fn construct_attribute(scope: Scope, expr: &syn::Expr) -> Option<TokenStream> {
    let syn::Expr::Field(field) = expr else {
        return None;
    };
    let syn::Expr::Path(base) = &*field.base else {
        return None;
    };
    let ident = base.path.get_ident()?;
    let syn::Member::Named(member) = &field.member else {
        return None;
    };
    let children = &scope.stacks[scope.stack].children;
    let target = children[..scope.item.min(children.len())]
        .iter()
        .position(|c| *ident == c.id.name && c.kind.class.is_some())?;
    let b = binding(
        &Scope::prefix(scope.stack),
        target,
        &children[target].id,
        ident.span(),
    );
    Some(attribute(
        &children[target],
        &b,
        std::slice::from_ref(member),
    ))
}

/// The attribute `members` of the construct `item` bound to `b`: of a raw resource its `Ref`
/// (`Bucket.Ref`) or `Fn::GetAtt` (`Db.Endpoint.Address`), of another construct its handle's
/// method of that name (`Jobs.queue_url`).
fn attribute(item: &Item, b: &Ident, members: &[Ident]) -> TokenStream {
    let app = hidden("__ecs_app");
    if item.kind.id == KindId::CfnResource {
        let name = members
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(".");
        let span = members.first().map_or_else(|| b.span(), Ident::span);
        return if name == "Ref" {
            quote_spanned!(span=> #b.ref_())
        } else {
            let name = LitStr::new(&name, span);
            quote_spanned!(span=> #b.get_att(#name))
        };
    }
    let member = &members[0];
    // A parameter's handle is its value (`{"Ref": parameter}`), whichever way it is read.
    if item.kind.id == KindId::CfnParameter {
        return quote_spanned!(member.span()=> ::core::clone::Clone::clone(&#b));
    }
    quote!(#b.#member(&#app))
}

/// `resource Id { type, properties, depends_on, removal_policy }`: a raw CloudFormation
/// resource, then its dependencies and removal policy.
fn expand_resource(scope: Scope, index: usize, item: &Item) -> TokenStream {
    let scope = Scope {
        item: index,
        ..scope
    };
    let p = private();
    let app = hidden("__ecs_app");
    let props_local = hidden("__ecs_props");
    let Some(kind) = item.expr("type") else {
        return TokenStream::new();
    };
    let name = binding(&Scope::prefix(scope.stack), index, &item.id, item.id.span());
    let id = id_literal(&item.id);
    let parent = scope_of(scope, item);
    let mut properties = TokenStream::new();
    if let Some(PropValue::Cfn(CfnValue::Map(pairs))) = item.prop("properties").map(|p| &p.value) {
        for (key, value) in pairs {
            let key = key_literal(key);
            let value = cfn_value(scope, value);
            properties.extend(quote!(.property(#key, #value)));
        }
    }
    let mut after = TokenStream::new();
    if let Some(PropValue::Refs(references)) = item.prop("depends_on").map(|p| &p.value) {
        for reference in references {
            let Some(target) = scope.reference(reference) else {
                continue;
            };
            let declared = &scope.stacks[scope.stack].children[reference.target.unwrap_or(0)];
            let node = if declared.kind.id == KindId::Scope {
                quote!(#target)
            } else {
                quote!(#target.node())
            };
            after.extend(quote!(#name.add_dependency(&mut #app, #node)?;));
        }
    }
    if let Some(prop) = item.prop("removal_policy")
        && let Some(policy) = prop_value(scope, &prop.value)
    {
        let method = Ident::new("apply_removal_policy", prop.name.span());
        after.extend(quote!(#name.#method(&mut #app, #policy)?;));
    }
    quote! {
        let #props_local = #p::construct::CfnResourceProps::new(#kind) #properties;
        let #name = #p::construct::CfnResource::new(&mut #app, #parent, #id, #props_local)?;
        #after
    }
}

/// A key of a CloudFormation map as a string literal, spanned at the key.
fn key_literal(key: &IdSyntax) -> LitStr {
    match key {
        IdSyntax::Str(lit) => lit.clone(),
        IdSyntax::Ident(ident) => LitStr::new(&ident.unraw().to_string(), ident.span()),
    }
}

/// A CloudFormation value as a `Value` expression. Integer literals are `Value::Int` and other
/// number literals `cfn::number`, so they need no suffix; other expressions convert with
/// `From`.
fn cfn_value(scope: Scope, value: &CfnValue) -> TokenStream {
    let p = private();
    let v = quote!(#p::cfn::Value);
    match value {
        CfnValue::Map(pairs) if pairs.is_empty() => {
            quote!(#v::Map(<#p::cfn::Map as #p::Default>::default()))
        }
        CfnValue::Map(pairs) => {
            let keys = pairs.iter().map(|(k, _)| key_literal(k));
            let values = pairs.iter().map(|(_, value)| cfn_value(scope, value));
            quote!(#v::map([#((#keys, #values)),*]))
        }
        CfnValue::List(values) => {
            let values = values.iter().map(|value| cfn_value(scope, value));
            quote!(#v::List(#p::Vec::from([#(#values),*])))
        }
        CfnValue::Attr(reference, members) => {
            let Some(b) = scope.reference(reference) else {
                return quote!(#v::Null);
            };
            let item = &scope.stacks[scope.stack].children[reference.target.unwrap_or(0)];
            let attribute = attribute(item, &b, members);
            quote!(<#v as #p::From<_>>::from(#attribute))
        }
        CfnValue::Expr(expr) => match number_literal(expr) {
            Some((syn::Lit::Int(_), _)) => quote!(#v::Int(#expr)),
            Some((syn::Lit::Float(_), _)) => quote!(#p::cfn::number(#expr)),
            _ => {
                let expr = with_constructs(scope, expr);
                quote!(<#v as #p::From<_>>::from(#expr))
            }
        },
    }
}

/// An unsuffixed integer or float literal, negated or not.
fn number_literal(expr: &syn::Expr) -> Option<(&syn::Lit, bool)> {
    match expr {
        syn::Expr::Lit(syn::ExprLit { lit, .. })
            if matches!(lit, syn::Lit::Int(i) if i.suffix().is_empty())
                || matches!(lit, syn::Lit::Float(f) if f.suffix().is_empty()) =>
        {
            Some((lit, false))
        }
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => number_literal(expr).map(|(lit, _)| (lit, true)),
        _ => None,
    }
}

/// `{ "KEY": value, NAME: value }` as an array of `(String, ty)` pairs; string pairs become
/// CloudFormation values when one of them is a construct's attribute (`Jobs.queue_url`).
fn environment(scope: Scope, pairs: &[(IdSyntax, syn::Expr)], ty: TokenStream) -> TokenStream {
    let p = private();
    let local = hidden("__ecs_environment");
    let len = Literal::usize_unsuffixed(pairs.len());
    let attributes = pairs
        .iter()
        .any(|(_, v)| construct_attribute(scope, v).is_some());
    let ty = if attributes && ty.to_string().ends_with("String") {
        quote!(#p::cfn::Value)
    } else {
        ty
    };
    let elems = pairs.iter().map(|(key, value)| {
        let key = match key {
            IdSyntax::Str(lit) => lit.clone(),
            IdSyntax::Ident(ident) => LitStr::new(&ident.to_string(), ident.span()),
        };
        let value = construct_attribute(scope, value)
            .unwrap_or_else(|| with_constructs(scope, value).to_token_stream());
        quote!((
            #p::Into::<#p::String>::into(#key),
            #p::Into::<#ty>::into(#value)
        ))
    });
    quote!({
        let #local: [(#p::String, #ty); #len] = [#(#elems),*];
        #local
    })
}

/// Rule F2 by const evaluation, for pairs naming constants. The panics carry the span of the
/// operand they blame, which is where rustc puts the error.
fn const_fargate_size(size: &ConstFargateSize) -> TokenStream {
    let p = private();
    let cpu = Ident::new("__ecs_cpu", Span::call_site());
    let memory = Ident::new("__ecs_memory", Span::call_site());
    let (cpu_value, cpu_spans) = const_operand(&size.cpu, "cpu_units");
    let (memory_value, memory_spans) = const_operand(&size.memory, "memory_mib");
    let property = match size.memory_property {
        ecs_core::rules::MemoryProperty::MemoryLimitMib => "MemoryLimitMib",
        ecs_core::rules::MemoryProperty::MemoryMib => "MemoryMib",
    };
    let cpu_panic = const_panic(&cpu, quote!(Cpu), property, cpu_spans);
    let memory_panic = const_panic(&cpu, quote!(Memory), property, memory_spans);
    quote! {
        const _: () = {
            let #cpu: #p::u32 = #cpu_value;
            let #memory: #p::u32 = #memory_value;
            match #p::ecs::rules::fargate_size(#cpu, #memory) {
                #p::Ok(()) => {}
                #p::Err(#p::ecs::rules::FargateSizeError::Cpu) => #cpu_panic,
                #p::Err(#p::ecs::rules::FargateSizeError::Memory) => #memory_panic,
            }
        };
    }
}

/// `panic!` with the const message of rule F2, spanned over the operand `(first, last)`: rustc
/// reports a const panic at the `panic!` call, whose span runs from its path to its arguments.
/// The path must not carry the macro's call-site span, which would widen the error to the whole
/// `ecs_app!` invocation.
fn const_panic(
    cpu: &Ident,
    error: TokenStream,
    property: &str,
    (first, last): (Span, Span),
) -> TokenStream {
    let property = Ident::new(property, last);
    let path = quote_spanned!(first=> __ecs_p::panic);
    let args = quote_spanned! {last=>
        !("{}", __ecs_p::ecs::rules::fargate_size_const_message(
            #cpu,
            __ecs_p::ecs::rules::FargateSizeError::#error,
            __ecs_p::ecs::rules::MemoryProperty::#property,
        ))
    };
    quote!(#path #args)
}

/// One operand of a const size check as a `u32` expression, with the spans of its first and
/// last tokens.
fn const_operand(operand: &SizeOperand, method: &str) -> (TokenStream, (Span, Span)) {
    let p = private();
    match operand {
        SizeOperand::Known(value, span) => (
            Literal::u32_suffixed(*value).into_token_stream(),
            (*span, *span),
        ),
        SizeOperand::ConstLiteral(expr) => (quote!(#expr), first_last(expr)),
        SizeOperand::Const(expr) => {
            let method = Ident::new(method, expr.span());
            (quote!(#p::ConstSize(#expr).#method()), first_last(expr))
        }
    }
}

/// The spans of the first and last tokens of `expr`.
fn first_last(expr: &syn::Expr) -> (Span, Span) {
    let mut tokens = expr.to_token_stream().into_iter();
    let first = tokens.next().map_or_else(Span::call_site, |t| t.span());
    let last = tokens.last().map_or(first, |t| t.span());
    (first, last)
}

use quote::ToTokens;

#[cfg(test)]
mod tests {
    //! Expansion snapshots: each case's expansion, pretty-printed, is compared with
    //! `tests/expansions/<case>.expanded.rs`; `EXPANSIONS=overwrite cargo test -p ecs-macros
    //! expand` rewrites them, so a change to the generated code shows as a reviewable diff.

    use super::*;
    use std::path::Path;

    fn snapshot(name: &str, tokens: TokenStream) {
        let out = ecs_app(tokens);
        let file: syn::File = syn::parse2(quote!(fn expansion() { #out }))
            .unwrap_or_else(|e| panic!("the expansion of `{name}` is not Rust: {e}\n{out}"));
        let text = prettyplease::unparse(&file);
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/expansions")
            .join(format!("{name}.expanded.rs"));
        if std::env::var("EXPANSIONS").as_deref() == Ok("overwrite") {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            return;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != text {
            let first = expected
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(expected.lines().count().min(text.lines().count()));
            panic!(
                "the expansion of `{name}` differs from {} from line {}:\n  expected: {:?}\n  actual:   {:?}\nrerun with EXPANSIONS=overwrite to accept it\n\n{text}",
                path.display(),
                first + 1,
                expected.lines().nth(first),
                text.lines().nth(first),
            );
        }
    }

    #[test]
    fn constructs_become_builder_calls_in_declaration_order() {
        snapshot(
            "constructs_in_order",
            quote! {
                stack Intro {
                    vpc Vpc { max_azs: 2 }
                    cluster Cluster { vpc: Vpc, add_capacity Asg { instance_type: "t2.xlarge" } }
                }
            },
        );
    }

    #[test]
    fn string_ids_get_sanitized_bindings() {
        snapshot(
            "string_ids",
            quote! {
                stack S { cluster "my-cluster" {} ec2_task_definition T { network_mode: Bridge } }
            },
        );
    }

    #[test]
    fn ids_starting_with_digits_do_not_take_nested_bindings() {
        snapshot(
            "digit_ids",
            quote! {
                stack S { vpc Vpc {} cluster "0-Asg" { vpc: Vpc, add_capacity Asg { instance_type: "t3.micro" } } }
            },
        );
    }

    #[test]
    fn container_references_become_calls_after_every_container() {
        snapshot(
            "container_references",
            quote! {
                stack S { ec2_task_definition T {
                    container web {
                        image: img(), memory_limit_mib: 256,
                        links: [redis, "db"],
                        container_dependencies: [{ container: redis, condition: Start }],
                    }
                    container redis { image: img(), memory_limit_mib: 256 }
                    container db { image: img(), memory_limit_mib: 256 }
                } }
            },
        );
    }

    #[test]
    fn an_unknown_container_id_is_reported_and_the_rest_expands() {
        snapshot(
            "unknown_container",
            quote! {
                stack S { ec2_task_definition T {
                    container web { image: img(), memory_limit_mib: 256, links: [rediss, redis] }
                    container redis { image: img(), memory_limit_mib: 256 }
                } }
            },
        );
    }

    #[test]
    fn errors_are_emitted_beside_the_valid_expansion() {
        snapshot(
            "errors_beside_expansion",
            quote! {
                stack S { vpc V { max_azs: 2, zones: 3 } cluster C { vpc: W } }
            },
        );
    }

    #[test]
    fn named_constants_get_a_const_check() {
        snapshot(
            "const_checks",
            quote! {
                stack S { fargate_task_definition T { cpu: CPU, memory_limit_mib: 512 } }
            },
        );
    }

    #[test]
    fn raw_resources_and_their_tokens_expand_to_cfn_values() {
        snapshot(
            "raw_resources",
            quote! {
                stack S {
                    queue Jobs {}
                    scope Data {
                        resource Bucket {
                            type: "AWS::S3::Bucket",
                            properties: { Name: "a", Versioning: { Status: "Enabled" }, Rules: [1, -2, 0.5, true] },
                            removal_policy: Retain,
                        }
                    }
                    resource Param {
                        type: "AWS::SSM::Parameter",
                        properties: { Value: Jobs.queue_url, Bucket: Bucket.Ref, Host: Bucket.Endpoint.Address },
                        depends_on: [Bucket, Data],
                    }
                }
            },
        );
    }

    #[test]
    fn services_load_balancers_and_scaling_expand_to_their_builders() {
        snapshot(
            "services_and_load_balancers",
            quote! {
                stack S {
                    vpc Vpc { max_azs: 2 }
                    cluster Cluster { vpc: Vpc }
                    fargate_task_definition Td {
                        cpu: 256, memory_limit_mib: 512,
                        container web { image: img(), port_mappings: [80] }
                    }
                    fargate_service Service { cluster: Cluster, task_definition: Td }
                    application_load_balancer Lb {
                        vpc: Vpc, internet_facing: true,
                        listener Listener { port: 80, add_targets Web { port: 80, targets: [Service] } }
                    }
                    auto_scale_task_count Service {
                        max_capacity: 4,
                        scale_on_cpu_utilization Cpu { target_utilization_percent: 50 }
                    }
                    cfn_output Dns { value: Lb.load_balancer_dns_name }
                }
            },
        );
    }
}
