//! The `ecs_app!` macro: an Amazon ECS app declared as a block of constructs, parsed, resolved and
//! checked while compiling, and expanded into calls to the `ecs-core` builder API.
//!
//! The macro is a pipeline with one file per stage: `parse` (tokens to a syntax
//! tree), `model` (the typed model of each construct kind), `resolve`
//! (names to declarations), `check` (the rules of `ecs_core::rules`) and
//! `expand` (the builder calls), with `ctxt` collecting every error.
//! This shell only converts token types, so every stage is testable on `proc_macro2` tokens.
//! Users depend on the `ecs-app` facade, which re-exports the macro.

#[cfg(test)]
mod agreement;
mod check;
mod ctxt;
mod expand;
#[cfg(test)]
mod fuzz;
mod lint;
mod model;
mod parse;
mod resolve;

use proc_macro::TokenStream;

/// The expansion of `ecs_app!`, given the path of the runtime crate first: `[$crate] items`.
/// The `ecs_app!` of the `ecs-app` crate passes its own `$crate`, so the expansion finds the
/// runtime however the user's `Cargo.toml` names the dependency. Not public API.
#[doc(hidden)]
#[proc_macro]
pub fn __ecs_app(input: TokenStream) -> TokenStream {
    expand::ecs_app(input.into()).into()
}

/// `ecs_app!` without its compile-time rule checks: the builder calls alone, for the test that
/// the macro and the builders agree. Not public API.
#[doc(hidden)]
#[proc_macro]
pub fn __ecs_app_unchecked(input: TokenStream) -> TokenStream {
    expand::ecs_app_unchecked(input.into()).into()
}
