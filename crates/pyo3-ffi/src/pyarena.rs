//! `pyarena.h` (public before 3.10, internal from 3.10): the arena the old AST API
//! allocates in. Checked against CPython 3.7–3.9.

/// `PyArena`: opaque.
#[repr(C)]
pub struct PyArena {
    _opaque: [u8; 0],
}
