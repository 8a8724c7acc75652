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

use crate::check::{self, ConstChecks, ConstFargateSize, SizeOperand};
use crate::ctxt::Ctxt;
use crate::model::{
    self, EnumValue, EnvironmentValue, Id, Item, KindId, PortMappingValue, PortMappingsValue,
    PropValue,
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
    let stacks = stacks.iter().map(expand_stack);
    quote! {
        #(#const_checks)*
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
    let constructs = stack
        .children
        .iter()
        .enumerate()
        .map(|(index, item)| expand_construct(stack, index, item));
    let late = late_calls(stack);
    quote! {
        {
            #[allow(unused_variables)]
            let #handle = #app.add_stack(#id)?;
            #(#constructs)*
            #late
        }
    }
}

/// The calls of late-reference properties (`grant_read_write: [TaskDef]`), once every construct
/// of the stack exists: `construct.property(&mut app, target)?` per target.
fn late_calls(stack: &Item) -> TokenStream {
    let app = hidden("__ecs_app");
    let mut calls = TokenStream::new();
    for (index, item) in stack.children.iter().enumerate() {
        let own = binding("", index, &item.id, item.id.span());
        for prop in &item.props {
            let PropValue::LateRefs(references) = &prop.value else {
                continue;
            };
            let name = &prop.name;
            for reference in references {
                let Some(target) = reference.target else {
                    continue;
                };
                let target = binding("", target, &stack.children[target].id, reference.id.span());
                calls.extend(quote!(#own.#name(&mut #app, #target)?;));
            }
        }
    }
    calls
}

/// `expr` with every bare name of a construct declared earlier in the stack (before item
/// `index`) replaced by that construct's binding, so values like
/// `ContainerImage::from_ecr_repository(Repo)` refer to the construct declared as `Repo`.
fn with_constructs(stack: &Item, index: usize, expr: &syn::Expr) -> syn::Expr {
    struct Substitute<'a> {
        stack: &'a Item,
        index: usize,
    }
    impl syn::visit_mut::VisitMut for Substitute<'_> {
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            if let syn::Expr::Path(path) = expr {
                if path.qself.is_none() && path.attrs.is_empty() {
                    if let Some(ident) = path.path.get_ident() {
                        let name = ident.to_string();
                        if let Some(target) = self.stack.children
                            [..self.index.min(self.stack.children.len())]
                            .iter()
                            .position(|c| c.id.name == name)
                        {
                            let b =
                                binding("", target, &self.stack.children[target].id, ident.span());
                            *expr = syn::parse_quote!(#b);
                            return;
                        }
                    }
                }
            }
            syn::visit_mut::visit_expr_mut(self, expr);
        }
    }
    let mut expr = expr.clone();
    syn::visit_mut::VisitMut::visit_expr_mut(&mut Substitute { stack, index }, &mut expr);
    expr
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

/// One construct of a stack, with its nested items.
fn expand_construct(stack: &Item, index: usize, item: &Item) -> TokenStream {
    let p = private();
    let app = hidden("__ecs_app");
    let stack_handle = hidden("__ecs_stack");
    let name = binding("", index, &item.id, item.id.span());
    let id = id_literal(&item.id);
    let own_setters = setters(stack, index, item);
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
        // ---- task definitions, images, environment (issue 4) ----
        KindId::TaskDefinition => (
            quote!(#p::task_definition::TaskDefinition),
            quote!(#p::task_definition::TaskDefinitionProps),
        ),
        KindId::ExternalTaskDefinition => (
            quote!(#p::task_definition::ExternalTaskDefinition),
            quote!(#p::task_definition::ExternalTaskDefinitionProps),
        ),
        KindId::ExternalService => (
            quote!(#p::service::ExternalService),
            quote!(#p::service::ExternalServiceProps),
        ),
        KindId::Secret => (
            quote!(#p::secrets_manager::Secret),
            quote!(#p::secrets_manager::SecretProps),
        ),
        KindId::StringParameter => (
            quote!(#p::ssm::StringParameter),
            quote!(#p::ssm::StringParameterProps),
        ),
        KindId::Bucket => (quote!(#p::s3::Bucket), quote!(#p::s3::BucketProps)),
        KindId::Repository => (
            quote!(#p::ecr::Repository),
            quote!(#p::ecr::RepositoryProps),
        ),
        KindId::ImportedRepository => (
            quote!(#p::ecr::ImportedRepository),
            quote!(#p::ecr::ImportedRepositoryProps),
        ),
        KindId::DockerImageAsset => (
            quote!(#p::assets::DockerImageAsset),
            quote!(#p::assets::DockerImageAssetProps),
        ),
        KindId::FileSystem => (
            quote!(#p::efs::FileSystem),
            quote!(#p::efs::FileSystemProps),
        ),
        KindId::AccessPoint => (
            quote!(#p::efs::AccessPoint),
            quote!(#p::efs::AccessPointProps),
        ),
        // The model admits no other kind in a stack.
        _ => return TokenStream::new(),
    };
    let children = item.children.iter().enumerate().map(|(child_index, child)| {
        let prefix = format!("{index}_");
        let child_name = binding(&prefix, child_index, &child.id, child.id.span());
        let child_id = id_literal(&child.id);
        let child_setters = setters(stack, index, child);
        let (method, options) = match child.kind.id {
            KindId::Capacity => (quote!(add_capacity), quote!(#p::capacity::AddCapacityOptions)),
            _ => (quote!(add_container), quote!(#p::container::ContainerDefinitionOptions)),
        };
        quote! {
            #[allow(unused_variables, non_snake_case)]
            let #child_name = #name.#method(&mut #app, #child_id, <#options as #p::Default>::default() #child_setters)?;
        }
    });
    quote! {
        #[allow(unused_variables, non_snake_case)]
        let #name = #constructor::new(&mut #app, #stack_handle, #id, <#props as #p::Default>::default() #own_setters)?;
        #(#children)*
    }
}

/// The setter calls for an item's valid properties, in the order written. A setter carries the
/// span of the property name; references that did not resolve are left out (already reported).
fn setters(stack: &Item, index: usize, item: &Item) -> TokenStream {
    let p = private();
    item.props
        .iter()
        .filter_map(|prop| {
            let name = &prop.name;
            let value = match &prop.value {
                PropValue::Expr(expr) => {
                    let expr = with_constructs(stack, index, expr);
                    quote!(#expr)
                }
                PropValue::LateRefs(_) => return None,
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
                PropValue::Enum(EnumValue::Path(_, expr) | EnumValue::Expr(expr)) => {
                    let expr = with_constructs(stack, index, expr);
                    quote!(#expr)
                }
                PropValue::PortMappings(PortMappingsValue::Expr(expr)) => quote!(#expr),
                PropValue::PortMappings(PortMappingsValue::List(list)) => {
                    port_mappings(stack, index, list)
                }
                PropValue::Environment(EnvironmentValue::Expr(expr)) => {
                    let expr = with_constructs(stack, index, expr);
                    quote!(#expr)
                }
                PropValue::Environment(EnvironmentValue::Map(pairs)) => {
                    // Secrets map names to `Secret`s; the other maps hold text.
                    let ty = if name == "secrets" {
                        quote!(#p::secret::Secret)
                    } else {
                        quote!(#p::String)
                    };
                    let pairs: Vec<(IdSyntax, syn::Expr)> = pairs
                        .iter()
                        .map(|(k, v)| (k.clone(), with_constructs(stack, index, v)))
                        .collect();
                    environment(&pairs, ty)
                }
            };
            Some(quote!(.#name(#value)))
        })
        .collect()
}

/// `[80, { container_port: 8080, host_port: 0 }]` as an array of `PortMapping`s.
fn port_mappings(stack: &Item, index: usize, list: &[PortMappingValue]) -> TokenStream {
    let p = private();
    let ty = quote!(#p::container::PortMapping);
    let local = hidden("__ecs_port_mappings");
    let len = Literal::usize_unsuffixed(list.len());
    let elems = list.iter().map(|value| match value {
        PortMappingValue::Port(port) => {
            quote!(<#ty as #p::Default>::default().container_port(#port))
        }
        PortMappingValue::Object(object) => {
            let setters = setters(stack, index, object);
            quote!(<#ty as #p::Default>::default() #setters)
        }
    });
    quote!({
        let #local: [#ty; #len] = [#(#elems),*];
        #local
    })
}

/// `{ "KEY": value, NAME: value }` as an array of `(String, String)` pairs.
fn environment(pairs: &[(IdSyntax, syn::Expr)], ty: TokenStream) -> TokenStream {
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
