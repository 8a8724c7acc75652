//! The error collector of one `ecs_app!` invocation (serde_derive's `Ctxt`): every stage records its
//! errors here and keeps going, so the user sees all of them at once.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::{Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// Where a fact was written: the first and last token of the user's tokens, as a rule blames them.
#[derive(Debug, Clone, Copy)]
pub struct Site {
    first: Span,
    last: Span,
}

impl Site {
    /// One token.
    pub fn at(span: Span) -> Site {
        Site {
            first: span,
            last: span,
        }
    }

    /// The first token.
    pub fn first(&self) -> Span {
        self.first
    }

    /// All of `tokens`, first to last.
    pub fn of(tokens: &impl ToTokens) -> Site {
        let tokens = tokens.to_token_stream();
        let mut spans = tokens.into_iter().map(|t| t.span());
        let first = spans.next().unwrap_or_else(Span::call_site);
        Site {
            first,
            last: spans.last().unwrap_or(first),
        }
    }
}

/// Collects the errors of one invocation. Must be consumed by [`Ctxt::into_errors`]; dropping it
/// with errors unread is a bug in the macro, caught by the drop bomb.
pub struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    /// An empty collector.
    pub fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records `message` at `span`.
    pub fn error_at(&self, span: Span, message: impl Display) {
        self.syn_error(syn::Error::new(span, message));
    }

    /// Records `message` over the tokens of `tokens` (first to last token).
    pub fn error_spanned_by(&self, tokens: impl ToTokens, message: impl Display) {
        self.syn_error(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records `message` over `site`, a range of the user's tokens a rule of `ecs_core::facts`
    /// blames.
    pub fn error_at_site(&self, site: Site, message: impl Display) {
        let mut first = Punct::new('#', Spacing::Alone);
        first.set_span(site.first);
        let mut last = Punct::new('#', Spacing::Alone);
        last.set_span(site.last);
        let tokens: TokenStream = [TokenTree::Punct(first), TokenTree::Punct(last)]
            .into_iter()
            .collect();
        self.syn_error(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error built elsewhere (e.g. by syn while parsing a value).
    pub fn syn_error(&self, error: syn::Error) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("errors read twice")
            .push(error);
    }

    /// Whether any error has been recorded so far.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn has_errors(&self) -> bool {
        self.errors.borrow().as_ref().is_some_and(|e| !e.is_empty())
    }

    /// Takes the recorded errors, in the order they were found.
    pub fn into_errors(self) -> Vec<syn::Error> {
        self.errors.borrow_mut().take().expect("errors read twice")
    }

    /// Takes the recorded errors as `compile_error!` invocations.
    pub fn into_compile_errors(self) -> TokenStream {
        self.into_errors()
            .iter()
            .map(syn::Error::to_compile_error)
            .collect()
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // Losing errors would let a broken app compile; fail loudly in the macro's own tests.
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("forgot to read the errors of an `ecs_app!` invocation");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_come_back_in_the_order_they_were_found() {
        let cx = Ctxt::new();
        cx.error_at(Span::call_site(), "first");
        cx.error_at(Span::call_site(), "second");
        assert!(cx.has_errors());
        let messages: Vec<String> = cx.into_errors().iter().map(ToString::to_string).collect();
        assert_eq!(messages, ["first", "second"]);
    }
}
