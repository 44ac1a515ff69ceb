//! The error accumulator shared by every phase of an expansion.
//!
//! Phases push errors here instead of returning at the first one, so a user sees every
//! mistake in one compile. Between phases, `propagate()?` stops the expansion if anything was
//! reported. The value carries a drop bomb: dropping it while errors are still pending (or
//! before a final `finish`) is a bug in the macro, and panics.

use proc_macro2::Span;
use std::fmt::Display;

/// Collects `syn::Error`s across the phases of one macro expansion.
pub(crate) struct Errors {
    pending: Vec<syn::Error>,
    defused: bool,
}

impl Errors {
    /// Starts an empty, armed accumulator.
    pub(crate) fn new() -> Self {
        Errors {
            pending: Vec::new(),
            defused: false,
        }
    }

    /// Records an error that has already been built.
    pub(crate) fn push(&mut self, error: syn::Error) {
        self.pending.push(error);
    }

    /// Records `message` at `span`.
    pub(crate) fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Records `message` spanning all of `tokens` (first to last token).
    pub(crate) fn spanned(&mut self, tokens: impl quote::ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records the error of `result`, if any, and turns it into an `Option`.
    pub(crate) fn ok<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.push(error);
                None
            }
        }
    }

    /// Ends a phase: fails with every error reported so far, or lets the next phase run.
    pub(crate) fn propagate(&mut self) -> syn::Result<()> {
        let mut pending = std::mem::take(&mut self.pending).into_iter();
        match pending.next() {
            None => Ok(()),
            Some(mut first) => {
                // Whoever receives this error now owns it; nothing is left to lose.
                self.defused = true;
                first.extend(pending);
                Err(first)
            }
        }
    }

    /// Ends the expansion, returning any errors still pending.
    pub(crate) fn finish(mut self) -> syn::Result<()> {
        let result = self.propagate();
        self.defused = true;
        result
    }
}

impl Drop for Errors {
    fn drop(&mut self) {
        // An expansion that forgets to check its errors would silently lose the user's
        // diagnostics; fail loudly instead (unless already unwinding from another panic).
        if !std::thread::panicking() {
            assert!(
                self.defused,
                "pyo3-macros-backend: `Errors` dropped without `finish()`"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Errors;
    use proc_macro2::Span;

    #[test]
    fn propagate_combines_all_errors() {
        let mut errors = Errors::new();
        errors.at(Span::call_site(), "first");
        errors.at(Span::call_site(), "second");
        let combined = errors.propagate().unwrap_err();
        assert_eq!(combined.into_iter().count(), 2);
        errors.finish().unwrap();
    }

    #[test]
    #[should_panic(expected = "without `finish()`")]
    fn dropping_unchecked_errors_panics() {
        let errors = Errors::new();
        drop(errors);
    }
}
