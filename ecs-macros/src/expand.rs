//! Stage 5: the builder calls. The entry point [`ecs_app`] runs the pipeline; the rest turns the
//! checked model into one expression of type `Result<App, Error>`.
//!
//! Generated code names runtime items only through `::ecs_app::__private`, so it does not depend
//! on the user's prelude or names. Internal locals use mixed-site hygiene, invisible to user code.
//! Each construct becomes a local binding spanned at the user's id, and each reference a use of
//! that binding spanned at the reference, so hover and go-to-definition follow the names. On
//! errors the valid parts are still expanded next to the `compile_error!`s, so user expressions
//! keep type-checking and no secondary errors appear.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, LitStr};

use crate::check::{
    self, CapacityOperand, ConstCapacitySize, ConstChecks, ConstFargateSize, SizeOperand,
};
use crate::ctxt::Ctxt;
use crate::model::{
    self, EnumValue, EnvironmentValue, Id, Item, KindId, PortMappingValue, PortMappingsValue,
    PropValue, ProviderValue, StrategiesValue,
};
use crate::parse::{self, IdSyntax};
use crate::resolve;

/// Expands one `ecs_app!` invocation: parse, model, resolve, check, then generate.
pub fn ecs_app(input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let entries = parse::parse(input, &cx);
    let mut stacks = model::build(entries, &cx);
    resolve::resolve(&mut stacks, &cx);
    let consts = check::check(&stacks, &cx);
    let app = expand_app(&stacks, &consts);
    let errors = cx.into_compile_errors();
    quote! {
        {
            #errors
            #app
        }
    }
}

/// The hidden module of the runtime crate.
fn private() -> TokenStream {
    quote!(::ecs_app::__private)
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
    let stacks = stacks.iter().map(expand_stack);
    quote! {
        #(#const_checks)*
        #(#capacity_checks)*
        #[allow(unused_mut)]
        let mut #app = #p::App::new();
        let #result = (|| -> #p::Result<(), #p::Error> {
            #(#stacks)*
            #p::Ok(())
        })();
        #p::Result::map(#result, |()| #app)
    }
}

/// One stack: its handle, then its constructs in declaration order.
fn expand_stack(stack: &Item) -> TokenStream {
    let app = hidden("__ecs_app");
    let handle = hidden("__ecs_stack");
    let id = id_literal(&stack.id);
    // Calls on a construct that name constructs declared after it run once those exist.
    let mut deferred: Vec<(usize, TokenStream)> = Vec::new();
    let mut constructs = Vec::new();
    for (index, item) in stack.children.iter().enumerate() {
        let (own, later) = expand_construct(stack, index, item);
        deferred.extend(later);
        constructs.push(own);
        for (ready, call) in &deferred {
            if *ready == index {
                constructs.push(call.clone());
            }
        }
    }
    quote! {
        {
            #[allow(unused_variables)]
            let #handle = #app.add_stack(#id)?;
            #(#constructs)*
        }
    }
}

/// The binding of a construct: a hidden name spanned at `span` (the id, or a reference to it).
fn binding(prefix: &str, index: usize, id: &Id, span: Span) -> Ident {
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
        &format!("__ecs_{prefix}{index}_{sanitized}"),
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
    stack: &Item,
    index: usize,
    item: &Item,
) -> (TokenStream, Vec<(usize, TokenStream)>) {
    let p = private();
    let app = hidden("__ecs_app");
    let stack_handle = hidden("__ecs_stack");
    let name = binding("", index, &item.id, item.id.span());
    let id = id_literal(&item.id);
    let own_setters = setters(stack, item);
    let (constructor, props) = match item.kind.id {
        KindId::Vpc => (quote!(#p::ec2::Vpc), quote!(#p::ec2::VpcProps)),
        KindId::Cluster => (
            quote!(#p::cluster::Cluster),
            quote!(#p::cluster::ClusterProps),
        ),
        KindId::Ec2TaskDefinition => (
            quote!(#p::task_definition::Ec2TaskDefinition),
            quote!(#p::task_definition::Ec2TaskDefinitionProps),
        ),
        KindId::FargateTaskDefinition => (
            quote!(#p::task_definition::FargateTaskDefinition),
            quote!(#p::task_definition::FargateTaskDefinitionProps),
        ),
        KindId::Ec2Service => (
            quote!(#p::service::Ec2Service),
            quote!(#p::service::Ec2ServiceProps),
        ),
        KindId::FargateService => (
            quote!(#p::service::FargateService),
            quote!(#p::service::FargateServiceProps),
        ),
        KindId::AutoScalingGroup => (
            quote!(#p::capacity::AutoScalingGroup),
            quote!(#p::capacity::AutoScalingGroupProps),
        ),
        KindId::AsgCapacityProvider => (
            quote!(#p::capacity_provider::AsgCapacityProvider),
            quote!(#p::capacity_provider::AsgCapacityProviderProps),
        ),
        KindId::KmsKey => (quote!(#p::kms::Key), quote!(#p::kms::KeyProps)),
        // The model admits no other kind in a stack.
        _ => return (TokenStream::new(), Vec::new()),
    };
    let mut later = Vec::new();
    let mut last_ready = index;
    for (child_index, child) in item.children.iter().enumerate() {
        let prefix = format!("{index}_");
        let child_name = binding(&prefix, child_index, &child.id, child.id.span());
        let child_id = id_literal(&child.id);
        let child_setters = setters(stack, child);
        let ready = ready_index(index, child);
        last_ready = last_ready.max(ready);
        let call = match child.kind.id {
            KindId::AddAutoScalingGroup | KindId::AddAsgCapacityProvider => {
                let Some(reference) = &child.target else {
                    continue;
                };
                let Some(target) = reference.target else {
                    continue;
                };
                let added = binding("", target, &stack.children[target].id, reference.id.span());
                let method = match child.kind.id {
                    KindId::AddAutoScalingGroup => quote!(add_auto_scaling_group),
                    _ => quote!(add_asg_capacity_provider),
                };
                let options = quote!(#p::capacity::AddAutoScalingGroupCapacityOptions);
                quote! {
                    #name.#method(&mut #app, #added, <#options as #p::Default>::default() #child_setters)?;
                }
            }
            kind => {
                let (method, options) = match kind {
                    KindId::Capacity => (
                        quote!(add_capacity),
                        quote!(#p::capacity::AddCapacityOptions),
                    ),
                    _ => (
                        quote!(add_container),
                        quote!(#p::container::ContainerDefinitionOptions),
                    ),
                };
                quote! {
                    #[allow(unused_variables, non_snake_case)]
                    let #child_name = #name.#method(&mut #app, #child_id, <#options as #p::Default>::default() #child_setters)?;
                }
            }
        };
        later.push((ready, call));
    }
    // The cluster's default strategy names providers it adds, so it comes after them.
    if let Some(prop) = item.prop("default_capacity_provider_strategy") {
        let ready = ready_index(last_ready, item);
        let strategies = strategies_value(stack, &prop.value);
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
        #[allow(unused_variables, non_snake_case)]
        let #name = #constructor::new(&mut #app, #stack_handle, #id, <#props as #p::Default>::default() #own_setters)?;
        #(#now)*
    };
    (own, later)
}

// ---- capacity (issue 3) ----

/// The latest of `at` and the stack items `item`'s references name (its id target, its
/// reference properties, the providers of its strategies).
fn ready_index(at: usize, item: &Item) -> usize {
    let mut ready = at;
    if let Some(target) = item.target.as_ref().and_then(|r| r.target) {
        ready = ready.max(target);
    }
    for prop in &item.props {
        match &prop.value {
            PropValue::Ref(reference) => {
                if let Some(target) = reference.target {
                    ready = ready.max(target);
                }
            }
            PropValue::Strategies(StrategiesValue::List(strategies)) => {
                for strategy in strategies {
                    ready = ready_index(ready, strategy);
                }
            }
            PropValue::Provider(ProviderValue::Ref(reference)) => {
                if let Some(target) = reference.target {
                    ready = ready.max(target);
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
        let path = quote_spanned!(first=> ::ecs_app::__private::panic);
        let args = quote_spanned! {last=>
            !("{}", ::ecs_app::__private::rules::capacity_sizes_const_message(#error))
        };
        quote!(#path #args)
    };
    let error = Ident::new("__ecs_error", Span::call_site());
    let min_panic = panic_at(min_blame, quote!(#error));
    let desired_panic = panic_at(desired_blame, quote!(#error));
    quote! {
        const _: () = {
            match #p::rules::capacity_sizes(#min, #max, #desired) {
                #p::Ok(()) => {}
                #p::Err(#error @ #p::rules::CapacitySizeError::MinAboveMax { .. }) => #min_panic,
                #p::Err(#error) => #desired_panic,
            }
        };
    }
}

/// A strategies property as a `Vec<CapacityProviderStrategy>` expression.
fn strategies_value(stack: &Item, value: &PropValue) -> TokenStream {
    let p = private();
    let ty = quote!(#p::capacity_provider::CapacityProviderStrategy);
    match value {
        PropValue::Strategies(StrategiesValue::List(items)) => {
            let local = hidden("__ecs_strategies");
            let len = Literal::usize_unsuffixed(items.len());
            let elems = items.iter().map(|item| {
                let setters = setters(stack, item);
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

/// The setter calls for an item's valid properties, in the order written. A setter carries the
/// span of the property name; references that did not resolve are left out (already reported).
fn setters(stack: &Item, item: &Item) -> TokenStream {
    let p = private();
    item.props
        .iter()
        .filter_map(|prop| {
            let name = &prop.name;
            // A method call of its own, after the providers it names exist.
            if item.kind.id == KindId::Cluster && name == "default_capacity_provider_strategy" {
                return None;
            }
            let value = match &prop.value {
                PropValue::Expr(expr) => quote!(#expr),
                PropValue::Ref(reference) => {
                    let target = reference.target?;
                    let binding =
                        binding("", target, &stack.children[target].id, reference.id.span());
                    quote!(#binding)
                }
                PropValue::Enum(EnumValue::Variant(def, variant)) => {
                    let path = def.path.iter().map(|s| format_ident!("{}", s));
                    quote!(#p #(::#path)* :: #variant)
                }
                PropValue::Enum(EnumValue::Path(_, expr) | EnumValue::Expr(expr)) => quote!(#expr),
                PropValue::PortMappings(PortMappingsValue::Expr(expr)) => quote!(#expr),
                PropValue::PortMappings(PortMappingsValue::List(list)) => {
                    port_mappings(stack, list)
                }
                PropValue::Environment(EnvironmentValue::Expr(expr)) => quote!(#expr),
                PropValue::Environment(EnvironmentValue::Map(pairs)) => environment(pairs),
                PropValue::Strategies(_) => strategies_value(stack, &prop.value),
                PropValue::Provider(ProviderValue::Ref(reference)) => {
                    let target = reference.target?;
                    let binding =
                        binding("", target, &stack.children[target].id, reference.id.span());
                    quote!(#binding)
                }
                PropValue::Provider(ProviderValue::Expr(expr)) => quote!(#expr),
            };
            Some(quote!(.#name(#value)))
        })
        .collect()
}

/// `[80, { container_port: 8080, host_port: 0 }]` as an array of `PortMapping`s.
fn port_mappings(stack: &Item, list: &[PortMappingValue]) -> TokenStream {
    let p = private();
    let ty = quote!(#p::container::PortMapping);
    let local = hidden("__ecs_port_mappings");
    let len = Literal::usize_unsuffixed(list.len());
    let elems = list.iter().map(|value| match value {
        PortMappingValue::Port(port) => {
            quote!(<#ty as #p::Default>::default().container_port(#port))
        }
        PortMappingValue::Object(object) => {
            let setters = setters(stack, object);
            quote!(<#ty as #p::Default>::default() #setters)
        }
    });
    quote!({
        let #local: [#ty; #len] = [#(#elems),*];
        #local
    })
}

/// `{ "KEY": value, NAME: value }` as an array of `(String, String)` pairs.
fn environment(pairs: &[(IdSyntax, syn::Expr)]) -> TokenStream {
    let p = private();
    let local = hidden("__ecs_environment");
    let len = Literal::usize_unsuffixed(pairs.len());
    let elems = pairs.iter().map(|(key, value)| {
        let key = match key {
            IdSyntax::Str(lit) => lit.clone(),
            IdSyntax::Ident(ident) => LitStr::new(&ident.to_string(), ident.span()),
        };
        quote!((
            #p::Into::<#p::String>::into(#key),
            #p::Into::<#p::String>::into(#value)
        ))
    });
    quote!({
        let #local: [(#p::String, #p::String); #len] = [#(#elems),*];
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
    let cpu_panic = const_panic(&cpu, quote!(Cpu), cpu_spans);
    let memory_panic = const_panic(&cpu, quote!(Memory), memory_spans);
    quote! {
        const _: () = {
            let #cpu: #p::u32 = #cpu_value;
            let #memory: #p::u32 = #memory_value;
            match #p::rules::fargate_size(#cpu, #memory) {
                #p::Ok(()) => {}
                #p::Err(#p::rules::FargateSizeError::Cpu) => #cpu_panic,
                #p::Err(#p::rules::FargateSizeError::Memory) => #memory_panic,
            }
        };
    }
}

/// `panic!` with the const message of rule F2, spanned over the operand `(first, last)`: rustc
/// reports a const panic at the `panic!` call, whose span runs from its path to its arguments.
/// The path must not carry the macro's call-site span, which would widen the error to the whole
/// `ecs_app!` invocation.
fn const_panic(cpu: &Ident, error: TokenStream, (first, last): (Span, Span)) -> TokenStream {
    let path = quote_spanned!(first=> ::ecs_app::__private::panic);
    let args = quote_spanned! {last=>
        !("{}", ::ecs_app::__private::rules::fargate_size_const_message(
            #cpu,
            ::ecs_app::__private::rules::FargateSizeError::#error,
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
    use super::*;

    fn expand_str(tokens: TokenStream) -> String {
        ecs_app(tokens).to_string()
    }

    #[test]
    fn constructs_become_builder_calls_in_declaration_order() {
        let out = expand_str(quote! {
            stack Intro {
                vpc Vpc { max_azs: 2 }
                cluster Cluster { vpc: Vpc, add_capacity Asg { instance_type: "t2.xlarge" } }
            }
        });
        assert!(out.contains("let __ecs_0_Vpc = :: ecs_app :: __private :: ec2 :: Vpc :: new (& mut __ecs_app , __ecs_stack , \"Vpc\" , < :: ecs_app :: __private :: ec2 :: VpcProps as :: ecs_app :: __private :: Default > :: default () . max_azs (2)) ?"), "{out}");
        assert!(out.contains(". vpc (__ecs_0_Vpc)"), "{out}");
        assert!(
            out.contains(
                "let __ecs_1_0_Asg = __ecs_1_Cluster . add_capacity (& mut __ecs_app , \"Asg\""
            ),
            "{out}"
        );
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn string_ids_get_sanitized_bindings() {
        let out = expand_str(quote! {
            stack S { cluster "my-cluster" {} ec2_task_definition T { network_mode: Bridge } }
        });
        assert!(out.contains("let __ecs_0_my_cluster"), "{out}");
        assert!(out.contains(". network_mode (:: ecs_app :: __private :: task_definition :: NetworkMode :: Bridge)"), "{out}");
    }

    #[test]
    fn errors_are_emitted_beside_the_valid_expansion() {
        let out = expand_str(quote! {
            stack S { vpc V { max_azs: 2, zones: 3 } cluster C { vpc: W } }
        });
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains(". max_azs (2)"), "{out}");
        assert!(!out.contains("zones ("), "{out}");
        assert!(!out.contains(". vpc ("), "{out}");
    }

    #[test]
    fn named_constants_get_a_const_check() {
        let out = expand_str(quote! {
            stack S { fargate_task_definition T { cpu: CPU, memory_limit_mib: 512 } }
        });
        assert!(out.contains("const _ : () ="), "{out}");
        assert!(out.contains("let __ecs_cpu : :: ecs_app :: __private :: u32 = :: ecs_app :: __private :: ConstSize (CPU) . cpu_units ()"), "{out}");
        assert!(
            out.contains("let __ecs_memory : :: ecs_app :: __private :: u32 = 512u32"),
            "{out}"
        );
    }
}
