//! Fuzz harness for argument parsing and the std conversions, usable without libFuzzer.
//!
//! [`check`] decodes any byte string into value trees and calls ([`value`]), builds them as
//! Python objects ([`build`]), runs every std conversion against an oracle ([`conversions`],
//! [`oracle`]) and every call against a model of PyO3's argument binding ([`signatures`]), and
//! checks that the reference counts of the built objects come back ([`refcount`]). Any mismatch
//! panics: libFuzzer reports it as a crash, `cargo test` as a failed replay.

#![warn(missing_docs)]

pub mod build;
pub mod conversions;
pub mod oracle;
pub mod refcount;
pub mod signatures;
pub mod value;

use pyo3::Python;

/// Runs one input through every check; panics on the first mismatch.
pub fn check(data: &[u8]) {
    let input = value::Input::decode(data);
    Python::attach(|py| {
        let pool = build::Pool::build(py, &input.values);
        let before = refcount::snapshot(&pool.entries);
        for (v, obj) in &pool.entries {
            conversions::check_value(obj, v);
        }
        refcount::assert_unchanged(&pool.entries, &before, "conversions");
        for raw in &input.calls {
            let call = raw.resolve(pool.entries.len(), signatures::TABLE.len());
            signatures::check_call(py, &pool.entries, &call);
            refcount::assert_unchanged(&pool.entries, &before, "call");
        }
    });
}
