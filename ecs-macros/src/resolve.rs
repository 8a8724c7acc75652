//! Stage 3: the symbol tables. Ids are unique in their scope (rule G4) and every reference names a
//! construct of the right kind declared earlier in the same stack; each valid reference gets its
//! target filled in, the others are reported on the reference token.

use ecs_core::rules;

use crate::ctxt::Ctxt;
use crate::model::{
    AttrValue, CfnValue, ContainerElement, ContainerReference, ContainerRefsValue, ContainerValue,
    Item, KindId, PeerRef, PeerTarget, PeerValue, PropValue, ProviderValue, RefClass, Reference,
    StrategiesValue, TargetValue,
};

/// Checks ids and resolves references in every stack.
pub fn resolve(stacks: &mut [Item], cx: &Ctxt) {
    unique_ids(stacks, "the app", cx);
    for stack in stacks.iter() {
        let scope = format!("stack `{}`", stack.id.name);
        // Items whose id names another construct (`auto_scale_task_count Service`) declare
        // nothing.
        // Scopes name no construct a reference could mean: their ids are unique among the
        // scopes beside them, as the CDK requires.
        let declaring: Vec<&Item> = stack
            .children
            .iter()
            .filter(|i| i.kind.id_ref.is_none() && i.kind.id != KindId::Scope)
            .collect();
        unique_ids_of(&declaring, &scope, cx);
        let mut parents: Vec<Option<usize>> = stack
            .children
            .iter()
            .filter(|i| i.kind.id == KindId::Scope)
            .map(|i| i.scope)
            .collect();
        parents.sort();
        parents.dedup();
        for parent in parents {
            let scopes: Vec<&Item> = stack
                .children
                .iter()
                .filter(|i| i.kind.id == KindId::Scope && i.scope == parent)
                .collect();
            unique_ids_of(&scopes, &scope, cx);
        }
        for item in &stack.children {
            for kind in [
                KindId::Capacity,
                KindId::Container,
                KindId::AddAutoScalingGroup,
                KindId::AddAsgCapacityProvider,
                KindId::AddManagedInstancesCapacityProvider,
            ] {
                let children: Vec<&Item> = item.children_of(kind).collect();
                let scope = format!("{} `{}`", item.kind.noun, item.id.name);
                unique_ids_of(&children, &scope, cx);
            }
        }
    }
    for index in 0..stacks.len() {
        let (before, rest) = stacks.split_at_mut(index);
        let (stack, after) = rest.split_first_mut().expect("index in range");
        let others: Vec<(usize, &Item)> = before
            .iter()
            .enumerate()
            .chain(after.iter().enumerate().map(|(i, s)| (index + 1 + i, s)))
            .collect();
        resolve_stack(stack, index, &others, cx);
        resolve_capacity(stack, index, &others, cx);
        resolve_observability(stack, index, &others, cx);
        resolve_connections(stack, index, &others, cx);
        for item in &mut stack.children {
            resolve_containers(item, cx);
        }
    }
}

/// Resolves the containers that containers of a task definition name by id (`links: [redis]`),
/// declared before or after them: the expansion makes those calls once every container is
/// added. An unknown id is reported on its token with the closest container.
fn resolve_containers(task: &mut Item, cx: &Ctxt) {
    let children: Vec<(KindId, String)> = task
        .children
        .iter()
        .map(|c| (c.kind.id, c.id.name.clone()))
        .collect();
    let ids: Vec<&str> = children
        .iter()
        .filter(|(kind, _)| *kind == KindId::Container)
        .map(|(_, name)| name.as_str())
        .collect();
    let task_name = task.id.name.clone();
    for container in task.children_of_mut(KindId::Container) {
        let user = container.id.name.clone();
        for prop in &mut container.props {
            let property = prop.name.to_string();
            let resolve = |reference: &mut ContainerReference| {
                let name = &reference.id.name;
                reference.target = children
                    .iter()
                    .position(|(kind, id)| *kind == KindId::Container && id == name);
                if reference.target.is_none() {
                    cx.error_at(
                        reference.id.span(),
                        rules::unknown_container_reference_message(
                            &property, &user, name, &task_name, &ids,
                        ),
                    );
                }
            };
            for reference in container_references(&mut prop.value) {
                resolve(reference);
            }
        }
    }
}

/// The containers a value names by id, including inside its objects.
fn container_references(value: &mut PropValue) -> Vec<&mut ContainerReference> {
    let mut out = Vec::new();
    match value {
        PropValue::Container(ContainerValue::Ref(reference)) => out.push(reference),
        PropValue::ContainerRefs(ContainerRefsValue::List(elements)) => {
            for element in elements {
                match element {
                    ContainerElement::Container(ContainerValue::Ref(reference)) => {
                        out.push(reference)
                    }
                    ContainerElement::Object(object) => {
                        for p in &mut object.props {
                            out.extend(container_references(&mut p.value));
                        }
                    }
                    ContainerElement::Container(ContainerValue::Expr(_)) => {}
                }
            }
        }
        _ => {}
    }
    out
}

// ---- capacity ----

/// Resolves the references inside items and strategies: the groups and providers a cluster
/// adds, the keys its capacity uses, the providers strategies name. What a cluster adds may be
/// declared after it (the expansion calls the cluster's methods once both exist); a service's
/// strategy names providers declared before the service.
fn resolve_capacity(stack: &mut Item, stack_index: usize, others: &[(usize, &Item)], cx: &Ctxt) {
    let declared = declared(stack);
    let stack_name = stack.id.name.clone();
    for (index, item) in stack.children.iter_mut().enumerate() {
        let user = item.id.name.clone();
        // Forward references are fine where the expansion defers the call.
        let limit = if item.kind.id == KindId::Cluster {
            usize::MAX
        } else {
            index
        };
        let context = |kind_word: &'static str| Context {
            declared: &declared,
            user: &user,
            index: limit,
            stack: &stack_name,
            stack_index,
            others,
            kind_word,
        };
        for prop in &mut item.props {
            if let PropValue::Strategies(StrategiesValue::List(strategies)) = &mut prop.value {
                for strategy in strategies {
                    for p in &mut strategy.props {
                        if let PropValue::Provider(ProviderValue::Ref(reference)) = &mut p.value {
                            let cx_ref = context(reference.class.noun());
                            let found = resolve_reference(reference, &p.name, &cx_ref, cx);
                            set_target(reference, found);
                        }
                    }
                }
            }
        }
        for child in &mut item.children {
            if let Some(reference) = &mut child.target {
                let cx_ref = context(reference.class.noun());
                let keyword = syn::Ident::new(child.kind.keyword, reference.id.span());
                let found = resolve_reference(reference, &keyword, &cx_ref, cx);
                // The group's instances join the cluster through user data naming it, and the
                // cluster names the group: across two stacks that is a dependency cycle.
                if let Some((Some(other), _)) = found {
                    let name = &reference.id.name;
                    let other = &others
                        .iter()
                        .find(|(i, _)| *i == other)
                        .expect("resolved")
                        .1;
                    cx.error_at(
                        reference.id.span(),
                        format!(
                            "`{name}` is declared in stack `{}`, but a cluster adds only {} of its own stack: declare `{name}` in stack `{stack_name}`",
                            other.id.name,
                            with_article(reference.class.noun()),
                        ),
                    );
                    continue;
                }
                set_target(reference, found);
            }
            for p in &mut child.props {
                if let PropValue::Ref(reference) = &mut p.value {
                    let cx_ref = context(reference.class.noun());
                    let found = resolve_reference(reference, &p.name, &cx_ref, cx);
                    set_target(reference, found);
                }
            }
        }
    }
}

/// The names the stack's items declare, by index: items whose id names another construct
/// declare none (an empty name matches no reference).
fn declared(stack: &Item) -> Vec<(String, KindId, Option<RefClass>)> {
    stack
        .children
        .iter()
        .map(|item| {
            let name = match item.kind.id_ref {
                Some(_) => String::new(),
                None => item.id.name.clone(),
            };
            (name, item.kind.id, item.kind.class)
        })
        .collect()
}

// ---- log drivers, ECS Exec, auto-scaling, scheduled tasks ----

/// Resolves what `auto_scale_task_count` items name: the service (their id) and the target
/// groups of their request-count policies (`add_targets` items of listeners), all declared
/// before the item.
fn resolve_observability(
    stack: &mut Item,
    stack_index: usize,
    others: &[(usize, &Item)],
    cx: &Ctxt,
) {
    let declared = declared(stack);
    // (id, load balancer index, listener index, add_targets index)
    let mut groups: Vec<(String, usize, usize, usize)> = Vec::new();
    for (lb, item) in stack.children.iter().enumerate() {
        if !matches!(
            item.kind.id,
            KindId::ApplicationLoadBalancer
                | KindId::NetworkLoadBalancer
                | KindId::ImportedApplicationLoadBalancer
                | KindId::ImportedNetworkLoadBalancer
        ) {
            continue;
        }
        for (l, listener) in item.children.iter().enumerate() {
            for (t, targets) in listener.children.iter().enumerate() {
                if targets.kind.id == KindId::AddTargets {
                    groups.push((targets.id.name.clone(), lb, l, t));
                }
            }
        }
    }
    let stack_name = stack.id.name.clone();
    for (index, item) in stack.children.iter_mut().enumerate() {
        if item.kind.id != KindId::AutoScaleTaskCount {
            continue;
        }
        let user = item.id.name.clone();
        if let Some(reference) = &mut item.target {
            let scaling = format!("auto_scale_task_count {user}");
            let context = Context {
                declared: &declared,
                user: &scaling,
                index,
                stack: &stack_name,
                stack_index,
                others,
                kind_word: "service",
            };
            let keyword = syn::Ident::new(item.kind.keyword, reference.id.span());
            let found = resolve_reference(reference, &keyword, &context, cx);
            // A service of another stack cannot be scaled from this one.
            if let Some((Some(_), _)) = found {
                cx.error_at(
                    reference.id.span(),
                    format!(
                        "`{}` is declared in another stack: declare `auto_scale_task_count {}` in the stack of the service",
                        reference.id.name, reference.id.name
                    ),
                );
            } else {
                set_target(reference, found);
            }
        }
        for policy in &mut item.children {
            for prop in &mut policy.props {
                let PropValue::TargetGroup(group) = &mut prop.value else {
                    continue;
                };
                let name = &group.id.name;
                match groups.iter().find(|(n, ..)| n == name) {
                    Some((_, lb, l, t)) if *lb < index => group.path = Some((*lb, *l, *t)),
                    Some(_) => cx.error_at(
                        group.id.span(),
                        format!(
                            "`{name}` is declared after `auto_scale_task_count {user}`: declare its load balancer before `auto_scale_task_count {user}`"
                        ),
                    ),
                    None => {
                        let message = match declared.iter().find(|(n, _, _)| n == name) {
                            Some((_, kind, _)) => format!(
                                "`{name}` is {}, not the `add_targets` of a listener: `target_group` takes the id of an `add_targets` item",
                                with_article(crate::model::kind(*kind).noun)
                            ),
                            None => {
                                let candidates: Vec<&str> =
                                    groups.iter().map(|(n, ..)| n.as_str()).collect();
                                rules::unknown_name_message("add_targets", name, &candidates)
                            }
                        };
                        cx.error_at(group.id.span(), message);
                    }
                }
            }
        }
    }
}

// ---- connections ----

/// A construct connections may name: its name, kind and listeners (id, index among its items).
struct Connectable {
    name: String,
    kind: KindId,
    listeners: Vec<(String, usize)>,
}

fn connectables(stack: &Item) -> Vec<Connectable> {
    stack
        .children
        .iter()
        .map(|item| Connectable {
            name: match item.kind.id_ref {
                Some(_) => String::new(),
                None => item.id.name.clone(),
            },
            kind: item.kind.id,
            listeners: item
                .children
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind.id == KindId::Listener)
                .map(|(i, c)| (c.id.name.clone(), i))
                .collect(),
        })
        .collect()
}

/// Resolves the peers of connections properties (`allow_from: [{ peer: Api, … }]`) of the
/// stack's constructs and of its load balancers' listeners. The rules are made once the whole
/// stack is built, so a peer may be declared anywhere in the stack, or in an earlier stack.
fn resolve_connections(stack: &mut Item, stack_index: usize, others: &[(usize, &Item)], cx: &Ctxt) {
    let own = connectables(stack);
    let earlier: Vec<(usize, &str, Vec<Connectable>)> = others
        .iter()
        .map(|(i, s)| (*i, s.id.name.as_str(), connectables(s)))
        .collect();
    let stack_name = stack.id.name.clone();
    let resolve = |property: &syn::Ident, peer: &mut PeerRef| {
        let name = &peer.id.name;
        let found = match own.iter().position(|c| c.name == *name) {
            Some(item) => Some((None, item, &own[item])),
            None => earlier
                .iter()
                .find_map(|(i, s, cs)| {
                    cs.iter()
                        .position(|c| c.name == *name)
                        .map(|item| (*i, *s, item, &cs[item]))
                })
                .and_then(|(i, other, item, c)| {
                    if i > stack_index {
                        cx.error_at(
                            peer.id.span(),
                            format!(
                                "`{name}` is declared in stack `{other}`, which comes after stack `{stack_name}`: declare stack `{other}` first"
                            ),
                        );
                        return None;
                    }
                    Some((Some(i), item, c))
                })
                .or_else(|| {
                    if !earlier.iter().any(|(_, _, cs)| cs.iter().any(|c| c.name == *name)) {
                        let candidates: Vec<&str> = own
                            .iter()
                            .chain(earlier.iter().filter(|(i, ..)| *i < stack_index).flat_map(|(_, _, cs)| cs))
                            .filter(|c| ecs_core::schema::connectable(c.kind).is_some())
                            .map(|c| c.name.as_str())
                            .collect();
                        let message = match rules::did_you_mean(name, &candidates) {
                            Some(best) => format!("no connectable construct named `{name}`: did you mean `{best}`?"),
                            None => format!(
                                "no connectable construct named `{name}` in stack `{stack_name}`: declare it, or write a peer such as `Peer::ipv4(\"10.0.0.0/16\")`"
                            ),
                        };
                        cx.error_at(peer.id.span(), message);
                    }
                    None
                }),
        };
        let Some((stack, item, c)) = found else {
            return;
        };
        let noun = crate::model::kind(c.kind).noun;
        let (child, default_port) = match &peer.member {
            Some(member) => {
                let listener = c.listeners.iter().find(|(n, _)| *n == member.name);
                match listener {
                    Some((_, index)) => (Some(*index), true),
                    None => {
                        let names: Vec<&str> =
                            c.listeners.iter().map(|(n, _)| n.as_str()).collect();
                        let message = match rules::did_you_mean(&member.name, &names) {
                            Some(best) => format!(
                                "no listener `{}` in {noun} `{name}`: did you mean `{best}`?",
                                member.name
                            ),
                            None => format!(
                                "no listener `{}` in {noun} `{name}`: `{name}.Id` names a listener declared in it",
                                member.name
                            ),
                        };
                        cx.error_at(member.span(), message);
                        return;
                    }
                }
            }
            None => match ecs_core::schema::connectable(c.kind) {
                Some(default_port) => (None, default_port),
                None => {
                    cx.error_at(
                        peer.id.span(),
                        format!(
                            "`{name}` is {}, which has no security groups: `{property}` names a service, security group, load balancer, listener, cluster, auto scaling group or file system, or a peer such as `Peer::ipv4(\"10.0.0.0/16\")`",
                            with_article(noun)
                        ),
                    );
                    return;
                }
            },
        };
        if property == "allow_to_default_port" && !default_port {
            cx.error_at(
                peer.id.span(),
                format!(
                    "`{name}` is {}, which has no default port (listeners and file systems have one): use `allow_to: [{{ peer: {name}, port: … }}]`",
                    with_article(noun)
                ),
            );
            return;
        }
        peer.target = Some(PeerTarget { stack, item, child });
    };
    let peers = |owner: &mut Item| {
        for prop in &mut owner.props {
            let PropValue::Connections(rules) = &mut prop.value else {
                continue;
            };
            for rule in rules {
                for p in &mut rule.props {
                    if let PropValue::Peer(PeerValue::Ref(peer)) = &mut p.value {
                        resolve(&prop.name, peer);
                    }
                }
            }
        }
    };
    for item in &mut stack.children {
        peers(item);
        for listener in item.children_of_mut(KindId::Listener) {
            peers(listener);
        }
    }
}

/// Records what `resolve_reference` found: the construct, and its stack when another.
fn set_target(reference: &mut Reference, found: Option<(Option<usize>, usize)>) {
    if let Some((stack, target)) = found {
        reference.target = Some(target);
        reference.stack = stack;
    }
}

/// Rule G4 for one scope: a construct path names one construct.
fn unique_ids(items: &[Item], scope: &str, cx: &Ctxt) {
    unique_ids_of(&items.iter().collect::<Vec<_>>(), scope, cx);
}

fn unique_ids_of(items: &[&Item], scope: &str, cx: &Ctxt) {
    for (index, item) in items.iter().enumerate() {
        if let Some(first) = items[..index].iter().find(|i| i.id.name == item.id.name) {
            cx.error_at(
                item.id.span(),
                rules::duplicate_id_message(&item.id.name, scope),
            );
            cx.error_at(
                first.id.span(),
                format!("`{}` is first declared here", first.id.name),
            );
        }
    }
}

/// Resolves the references of one stack's constructs, nested items and objects included.
fn resolve_stack(stack: &mut Item, stack_index: usize, others: &[(usize, &Item)], cx: &Ctxt) {
    let declared = declared(stack);
    let stack_name = stack.id.name.clone();
    for (index, item) in stack.children.iter_mut().enumerate() {
        let user = item.id.name.clone();
        let launch_keyword = match item.kind.id {
            KindId::Ec2Service => "ec2_task_definition",
            KindId::ExternalService => "external_task_definition",
            _ => "fargate_task_definition",
        };
        let context = Context {
            declared: &declared,
            user: &user,
            index,
            stack: &stack_name,
            stack_index,
            others,
            kind_word: launch_keyword,
        };
        resolve_item(item, &context, cx);
    }
}

/// Resolves every reference of `item`: its properties, objects in them, and nested items.
fn resolve_item(item: &mut Item, context: &Context, cx: &Ctxt) {
    for prop in &mut item.props {
        let name = prop.name.clone();
        match &mut prop.value {
            PropValue::Ref(reference) => resolve_into(reference, &name, context, cx),
            PropValue::Refs(references) => {
                for reference in references {
                    resolve_into(reference, &name, context, cx);
                }
            }
            // Used once the whole stack is built, so they may name later constructs.
            PropValue::LateRefs(references) => {
                let late = Context {
                    index: usize::MAX,
                    ..*context
                };
                for reference in references {
                    let kind_word = reference.class.noun();
                    let late = Context { kind_word, ..late };
                    let found = resolve_reference(reference, &name, &late, cx);
                    set_target(reference, found);
                }
            }
            PropValue::Object(object) => resolve_item(object, context, cx),
            PropValue::Objects(objects) => {
                for object in objects {
                    resolve_item(object, context, cx);
                }
            }
            PropValue::Targets(targets) => {
                for target in targets {
                    match target {
                        TargetValue::Service(reference) => {
                            resolve_into(reference, &name, context, cx)
                        }
                        TargetValue::Object(object) => resolve_item(object, context, cx),
                    }
                }
            }
            PropValue::Attr(AttrValue::Attr(reference, _)) => {
                // An attribute may be read from a construct of any kind.
                let found = context
                    .declared
                    .iter()
                    .position(|(n, _, _)| *n == reference.id.name);
                match found {
                    Some(target) if target < context.index => reference.target = Some(target),
                    Some(_) => cx.error_at(
                        reference.id.span(),
                        format!(
                            "`{}` is declared after `{}`: declare `{}` before `{}`",
                            reference.id.name, context.user, reference.id.name, context.user
                        ),
                    ),
                    None => cx.error_at(
                        reference.id.span(),
                        format!(
                            "no construct named `{}` in stack `{}`: name a construct declared before `{}`",
                            reference.id.name, context.stack, context.user
                        ),
                    ),
                }
            }
            PropValue::Cfn(value) => resolve_cfn_value(value, context, cx),
            _ => {}
        }
    }
    // A cluster's nested items may name constructs declared after it: `resolve_capacity`
    // resolves them.
    if item.kind.id == KindId::Cluster {
        return;
    }
    for child in &mut item.children {
        resolve_item(child, context, cx);
    }
}

/// Resolves the constructs a raw resource's properties read attributes of: declared before it
/// in its stack. Only a raw resource has attributes of several parts (`Db.Endpoint.Address`)
/// and `Ref`; another construct's is one of its handle's methods (`Jobs.queue_url`).
fn resolve_cfn_value(value: &mut CfnValue, context: &Context, cx: &Ctxt) {
    match value {
        CfnValue::Map(pairs) => {
            for (_, v) in pairs {
                resolve_cfn_value(v, context, cx);
            }
        }
        CfnValue::List(values) => {
            for v in values {
                resolve_cfn_value(v, context, cx);
            }
        }
        CfnValue::Attr(reference, members) => {
            let name = &reference.id.name;
            match context.declared.iter().position(|(n, _, _)| n == name) {
                Some(target) if target < context.index => {
                    let (_, kind, _) = context.declared[target];
                    if kind != KindId::CfnResource && members.len() > 1 {
                        cx.error_at(
                            members[1].span(),
                            format!(
                                "`{name}` is {}: read one attribute of it, e.g. `{name}.{}`",
                                with_article(crate::model::kind(kind).noun),
                                members[0]
                            ),
                        );
                    } else if kind == KindId::Scope {
                        cx.error_at(
                            reference.id.span(),
                            format!(
                                "`{name}` is a scope, which has no attributes: name a construct"
                            ),
                        );
                    } else {
                        reference.target = Some(target);
                    }
                }
                Some(_) => cx.error_at(
                    reference.id.span(),
                    format!(
                        "`{name}` is declared after `{}`: declare `{name}` before `{}`",
                        context.user, context.user
                    ),
                ),
                None => {
                    let candidates: Vec<&str> = context.declared
                        [..context.index.min(context.declared.len())]
                        .iter()
                        .filter(|(n, kind, _)| !n.is_empty() && *kind != KindId::Scope)
                        .map(|(n, _, _)| n.as_str())
                        .collect();
                    cx.error_at(
                        reference.id.span(),
                        unknown_construct_message(name, &candidates, context),
                    );
                }
            }
        }
        CfnValue::Expr(_) => {}
    }
}

/// A name no construct of the stack has, where any construct may be named.
fn unknown_construct_message(name: &str, candidates: &[&str], context: &Context) -> String {
    match rules::did_you_mean(name, candidates) {
        Some(best) => format!("no construct named `{name}`: did you mean `{best}`?"),
        None => format!(
            "no construct named `{name}` in stack `{}`: name a construct declared before `{}`",
            context.stack, context.user
        ),
    }
}

fn resolve_into(reference: &mut Reference, property: &syn::Ident, context: &Context, cx: &Ctxt) {
    let class = reference.class;
    let kind_word = match class {
        RefClass::TaskDefinition | RefClass::AnyTaskDefinition => context.kind_word,
        class => class.noun(),
    };
    let context = Context {
        kind_word,
        ..*context
    };
    let found = resolve_reference(reference, property, &context, cx);
    set_target(reference, found);
}

/// What a reference is resolved against.
#[derive(Clone, Copy)]
struct Context<'a> {
    declared: &'a [(String, KindId, Option<RefClass>)],
    user: &'a str,
    index: usize,
    stack: &'a str,
    stack_index: usize,
    others: &'a [(usize, &'a Item)],
    kind_word: &'a str,
}

/// Resolves one reference, reporting why it cannot be.
fn resolve_reference(
    reference: &Reference,
    property: &syn::Ident,
    cx_ref: &Context,
    cx: &Ctxt,
) -> Option<(Option<usize>, usize)> {
    let name = &reference.id.name;
    let span = reference.id.span();
    let Some(target) = cx_ref.declared.iter().position(|(n, _, _)| n == name) else {
        // A construct of an earlier stack becomes a cross-stack reference; a later stack's
        // is not built yet when this one is.
        if let Some((other_index, other)) = cx_ref
            .others
            .iter()
            .find(|(_, s)| s.children.iter().any(|i| &i.id.name == name))
        {
            if *other_index > cx_ref.stack_index {
                cx.error_at(
                    span,
                    format!(
                        "`{name}` is declared in stack `{}`, which comes after stack `{}`: declare stack `{}` first",
                        other.id.name, cx_ref.stack, other.id.name
                    ),
                );
                return None;
            }
            let target = other
                .children
                .iter()
                .position(|i| &i.id.name == name)
                .expect("found above");
            let item = &other.children[target];
            if reference.class == RefClass::Any {
                cx.error_at(
                    span,
                    format!(
                        "`{name}` is declared in stack `{}`: `{property}` names constructs of stack `{}`",
                        other.id.name, cx_ref.stack
                    ),
                );
                return None;
            }
            if !reference.class.accepts(item.kind.class) {
                cx.error_at(
                    span,
                    format!(
                        "`{name}` is {}, not a {}: `{property}` takes the name of a {}",
                        with_article(item.kind.noun),
                        reference.class.noun(),
                        reference.class.noun(),
                    ),
                );
                return None;
            }
            return Some((Some(*other_index), target));
        }
        let candidates: Vec<&str> = cx_ref
            .declared
            .iter()
            .filter(|(n, kind, class)| {
                if reference.class == RefClass::Any {
                    !n.is_empty() && *kind != KindId::CfnOutput
                } else {
                    reference.class.accepts(*class)
                }
            })
            .map(|(n, _, _)| n.as_str())
            .collect();
        let message = if reference.class == RefClass::Any {
            unknown_construct_message(name, &candidates, cx_ref)
        } else {
            rules::unknown_name_message(cx_ref.kind_word, name, &candidates)
        };
        cx.error_at(span, message);
        return None;
    };
    let (_, kind, class) = &cx_ref.declared[target];
    if reference.class == RefClass::Any && *kind == KindId::CfnOutput {
        cx.error_at(
            span,
            format!("`{name}` is an output, which is no resource: `{property}` names constructs"),
        );
        return None;
    }
    if reference.class != RefClass::Any && !reference.class.accepts(*class) {
        cx.error_at(
            span,
            format!(
                "`{name}` is {}, not {}: `{property}` takes the name of {} declared in this stack",
                with_article(crate::model::kind(*kind).noun),
                with_article(reference.class.noun()),
                with_article(reference.class.noun()),
            ),
        );
        return None;
    }
    if target > cx_ref.index {
        cx.error_at(
            span,
            format!(
                "`{name}` is declared after `{}`: declare `{name}` before `{}`",
                cx_ref.user, cx_ref.user
            ),
        );
        return None;
    }
    Some((None, target))
}

/// "a cluster", "an ec2 service".
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::TokenStream;
    use quote::quote;

    fn resolve_str(tokens: TokenStream) -> (Vec<Item>, Vec<String>) {
        let cx = Ctxt::new();
        let entries = crate::parse::parse(tokens, &cx);
        let mut stacks = crate::model::build(entries, &cx);
        resolve(&mut stacks, &cx);
        (
            stacks,
            cx.into_errors().iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn references_resolve_to_earlier_declarations() {
        let (stacks, errors) = resolve_str(quote! {
            stack S {
                cluster "my-cluster" {}
                fargate_task_definition TaskDef { cpu: 256, memory_limit_mib: 512 }
                fargate_service Svc { cluster: "my-cluster", task_definition: TaskDef }
            }
        });
        assert!(errors.is_empty(), "{errors:?}");
        let svc = &stacks[0].children[2];
        assert_eq!(svc.reference("cluster").unwrap().target, Some(0));
        assert_eq!(svc.reference("task_definition").unwrap().target, Some(1));
    }

    #[test]
    fn an_unknown_name_suggests_the_closest_of_its_kind() {
        let (_, errors) = resolve_str(quote! {
            stack S {
                cluster Cluster {}
                fargate_service Svc { cluster: Clustr, task_definition: Nothing }
            }
        });
        assert_eq!(
            errors,
            [
                "no cluster named `Clustr`: did you mean `Cluster`?",
                "no fargate_task_definition named `Nothing`: declare one with `fargate_task_definition Nothing { … }`",
            ]
        );
    }

    #[test]
    fn a_name_of_the_wrong_kind_says_what_it_is() {
        let (_, errors) = resolve_str(quote! {
            stack S {
                cluster Cluster {}
                ec2_task_definition TaskDef {}
                ec2_service Svc { cluster: TaskDef, task_definition: TaskDef }
            }
        });
        assert_eq!(
            errors,
            [
                "`TaskDef` is an ec2 task definition, not a cluster: `cluster` takes the name of a cluster declared in this stack"
            ]
        );
    }

    #[test]
    fn a_forward_reference_asks_to_reorder() {
        let (_, errors) = resolve_str(quote! {
            stack S {
                fargate_service Svc { cluster: Cluster, task_definition: T }
                cluster Cluster {}
                fargate_task_definition T { cpu: 256, memory_limit_mib: 512 }
            }
        });
        assert_eq!(
            errors,
            [
                "`Cluster` is declared after `Svc`: declare `Cluster` before `Svc`",
                "`T` is declared after `Svc`: declare `T` before `Svc`",
            ]
        );
    }

    #[test]
    fn a_reference_to_an_earlier_stack_resolves_across_stacks() {
        let (stacks, errors) = resolve_str(quote! {
            stack A { cluster Cluster {} }
            stack B { fargate_task_definition T { cpu: 256, memory_limit_mib: 512 }
                      fargate_service Svc { cluster: Cluster, task_definition: T } }
        });
        assert!(errors.is_empty(), "{errors:?}");
        let cluster = stacks[1].children[1].reference("cluster").unwrap();
        assert_eq!((cluster.stack, cluster.target), (Some(0), Some(0)));
    }

    #[test]
    fn a_reference_to_a_later_stack_asks_to_reorder_the_stacks() {
        let (_, errors) = resolve_str(quote! {
            stack B { fargate_task_definition T { cpu: 256, memory_limit_mib: 512 }
                      fargate_service Svc { cluster: Cluster, task_definition: T } }
            stack A { cluster Cluster {} }
        });
        assert_eq!(
            errors,
            [
                "`Cluster` is declared in stack `A`, which comes after stack `B`: declare stack `A` first"
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_reported_at_the_second_in_every_scope() {
        let (_, errors) = resolve_str(quote! {
            stack Web { vpc Vpc {} cluster "Vpc" { add_capacity A { instance_type: "t" } add_capacity A { instance_type: "t" } } }
            stack Web {}
        });
        assert_eq!(
            errors,
            [
                "duplicate id `Web` in the app: give each construct in one scope its own id",
                "`Web` is first declared here",
                "duplicate id `Vpc` in stack `Web`: give each construct in one scope its own id",
                "`Vpc` is first declared here",
                "duplicate id `A` in cluster `Vpc`: give each construct in one scope its own id",
                "`A` is first declared here",
            ]
        );
    }
}
