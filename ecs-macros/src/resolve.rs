//! Stage 3: the symbol tables. Ids are unique in their scope (rule G4) and every reference names a
//! construct of the right kind declared earlier in the same stack; each valid reference gets its
//! target filled in, the others are reported on the reference token.

use ecs_core::rules;

use crate::ctxt::Ctxt;
use crate::model::{Item, KindId, PropValue, RefClass, Reference};

/// Checks ids and resolves references in every stack.
pub fn resolve(stacks: &mut [Item], cx: &Ctxt) {
    unique_ids(stacks, "the app", cx);
    for stack in stacks.iter() {
        let scope = format!("stack `{}`", stack.id.name);
        unique_ids(&stack.children, &scope, cx);
        for item in &stack.children {
            for kind in [KindId::Capacity, KindId::Container] {
                let children: Vec<&Item> = item.children_of(kind).collect();
                let scope = format!("{} `{}`", item.kind.noun, item.id.name);
                unique_ids_of(&children, &scope, cx);
            }
        }
    }
    for index in 0..stacks.len() {
        let (before, rest) = stacks.split_at_mut(index);
        let (stack, after) = rest.split_first_mut().expect("index in range");
        let others: Vec<&Item> = before.iter().chain(after.iter()).collect();
        resolve_stack(stack, &others, cx);
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

/// Resolves the references of one stack's constructs.
fn resolve_stack(stack: &mut Item, others: &[&Item], cx: &Ctxt) {
    let declared: Vec<(String, KindId, Option<RefClass>)> = stack
        .children
        .iter()
        .map(|item| (item.id.name.clone(), item.kind.id, item.kind.class))
        .collect();
    let stack_name = stack.id.name.clone();
    for (index, item) in stack.children.iter_mut().enumerate() {
        let user = item.id.name.clone();
        let launch_keyword = match item.kind.id {
            KindId::Ec2Service => "ec2_task_definition",
            KindId::ExternalService => "external_task_definition",
            _ => "fargate_task_definition",
        };
        for prop in &mut item.props {
            let (references, late): (Vec<&mut Reference>, bool) = match &mut prop.value {
                PropValue::Ref(reference) => (vec![reference], false),
                // Used once the whole stack is built, so they may name later constructs.
                PropValue::LateRefs(references) => (references.iter_mut().collect(), true),
                _ => continue,
            };
            for reference in references {
                let kind_word = match reference.class {
                    RefClass::TaskDefinition if !late => launch_keyword,
                    class => class.noun(),
                };
                let context = Context {
                    declared: &declared,
                    user: &user,
                    index: if late { usize::MAX } else { index },
                    stack: &stack_name,
                    others,
                    kind_word,
                };
                reference.target = resolve_reference(reference, &prop.name, &context, cx);
            }
        }
    }
}

/// What a reference is resolved against.
struct Context<'a> {
    declared: &'a [(String, KindId, Option<RefClass>)],
    user: &'a str,
    index: usize,
    stack: &'a str,
    others: &'a [&'a Item],
    kind_word: &'a str,
}

/// Resolves one reference, reporting why it cannot be.
fn resolve_reference(
    reference: &Reference,
    property: &syn::Ident,
    cx_ref: &Context,
    cx: &Ctxt,
) -> Option<usize> {
    let name = &reference.id.name;
    let span = reference.id.span();
    let Some(target) = cx_ref.declared.iter().position(|(n, _, _)| n == name) else {
        // G4: a name of another stack gets its own message, since the fix differs.
        if let Some(other) = cx_ref
            .others
            .iter()
            .find(|s| s.children.iter().any(|i| &i.id.name == name))
        {
            cx.error_at(
                span,
                format!(
                    "`{name}` is declared in stack `{}`: references across stacks are not supported yet; declare a {} in stack `{}`",
                    other.id.name,
                    reference.class.noun(),
                    cx_ref.stack
                ),
            );
            return None;
        }
        let candidates: Vec<&str> = cx_ref
            .declared
            .iter()
            .filter(|(_, _, class)| *class == Some(reference.class))
            .map(|(n, _, _)| n.as_str())
            .collect();
        cx.error_at(
            span,
            rules::unknown_name_message(cx_ref.kind_word, name, &candidates),
        );
        return None;
    };
    let (_, kind, class) = &cx_ref.declared[target];
    if *class != Some(reference.class) {
        cx.error_at(
            span,
            format!(
                "`{name}` is {}, not a {}: `{property}` takes the name of a {} declared in this stack",
                with_article(crate::model::kind(*kind).noun),
                reference.class.noun(),
                reference.class.noun(),
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
    Some(target)
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
            ["`TaskDef` is an ec2 task definition, not a cluster: `cluster` takes the name of a cluster declared in this stack"]
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
    fn a_reference_to_another_stack_is_not_supported_yet() {
        let (_, errors) = resolve_str(quote! {
            stack A { cluster Cluster {} }
            stack B { fargate_task_definition T { cpu: 256, memory_limit_mib: 512 }
                      fargate_service Svc { cluster: Cluster, task_definition: T } }
        });
        assert_eq!(
            errors,
            ["`Cluster` is declared in stack `A`: references across stacks are not supported yet; declare a cluster in stack `B`"]
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
