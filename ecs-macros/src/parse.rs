//! Stage 1: tokens to a syntax tree of entries, with no knowledge of construct kinds.
//!
//! The input is a list of entries. An entry is an item, `keyword Id { entries }`, or a property,
//! `name: value` followed by `,` (optional before the end). Items need no comma. A value is a
//! list `[value, …]`, an object `{ key: value, … }` (key an identifier or a string literal), or
//! any Rust expression. Parsing recovers: a broken entry is recorded in the [`Ctxt`] and skipped
//! up to the next `,` of its block, and the entries around it are still parsed.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::discouraged::Speculative;
use syn::parse::{ParseStream, Parser};
use syn::{Expr, Ident, LitStr, Token, braced, bracketed, token};

use crate::ctxt::Ctxt;

/// An item: `keyword Id { entries }`.
pub struct ItemSyntax {
    /// The kind keyword as written (`cluster`), unchecked.
    pub keyword: Ident,
    /// The construct id.
    pub id: IdSyntax,
    /// The span of the braces, for errors about the whole body.
    #[allow(dead_code)]
    pub brace_span: Span,
    /// The entries of the body, in order.
    pub entries: Vec<Entry>,
}

/// A construct id or a reference to one: `Cluster` or `"my-cluster"`.
#[derive(Clone)]
pub enum IdSyntax {
    /// A Rust identifier.
    Ident(Ident),
    /// A string literal, for ids that are not identifiers.
    Str(LitStr),
}

impl IdSyntax {
    /// The id as text.
    pub fn text(&self) -> String {
        match self {
            IdSyntax::Ident(ident) => ident.unraw().to_string(),
            IdSyntax::Str(lit) => lit.value(),
        }
    }

    /// The span of the id token.
    pub fn span(&self) -> Span {
        match self {
            IdSyntax::Ident(ident) => ident.span(),
            IdSyntax::Str(lit) => lit.span(),
        }
    }
}

/// One entry of a block.
pub enum Entry {
    /// `name: value`.
    Property(PropertySyntax),
    /// `keyword Id { … }`.
    Item(ItemSyntax),
    /// `#![…]` (inner: of the block) or `#[…]` (outer: of the next item).
    Attr(AttrSyntax),
}

/// An attribute: `#![deny(privileged_container)]`, `#[allow(lint, reason = "…")]`.
pub struct AttrSyntax {
    /// `#!` rather than `#`.
    pub inner: bool,
    /// The span of `#`.
    pub pound: Span,
    /// What the brackets hold.
    pub meta: syn::Meta,
}

/// A property: `name: value`.
pub struct PropertySyntax {
    /// The property name as written.
    pub name: Ident,
    /// The value.
    pub value: ValueSyntax,
}

/// A property value.
pub enum ValueSyntax {
    /// Any Rust expression.
    Expr(Expr),
    /// `[value, …]`.
    List(Span, Vec<ValueSyntax>),
    /// `{ key: value, … }`.
    Object(Span, Vec<FieldSyntax>),
}

impl ValueSyntax {
    /// The span of the whole value (first token for expressions, the delimiters otherwise).
    pub fn span(&self) -> Span {
        match self {
            ValueSyntax::Expr(expr) => syn::spanned::Spanned::span(expr),
            ValueSyntax::List(span, _) | ValueSyntax::Object(span, _) => *span,
        }
    }
}

/// One `key: value` of an object.
pub struct FieldSyntax {
    /// The key: an identifier or a string literal.
    pub key: IdSyntax,
    /// The value.
    pub value: ValueSyntax,
}

/// Parses the whole invocation. Never fails: errors go to `cx`, and what parsed is returned.
pub fn parse(tokens: TokenStream, cx: &Ctxt) -> Vec<Entry> {
    let parser = |input: ParseStream| Ok(parse_entries(input, cx));
    match parser.parse2(tokens) {
        Ok(entries) => entries,
        Err(error) => {
            // Unreachable by construction (every entry parser consumes its block), kept as an
            // error rather than a panic.
            cx.syn_error(error);
            Vec::new()
        }
    }
}

/// Parses every entry of a block, consuming the whole block.
fn parse_entries(input: ParseStream, cx: &Ctxt) -> Vec<Entry> {
    let mut entries = Vec::new();
    while !input.is_empty() {
        if input.peek(Token![,]) {
            let comma: Token![,] = input.parse().expect("peeked");
            cx.error_at(comma.span, "unexpected `,`: remove it");
            continue;
        }
        if input.peek(Token![#]) {
            match parse_attr(input) {
                Ok(attr) => entries.push(Entry::Attr(attr)),
                Err(error) => cx.syn_error(error),
            }
            continue;
        }
        match parse_entry(input, cx) {
            Ok(entry) => entries.push(entry),
            Err(error) => {
                cx.syn_error(error);
                skip_past_comma(input);
            }
        }
    }
    entries
}

/// Parses `#[…]` or `#![…]`; on error the bracketed group is consumed all the same.
fn parse_attr(input: ParseStream) -> syn::Result<AttrSyntax> {
    let pound: Token![#] = input.parse()?;
    let inner = input.peek(Token![!]);
    if inner {
        input.parse::<Token![!]>()?;
    }
    if !input.peek(token::Bracket) {
        return Err(syn::Error::new(
            pound.span,
            "expected `[` after `#`: write an attribute as `#[allow(lint)]` or `#![deny(lint)]`",
        ));
    }
    let content;
    bracketed!(content in input);
    let meta: syn::Meta = content.parse()?;
    if !content.is_empty() {
        return Err(content.error("expected one attribute in the brackets"));
    }
    Ok(AttrSyntax {
        inner,
        pound: pound.span,
        meta,
    })
}

/// Parses one entry; on error the caller skips to the next `,`.
fn parse_entry(input: ParseStream, cx: &Ctxt) -> syn::Result<Entry> {
    if !input.peek(Ident::peek_any) {
        return Err(input.error("expected a property `name: value` or an item `kind Name { … }`"));
    }
    let name = input.call(Ident::parse_any)?;
    if input.peek(Token![:]) && !input.peek(Token![::]) {
        input.parse::<Token![:]>()?;
        let value = speculate(input, parse_value)?;
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        } else if !input.is_empty() {
            // The value itself is fine: keep it, and skip what follows up to the next comma.
            cx.error_at(
                input.span(),
                format!("expected `,` after the value of `{name}`"),
            );
            skip_past_comma(input);
        }
        return Ok(Entry::Property(PropertySyntax { name, value }));
    }
    let id = if input.peek(LitStr) {
        IdSyntax::Str(input.parse()?)
    } else if input.peek(Ident::peek_any) {
        IdSyntax::Ident(input.call(Ident::parse_any)?)
    } else {
        return Err(syn::Error::new(
            name.span(),
            format!("expected `{name}: value` or `{name} Name {{ … }}`"),
        ));
    };
    if !input.peek(token::Brace) {
        let message = format!("expected `{{` after `{name} {}`", id.text());
        let span = if input.is_empty() {
            id.span()
        } else {
            input.span()
        };
        return Err(syn::Error::new(span, message));
    }
    let content;
    let brace = braced!(content in input);
    let entries = parse_entries(&content, cx);
    // A comma after an item is allowed, as after a property.
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    }
    Ok(Entry::Item(ItemSyntax {
        keyword: name,
        id,
        brace_span: brace.span.join(),
        entries,
    }))
}

/// Runs `parse` on a fork and advances only if it succeeded, so a failed parse of a nested group
/// cannot leave the main buffer half-consumed.
fn speculate<T>(
    input: ParseStream,
    parse: impl FnOnce(ParseStream) -> syn::Result<T>,
) -> syn::Result<T> {
    let fork = input.fork();
    let value = parse(&fork)?;
    input.advance_to(&fork);
    Ok(value)
}

/// Parses a value: a list, an object, or an expression.
fn parse_value(input: ParseStream) -> syn::Result<ValueSyntax> {
    if input.peek(token::Bracket) {
        let content;
        let bracket = bracketed!(content in input);
        let mut values = Vec::new();
        while !content.is_empty() {
            values.push(parse_value(&content)?);
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        return Ok(ValueSyntax::List(bracket.span.join(), values));
    }
    if input.peek(token::Brace) && is_object(input) {
        let content;
        let brace = braced!(content in input);
        let mut fields = Vec::new();
        while !content.is_empty() {
            let key = if content.peek(LitStr) {
                IdSyntax::Str(content.parse()?)
            } else {
                IdSyntax::Ident(content.call(Ident::parse_any)?)
            };
            content.parse::<Token![:]>()?;
            let value = parse_value(&content)?;
            fields.push(FieldSyntax { key, value });
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        return Ok(ValueSyntax::Object(brace.span.join(), fields));
    }
    Ok(ValueSyntax::Expr(input.parse()?))
}

/// Whether the next token is a `{ … }` object rather than a block expression: empty, or starting
/// with `key:` (a block cannot start that way since type ascription was removed).
fn is_object(input: ParseStream) -> bool {
    let Some((inner, _, _)) = input.cursor().group(Delimiter::Brace) else {
        return false;
    };
    if inner.eof() {
        return true;
    }
    let after_key = match (inner.ident(), inner.literal()) {
        (Some((_, next)), _) => next,
        (None, Some((lit, next))) if lit.to_string().starts_with('"') => next,
        _ => return false,
    };
    match after_key.punct() {
        Some((colon, next)) if colon.as_char() == ':' => {
            // `key::path` is an expression, `key:` a field.
            !matches!(next.punct(), Some((p, _)) if p.as_char() == ':')
        }
        _ => false,
    }
}

/// Skips tokens up to and including the next `,` of this block (or to its end).
fn skip_past_comma(input: ParseStream) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            rest = next;
            if matches!(&tree, TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
        }
        Ok(((), rest))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn parse_ok(tokens: TokenStream) -> Vec<Entry> {
        let cx = Ctxt::new();
        let entries = parse(tokens, &cx);
        let errors: Vec<String> = cx.into_errors().iter().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{errors:?}");
        entries
    }

    fn parse_errors(tokens: TokenStream) -> (Vec<Entry>, Vec<String>) {
        let cx = Ctxt::new();
        let entries = parse(tokens, &cx);
        (
            entries,
            cx.into_errors().iter().map(ToString::to_string).collect(),
        )
    }

    fn item(entry: &Entry) -> &ItemSyntax {
        match entry {
            Entry::Item(item) => item,
            Entry::Property(p) => panic!("expected an item, found property `{}`", p.name),
            Entry::Attr(_) => panic!("expected an item, found an attribute"),
        }
    }

    #[test]
    fn items_nest_and_properties_keep_their_order() {
        let entries = parse_ok(quote! {
            stack Intro {
                vpc Vpc { max_azs: 2 }
                cluster "my-cluster" {
                    vpc: Vpc,
                    add_capacity Asg { instance_type: "t2.xlarge", desired_capacity: 3, }
                }
            }
        });
        let stack = item(&entries[0]);
        assert_eq!(stack.keyword, "stack");
        assert_eq!(stack.id.text(), "Intro");
        let cluster = item(&stack.entries[1]);
        assert_eq!(cluster.id.text(), "my-cluster");
        assert!(matches!(&cluster.entries[0], Entry::Property(p) if p.name == "vpc"));
        assert_eq!(item(&cluster.entries[1]).entries.len(), 2);
    }

    #[test]
    fn lists_and_objects_are_values_and_blocks_stay_expressions() {
        let entries = parse_ok(quote! {
            container Web {
                port_mappings: [80, { container_port: 8080, host_port: 0 }],
                environment: { "KEY": "value", NAME: name() },
                image: { let x = 1; image(x) },
                cpu: sizes::CPU,
            }
        });
        let web = item(&entries[0]);
        let values: Vec<&ValueSyntax> = web
            .entries
            .iter()
            .map(|e| match e {
                Entry::Property(p) => &p.value,
                Entry::Item(_) | Entry::Attr(_) => panic!("no items here"),
            })
            .collect();
        assert!(matches!(values[0], ValueSyntax::List(_, v) if v.len() == 2));
        assert!(matches!(values[1], ValueSyntax::Object(_, f) if f.len() == 2));
        assert!(matches!(values[2], ValueSyntax::Expr(Expr::Block(_))));
        assert!(matches!(values[3], ValueSyntax::Expr(Expr::Path(_))));
    }

    #[test]
    fn a_missing_comma_is_reported_and_the_next_entry_still_parses() {
        let (entries, errors) = parse_errors(quote! {
            vpc Vpc { max_azs: 2 nat_gateways: 1, max_azs: 3 }
        });
        assert_eq!(errors, ["expected `,` after the value of `max_azs`"]);
        assert_eq!(item(&entries[0]).entries.len(), 2);
    }

    #[test]
    fn a_broken_value_is_reported_and_skipped() {
        let (entries, errors) = parse_errors(quote! {
            vpc Vpc { max_azs: 2 +, nat_gateways: 1 }
            cluster Cluster { }
        });
        assert_eq!(errors, ["expected an expression"]);
        assert_eq!(item(&entries[0]).entries.len(), 1);
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn an_item_without_a_body_is_reported() {
        let (_, errors) = parse_errors(quote! { stack Web });
        assert_eq!(errors, ["expected `{` after `stack Web`"]);
        let (_, errors) = parse_errors(quote! { stack 42 });
        assert_eq!(errors, ["expected `stack: value` or `stack Name { … }`"]);
        let (_, errors) = parse_errors(quote! { 42 });
        assert_eq!(
            errors,
            ["expected a property `name: value` or an item `kind Name { … }`"]
        );
    }
}
