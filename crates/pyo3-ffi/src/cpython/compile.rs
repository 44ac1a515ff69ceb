//! `cpython/compile.h` (part of `compile.h` before 3.8): `__future__` feature names and the
//! opcode stack-effect helpers, outside the limited API. Checked against CPython 3.7–3.13.

use std::os::raw::c_int;

pub const FUTURE_NESTED_SCOPES: &str = "nested_scopes";
pub const FUTURE_GENERATORS: &str = "generators";
pub const FUTURE_DIVISION: &str = "division";
pub const FUTURE_ABSOLUTE_IMPORT: &str = "absolute_import";
pub const FUTURE_WITH_STATEMENT: &str = "with_statement";
pub const FUTURE_PRINT_FUNCTION: &str = "print_function";
pub const FUTURE_UNICODE_LITERALS: &str = "unicode_literals";
pub const FUTURE_BARRY_AS_BDFL: &str = "barry_as_FLUFL";
pub const FUTURE_GENERATOR_STOP: &str = "generator_stop";
pub const FUTURE_ANNOTATIONS: &str = "annotations";

/// `PY_INVALID_STACK_EFFECT`: what the stack-effect functions return for a bad opcode.
pub const PY_INVALID_STACK_EFFECT: c_int = c_int::MAX;

extern "C" {
    #[cfg(not(PyPy))]
    pub fn PyCompile_OpcodeStackEffect(opcode: c_int, oparg: c_int) -> c_int;
    #[cfg(Py_3_8)]
    #[cfg(not(PyPy))]
    pub fn PyCompile_OpcodeStackEffectWithJump(opcode: c_int, oparg: c_int, jump: c_int) -> c_int;
}
