//! `Ungil` as an auto trait (feature `nightly`, nightly toolchain only): a type may cross
//! [`Python::detach`](crate::Python::detach) unless it contains the `Python` token or a
//! raw Python object, whether or not it is `Send`. This closes the hole that `Send`
//! leaves open (a `Send` wrapper around a `Bound`), and lets non-`Send` values such as
//! `Rc` into a detached closure.

use crate::ffi;

/// Types that may be used while the thread is detached from the interpreter.
///
/// # Safety
///
/// A type that holds Python objects may implement it only if it gives no access to them
/// while the thread is detached (as `Py<T>` does: every use needs a `Python` token).
pub unsafe auto trait Ungil {}

impl !Ungil for crate::Python<'_> {}
impl !Ungil for ffi::PyObject {}

// Owned handles that are usable only with a token, or own plain data: they may cross.

// SAFETY: `Py<T>` reaches its object only through methods that take a `Python` token.
unsafe impl<T> Ungil for crate::Py<T> {}
// SAFETY: a `PyErr` reaches its exception only through methods that take a `Python` token.
unsafe impl Ungil for crate::PyErr {}
// SAFETY: the guard gives access to the Rust value only, which is `Sync` or borrowed.
unsafe impl<T: crate::PyClass> Ungil for crate::PyClassGuard<'_, T> {}
// SAFETY: as above, for the exclusive guard.
unsafe impl<T: crate::PyClass<Frozen = crate::pyclass::boolean_struct::False>> Ungil
    for crate::PyClassGuardMut<'_, T>
{
}
// SAFETY: the buffer's memory is plain data; its exporter object is used only attached.
unsafe impl<T> Ungil for crate::buffer::PyBuffer<T> {}
