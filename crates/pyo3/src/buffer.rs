//! The buffer protocol (PEP 3118) seen from Rust: [`PyBuffer<T>`] holds a view acquired from
//! an exporting object (`bytes`, `bytearray`, `array.array`, `memoryview`, NumPy arrays, ...)
//! and gives typed access to its items, checked against the view's `struct`-module format.
//!
//! Available on version-specific builds, and on limited-API builds from Python 3.11, the
//! release that put `Py_buffer` into the stable ABI.
//!
//! # Examples
//!
//! ```
//! use pyo3::buffer::PyBuffer;
//! use pyo3::prelude::*;
//!
//! # fn main() -> PyResult<()> {
//! Python::attach(|py| {
//!     let numbers = py.eval(c"__import__('array').array('d', [1.5, 2.5])", None, None)?;
//!     let buffer = PyBuffer::<f64>::get(&numbers)?;
//!     assert_eq!(buffer.to_vec(py)?, [1.5, 2.5]);
//!     buffer.release(py);
//!     Ok(())
//! })
//! # }
//! ```
#![cfg(any(not(Py_LIMITED_API), Py_3_11))]

use std::cell::{Cell, UnsafeCell};
use std::ffi::CStr;
use std::fmt;
use std::marker::PhantomData;
use std::mem::{self, ManuallyDrop};
use std::os::raw::{
    c_char, c_int, c_long, c_longlong, c_schar, c_short, c_uchar, c_uint, c_ulong, c_ulonglong,
    c_ushort, c_void,
};
use std::pin::Pin;
use std::ptr;

use crate::conversion::FromPyObject;
use crate::exceptions::PyBufferError;
use crate::instance::{Borrowed, Bound};
use crate::types::PyAny;
use crate::{ffi, PyErr, PyResult, Python};

/// A view of the memory behind a Python object that supports the buffer protocol, with
/// items of type `T`.
///
/// The view is acquired with `PyBUF_FULL_RO`, so it may be read-only, strided,
/// multi-dimensional or even indirect (PIL-style suboffsets); the accessors say which. While
/// it is held, the exporter keeps the memory in place: a `bytearray` with a live view
/// refuses to resize. Dropping the value releases the view (attaching the thread if it is
/// not attached); [`PyBuffer::release`] does so when a token is at hand.
///
/// # Examples
///
/// ```
/// use pyo3::buffer::PyBuffer;
/// use pyo3::prelude::*;
/// use pyo3::types::PyByteArray;
///
/// Python::attach(|py| {
///     let data = PyByteArray::new(py, b"abc");
///     let buffer = PyBuffer::<u8>::get(data.as_any()).unwrap();
///     assert!(!buffer.readonly());
///     let cells = buffer.as_mut_slice(py).unwrap();
///     cells[0].set(b'x');
///     drop(buffer);
///     assert_eq!(data.to_vec(), b"xbc");
/// });
/// ```
#[repr(transparent)]
pub struct PyBuffer<T>(Pin<Box<ffi::Py_buffer>>, PhantomData<[T]>);

// SAFETY: the `Py_buffer` is plain data owned by this value. Its own fields and the
// exporter's shape/strides/format arrays do not change while the view is held, so reading
// them from any thread is sound; the items themselves are reached only through methods that
// take a `Python` token (or as raw pointers); releasing the view attaches the thread first.
unsafe impl<T> Send for PyBuffer<T> {}
// SAFETY: as above; `&self` methods only read the view's fixed fields.
unsafe impl<T> Sync for PyBuffer<T> {}

/// What [`acquire`] checks about the items of a view, for one element type.
struct ItemCheck {
    size: usize,
    align: usize,
    name: &'static str,
    compatible: fn(&CStr) -> bool,
}

impl ItemCheck {
    fn of<T: Element>() -> ItemCheck {
        ItemCheck {
            size: mem::size_of::<T>(),
            align: mem::align_of::<T>(),
            name: std::any::type_name::<T>(),
            compatible: T::is_compatible_format,
        }
    }
}

/// Acquires a `PyBUF_FULL_RO` view of `obj` and checks its items against `check`,
/// releasing the view again if they do not match.
fn acquire(obj: &Bound<'_, PyAny>, check: &ItemCheck) -> PyResult<Pin<Box<ffi::Py_buffer>>> {
    let mut view = Box::pin(ffi::Py_buffer::new());
    // SAFETY:
    // - attached (we hold `obj`, a `Bound`), and `obj` is a live object;
    // - `view` is a writable, zeroed `Py_buffer` that stays at this address (it is pinned on
    //   the heap) for as long as the view is held, as the protocol requires.
    if unsafe { ffi::PyObject_GetBuffer(obj.as_ptr(), &mut *view, ffi::PyBUF_FULL_RO) } == -1 {
        return Err(PyErr::fetch(obj.py()));
    }
    // A scalar (`ndim == 0`) has NULL shape and strides by the protocol's rules; an empty
    // buffer has no item to misalign (`array.array` exports a static one-byte array then).
    // Alignments are powers of two, so the mask tests divisibility (`is_multiple_of` is
    // newer than our minimum Rust).
    let problem = if view.ndim != 0 && view.shape.is_null() {
        Some(String::from("shape is null"))
    } else if view.ndim != 0 && view.strides.is_null() {
        Some(String::from("strides is null"))
    } else if view.itemsize as usize != check.size || !(check.compatible)(view_format(&view)) {
        Some(format!(
            "buffer contents are not compatible with {}",
            check.name
        ))
    } else if view.len != 0 && (view.buf as usize) & (check.align - 1) != 0 {
        Some(format!(
            "buffer contents are insufficiently aligned for {}",
            check.name
        ))
    } else {
        None
    };
    match problem {
        None => Ok(view),
        Some(message) => {
            // SAFETY: attached; `view` was filled by the successful PyObject_GetBuffer above
            // and is released exactly once, here, before it is freed.
            unsafe { ffi::PyBuffer_Release(&mut *view) };
            Err(PyBufferError::new_err(message))
        }
    }
}

/// The view's format string; CPython documents a NULL format as meaning `"B"` (bytes).
fn view_format(view: &ffi::Py_buffer) -> &CStr {
    if view.format.is_null() {
        c"B"
    } else {
        // SAFETY: a non-NULL `format` of a held view is a NUL-terminated string owned by
        // the exporter, unchanged until the view (borrowed here for the result) is released.
        unsafe { CStr::from_ptr(view.format) }
    }
}

/// A `len`-element slice starting at `data`, or an empty one when there is nothing to point
/// at (some exporters give NULL for empty buffers).
///
/// # Safety
///
/// Unless `len` is 0, `data` must point to `len` initialised, aligned values of `U` that stay
/// valid (and are only mutated through `U`'s interior mutability) for `'a`.
unsafe fn items<'a, U>(data: *mut c_void, len: usize) -> &'a [U] {
    if len == 0 || data.is_null() {
        return &[];
    }
    // SAFETY: forwarded from the caller.
    unsafe { std::slice::from_raw_parts(data.cast::<U>(), len) }
}

/// Copies a whole view into `dest` (`dest_bytes` long, `dest_len` items) in `order`.
fn copy_out(
    view: &ffi::Py_buffer,
    py: Python<'_>,
    dest: *mut c_void,
    dest_bytes: usize,
    dest_len: usize,
    order: u8,
) -> PyResult<()> {
    if dest_bytes != view.len as usize {
        return Err(PyBufferError::new_err(format!(
            "slice to copy to (of length {}) does not match buffer length of {}",
            dest_len,
            item_count(view)
        )));
    }
    // SAFETY:
    // - attached (`py`); `view` is a held view;
    // - `dest` is writable for `view.len` bytes (checked just above) and does not overlap
    //   the view's memory (it is a Rust slice or vector we exclusively borrow).
    let rc = unsafe { ffi::PyBuffer_ToContiguous(dest, view, view.len, order as c_char) };
    if rc == -1 {
        return Err(PyErr::fetch(py));
    }
    Ok(())
}

/// Copies `src` (`src_bytes` long, `src_len` items, laid out in `order`) into a whole view.
fn copy_in(
    view: &ffi::Py_buffer,
    py: Python<'_>,
    src: *const c_void,
    src_bytes: usize,
    src_len: usize,
    order: u8,
) -> PyResult<()> {
    if view.readonly != 0 {
        return Err(PyBufferError::new_err("cannot write to read-only buffer"));
    }
    if src_bytes != view.len as usize {
        return Err(PyBufferError::new_err(format!(
            "slice to copy from (of length {}) does not match buffer length of {}",
            src_len,
            item_count(view)
        )));
    }
    // SAFETY:
    // - attached (`py`); `view` is a held, writable view;
    // - `src` is readable for `view.len` bytes (checked just above); it is a shared Rust
    //   slice, so it cannot overlap the writable view's memory without unsafe code having
    //   made a `&[T]` of memory that the exporter may change.
    let rc = unsafe { ffi::PyBuffer_FromContiguous(view, src, view.len, order as c_char) };
    if rc == -1 {
        return Err(PyErr::fetch(py));
    }
    Ok(())
}

fn item_count(view: &ffi::Py_buffer) -> usize {
    match view.itemsize {
        0 => 0,
        size => view.len as usize / size as usize,
    }
}

fn is_contiguous(view: &ffi::Py_buffer, order: u8) -> bool {
    // SAFETY: `view` is a held view; PyBuffer_IsContiguous only reads its fields and the
    // exporter's shape and strides arrays.
    unsafe { ffi::PyBuffer_IsContiguous(view, order as c_char) != 0 }
}

/// Releases a held view, attaching the thread to do it. Skipped once the interpreter has
/// been finalized: the exporter is gone with it, and nothing is left to release.
fn release_view(view: &mut ffi::Py_buffer) {
    Python::try_attach(|_py| {
        // SAFETY: attached (`_py`); the view was filled by PyObject_GetBuffer and is
        // released once, by its owner's drop.
        unsafe { ffi::PyBuffer_Release(view) }
    });
}

impl<T: Element> PyBuffer<T> {
    /// Acquires a view of `obj`'s buffer whose items are `T`s.
    ///
    /// # Errors
    ///
    /// `TypeError` if `obj` does not support the buffer protocol; `BufferError` if its format
    /// or item size does not match `T` (see [`Element::is_compatible_format`]) or its memory
    /// is not aligned for `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3::buffer::PyBuffer;
    /// use pyo3::exceptions::PyBufferError;
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyBytes;
    ///
    /// Python::attach(|py| {
    ///     let bytes = PyBytes::new(py, b"hi");
    ///     assert_eq!(PyBuffer::<u8>::get(bytes.as_any()).unwrap().item_count(), 2);
    ///     let err = PyBuffer::<f32>::get(bytes.as_any()).unwrap_err();
    ///     assert!(err.is_instance_of::<PyBufferError>(py));
    ///     assert_eq!(err.value(py).to_string(), "buffer contents are not compatible with f32");
    /// });
    /// ```
    pub fn get(obj: &Bound<'_, PyAny>) -> PyResult<PyBuffer<T>> {
        acquire(obj, &ItemCheck::of::<T>()).map(|view| PyBuffer(view, PhantomData))
    }

    /// The items as a slice, if the buffer is C-contiguous (row-major, no gaps); `None`
    /// otherwise.
    ///
    /// The cells only allow reading, since Python code may also hold the memory: a value
    /// read with [`ReadOnlyCell::get`] is the one current at that moment.
    ///
    /// ```
    /// use pyo3::buffer::PyBuffer;
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyBytes;
    ///
    /// Python::attach(|py| {
    ///     let bytes = PyBytes::new(py, b"ab");
    ///     let buffer = PyBuffer::<u8>::get(bytes.as_any()).unwrap();
    ///     let items = buffer.as_slice(py).unwrap();
    ///     assert_eq!(items[1].get(), b'b');
    /// });
    /// ```
    pub fn as_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [ReadOnlyCell<T>]> {
        if !self.is_c_contiguous() {
            return None;
        }
        // SAFETY: the view is held for `'a`, C-contiguous, and its memory holds
        // `item_count()` items of `T`'s size and alignment (checked by `get`) with formats
        // `T` accepts; `ReadOnlyCell<T>` is a transparent wrapper allowing shared mutation.
        Some(unsafe { items(self.0.buf, self.item_count()) })
    }

    /// The items as a slice of cells that may be written, if the buffer is writable and
    /// C-contiguous; `None` otherwise.
    ///
    /// Writes are seen at once by Python code using the same memory.
    pub fn as_mut_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [Cell<T>]> {
        if self.readonly() || !self.is_c_contiguous() {
            return None;
        }
        // SAFETY: as in `as_slice`, and the exporter allows writing; `Cell<T>` is
        // transparent over `T`, and every bit pattern a `Cell` can store is a valid item.
        Some(unsafe { items(self.0.buf, self.item_count()) })
    }

    /// Like [`as_slice`](PyBuffer::as_slice), for a Fortran-contiguous (column-major)
    /// buffer.
    pub fn as_fortran_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [ReadOnlyCell<T>]> {
        if !self.is_fortran_contiguous() {
            return None;
        }
        // SAFETY: as in `as_slice`, with Fortran contiguity: the items still fill the
        // memory without gaps, in column-major order.
        Some(unsafe { items(self.0.buf, self.item_count()) })
    }

    /// Like [`as_mut_slice`](PyBuffer::as_mut_slice), for a Fortran-contiguous
    /// (column-major) buffer.
    pub fn as_fortran_mut_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [Cell<T>]> {
        if self.readonly() || !self.is_fortran_contiguous() {
            return None;
        }
        // SAFETY: as in `as_mut_slice`, with Fortran contiguity.
        Some(unsafe { items(self.0.buf, self.item_count()) })
    }

    /// Copies the items into `target` in C (row-major) order. Works for any layout,
    /// strided and indirect ones included.
    ///
    /// # Errors
    ///
    /// `BufferError` if `target.len()` differs from [`item_count`](PyBuffer::item_count).
    ///
    /// ```
    /// use pyo3::buffer::PyBuffer;
    /// use pyo3::prelude::*;
    ///
    /// Python::attach(|py| {
    ///     let every_other = py.eval(c"memoryview(b'abcdef')[::2]", None, None).unwrap();
    ///     let buffer = PyBuffer::<u8>::get(&every_other).unwrap();
    ///     let mut out = [0u8; 3];
    ///     buffer.copy_to_slice(py, &mut out).unwrap();
    ///     assert_eq!(&out, b"ace");
    ///     assert!(buffer.copy_to_slice(py, &mut [0u8; 2]).is_err());
    /// });
    /// ```
    pub fn copy_to_slice(&self, py: Python<'_>, target: &mut [T]) -> PyResult<()> {
        let bytes = mem::size_of_val(target);
        copy_out(
            &self.0,
            py,
            target.as_mut_ptr().cast(),
            bytes,
            target.len(),
            b'C',
        )
    }

    /// Copies the items into `target` in Fortran (column-major) order.
    ///
    /// # Errors
    ///
    /// `BufferError` if `target.len()` differs from [`item_count`](PyBuffer::item_count).
    pub fn copy_to_fortran_slice(&self, py: Python<'_>, target: &mut [T]) -> PyResult<()> {
        let bytes = mem::size_of_val(target);
        copy_out(
            &self.0,
            py,
            target.as_mut_ptr().cast(),
            bytes,
            target.len(),
            b'F',
        )
    }

    /// The items, copied into a new vector in C (row-major) order.
    ///
    /// # Errors
    ///
    /// Whatever error CPython raises while copying (in practice only `MemoryError`).
    ///
    /// ```
    /// use pyo3::buffer::PyBuffer;
    /// use pyo3::prelude::*;
    ///
    /// Python::attach(|py| {
    ///     let grid = py.eval(c"memoryview(bytes(range(6))).cast('B', [2, 3])", None, None).unwrap();
    ///     let buffer = PyBuffer::<u8>::get(&grid).unwrap();
    ///     assert_eq!(buffer.to_vec(py).unwrap(), [0, 1, 2, 3, 4, 5]);
    ///     assert_eq!(buffer.to_fortran_vec(py).unwrap(), [0, 3, 1, 4, 2, 5]);
    /// });
    /// ```
    pub fn to_vec(&self, py: Python<'_>) -> PyResult<Vec<T>> {
        self.to_vec_in(py, b'C')
    }

    /// The items, copied into a new vector in Fortran (column-major) order.
    ///
    /// # Errors
    ///
    /// Whatever error CPython raises while copying (in practice only `MemoryError`).
    pub fn to_fortran_vec(&self, py: Python<'_>) -> PyResult<Vec<T>> {
        self.to_vec_in(py, b'F')
    }

    fn to_vec_in(&self, py: Python<'_>, order: u8) -> PyResult<Vec<T>> {
        let count = self.item_count();
        let mut vec: Vec<T> = Vec::with_capacity(count);
        let bytes = count * mem::size_of::<T>();
        copy_out(&self.0, py, vec.as_mut_ptr().cast(), bytes, count, order)?;
        // SAFETY: `copy_out` succeeded, so it wrote `count` whole items (the view's `len`
        // bytes, which it checked equal `bytes`) into the vector's capacity, all of them
        // valid `T`s by the format check of `get`.
        unsafe { vec.set_len(count) };
        Ok(vec)
    }

    /// Copies `source`, laid out in C (row-major) order, into the buffer's items.
    ///
    /// # Errors
    ///
    /// `BufferError` if the buffer is read-only or `source.len()` differs from
    /// [`item_count`](PyBuffer::item_count).
    ///
    /// ```
    /// use pyo3::buffer::PyBuffer;
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyByteArray, PyBytes};
    ///
    /// Python::attach(|py| {
    ///     let data = PyByteArray::new(py, b"...");
    ///     PyBuffer::<u8>::get(data.as_any()).unwrap().copy_from_slice(py, b"abc").unwrap();
    ///     assert_eq!(data.to_vec(), b"abc");
    ///
    ///     let frozen = PyBuffer::<u8>::get(PyBytes::new(py, b"...").as_any()).unwrap();
    ///     let err = frozen.copy_from_slice(py, b"abc").unwrap_err();
    ///     assert_eq!(err.value(py).to_string(), "cannot write to read-only buffer");
    /// });
    /// ```
    pub fn copy_from_slice(&self, py: Python<'_>, source: &[T]) -> PyResult<()> {
        let bytes = mem::size_of_val(source);
        copy_in(
            &self.0,
            py,
            source.as_ptr().cast(),
            bytes,
            source.len(),
            b'C',
        )
    }

    /// Copies `source`, laid out in Fortran (column-major) order, into the buffer's items.
    ///
    /// # Errors
    ///
    /// `BufferError` if the buffer is read-only or `source.len()` differs from
    /// [`item_count`](PyBuffer::item_count).
    pub fn copy_from_fortran_slice(&self, py: Python<'_>, source: &[T]) -> PyResult<()> {
        let bytes = mem::size_of_val(source);
        copy_in(
            &self.0,
            py,
            source.as_ptr().cast(),
            bytes,
            source.len(),
            b'F',
        )
    }

    /// Releases the view now, using the token instead of attaching as `Drop` would.
    ///
    /// ```
    /// use pyo3::buffer::PyBuffer;
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyByteArray;
    ///
    /// Python::attach(|py| {
    ///     let data = PyByteArray::new(py, b"abc");
    ///     let buffer = PyBuffer::<u8>::get(data.as_any()).unwrap();
    ///     assert!(data.resize(10).is_err()); // exported memory cannot move
    ///     buffer.release(py);
    ///     data.resize(10).unwrap();
    /// });
    /// ```
    pub fn release(self, _py: Python<'_>) {
        let mut this = ManuallyDrop::new(self);
        // SAFETY: attached (`_py`); the view is held, and with `Drop` suppressed it is
        // released exactly once, here.
        unsafe { ffi::PyBuffer_Release(&mut *this.0) };
        // SAFETY: `this` is never touched again, so moving the box out of it (to free the
        // allocation) leaves no second owner behind.
        drop(unsafe { ptr::read(&this.0) });
    }
}

impl<T> PyBuffer<T> {
    /// The address of the first byte of the buffer (of item `[0, 0, ...]` unless strides are
    /// negative or the buffer is indirect).
    ///
    /// Python code may change the memory behind it, so read or write through it only while
    /// attached, and only while no Python code runs.
    pub fn buf_ptr(&self) -> *mut c_void {
        self.0.buf
    }

    /// The address of the item at `indices`, one index per dimension, found as CPython's
    /// `PyBuffer_GetPointer` does (following strides and suboffsets). With fewer indices
    /// than dimensions, the address of the sub-array they select.
    ///
    /// # Panics
    ///
    /// If there are more indices than dimensions, or an index is not below the length of its
    /// dimension.
    ///
    /// ```
    /// use pyo3::buffer::PyBuffer;
    /// use pyo3::prelude::*;
    ///
    /// Python::attach(|py| {
    ///     let grid = py.eval(c"memoryview(bytes(range(6))).cast('B', [2, 3])", None, None).unwrap();
    ///     let buffer = PyBuffer::<u8>::get(&grid).unwrap();
    ///     let item = buffer.get_ptr(&[1, 2]).cast::<u8>();
    ///     // SAFETY: attached, no Python code runs, and the address is inside the buffer.
    ///     assert_eq!(unsafe { *item }, 5);
    ///     assert_eq!(buffer.get_ptr(&[1]), buffer.get_ptr(&[1, 0]));
    /// });
    /// ```
    pub fn get_ptr(&self, indices: &[usize]) -> *mut c_void {
        let shape = self.shape();
        assert!(
            indices.len() <= shape.len(),
            "{} indices given for a buffer of {} dimensions",
            indices.len(),
            shape.len()
        );
        let strides = self.strides();
        let suboffsets = self.suboffsets();
        let mut at = self.0.buf.cast::<u8>();
        for (dim, (&index, &length)) in indices.iter().zip(shape).enumerate() {
            assert!(
                index < length,
                "index {index} out of range for dimension {dim} of length {length}"
            );
            at = at.wrapping_offset(strides[dim].wrapping_mul(index as isize));
            if let Some(offset) = suboffsets.map(|s| s[dim]).filter(|&s| s >= 0) {
                // SAFETY: in an indirect buffer, a dimension with a non-negative suboffset
                // holds pointers to the next level; `index` is in range, so `at` is one of
                // them, which the exporter keeps valid while the view is held.
                at = unsafe { at.cast::<*mut u8>().read_unaligned() }.wrapping_offset(offset);
            }
        }
        at.cast()
    }

    /// Whether the buffer is read-only (`bytes`, say, but not `bytearray`).
    pub fn readonly(&self) -> bool {
        self.0.readonly != 0
    }

    /// The size of one item in bytes (`size_of::<T>()` for a buffer obtained with
    /// [`get`](PyBuffer::get)).
    pub fn item_size(&self) -> usize {
        self.0.itemsize as usize
    }

    /// The number of items, over all dimensions.
    pub fn item_count(&self) -> usize {
        item_count(&self.0)
    }

    /// `item_size() * item_count()`: the size of the memory for a contiguous buffer, the
    /// size a contiguous copy would have otherwise.
    pub fn len_bytes(&self) -> usize {
        self.0.len as usize
    }

    /// The number of dimensions; 0 for a single scalar.
    pub fn dimensions(&self) -> usize {
        self.0.ndim as usize
    }

    /// The length of each dimension (`dimensions()` entries; a length may be 0).
    ///
    /// ```
    /// use pyo3::buffer::PyBuffer;
    /// use pyo3::prelude::*;
    ///
    /// Python::attach(|py| {
    ///     let grid = py.eval(c"memoryview(bytes(6)).cast('B', [2, 3])", None, None).unwrap();
    ///     let buffer = PyBuffer::<u8>::get(&grid).unwrap();
    ///     assert_eq!(buffer.dimensions(), 2);
    ///     assert_eq!(buffer.shape(), [2, 3]);
    ///     assert_eq!(buffer.strides(), [3, 1]);
    ///     assert_eq!(buffer.suboffsets(), None);
    /// });
    /// ```
    pub fn shape(&self) -> &[usize] {
        // SAFETY: a held view's `shape`, when not NULL, has `ndim` non-negative entries,
        // fixed while the view (borrowed for the result) is held; `Py_ssize_t` and `usize`
        // have the same layout.
        unsafe { items(self.0.shape.cast(), self.dimensions()) }
    }

    /// The distance in bytes between consecutive items of each dimension (`dimensions()`
    /// entries; negative for reversed views).
    pub fn strides(&self) -> &[isize] {
        // SAFETY: as in `shape`, for `strides`; `Py_ssize_t` is `isize`.
        unsafe { items(self.0.strides.cast(), self.dimensions()) }
    }

    /// For an indirect (PIL-style) buffer, the offset to add after following the pointer of
    /// each dimension (negative where that dimension is not indirect); `None` otherwise.
    pub fn suboffsets(&self) -> Option<&[isize]> {
        if self.0.suboffsets.is_null() {
            return None;
        }
        // SAFETY: as in `shape`, for a non-NULL `suboffsets`.
        Some(unsafe { items(self.0.suboffsets.cast(), self.dimensions()) })
    }

    /// The items' format, in the syntax of the `struct` module (`"B"` when the exporter
    /// gives none).
    ///
    /// ```
    /// use pyo3::buffer::PyBuffer;
    /// use pyo3::prelude::*;
    ///
    /// Python::attach(|py| {
    ///     let numbers = py.eval(c"__import__('array').array('h', [1, 2])", None, None).unwrap();
    ///     assert_eq!(PyBuffer::<i16>::get(&numbers).unwrap().format(), c"h");
    /// });
    /// ```
    pub fn format(&self) -> &CStr {
        view_format(&self.0)
    }

    /// Whether the items fill the memory without gaps in C (row-major) order.
    pub fn is_c_contiguous(&self) -> bool {
        is_contiguous(&self.0, b'C')
    }

    /// Whether the items fill the memory without gaps in Fortran (column-major) order.
    pub fn is_fortran_contiguous(&self) -> bool {
        is_contiguous(&self.0, b'F')
    }
}

impl<T> Drop for PyBuffer<T> {
    /// Releases the view, attaching the thread for the duration if it is not attached.
    /// Once the interpreter has been finalized there is nothing left to release, and this
    /// only frees the Rust allocation.
    fn drop(&mut self) {
        release_view(&mut self.0);
    }
}

impl<T> fmt::Debug for PyBuffer<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PyBuffer")
            .field("buf", &self.0.buf)
            .field("obj", &self.0.obj)
            .field("len", &self.0.len)
            .field("itemsize", &self.0.itemsize)
            .field("readonly", &self.readonly())
            .field("format", &self.format())
            .field("shape", &self.shape())
            .field("strides", &self.strides())
            .field("suboffsets", &self.suboffsets())
            .finish()
    }
}

impl<T: Element> FromPyObject<'_, '_> for PyBuffer<T> {
    type Error = PyErr;

    /// [`PyBuffer::get`].
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        PyBuffer::get(&obj)
    }
}

/// A cell in a buffer that Rust may only read: Python code can change its value, so it is
/// read by copy, never borrowed.
///
/// ```
/// use pyo3::buffer::PyBuffer;
/// use pyo3::prelude::*;
/// use pyo3::types::PyBytes;
///
/// Python::attach(|py| {
///     let bytes = PyBytes::new(py, b"z");
///     let buffer = PyBuffer::<u8>::get(bytes.as_any()).unwrap();
///     let cell = &buffer.as_slice(py).unwrap()[0];
///     assert_eq!(cell.get(), b'z');
///     assert_eq!(cell.as_ptr(), bytes.as_bytes().as_ptr());
/// });
/// ```
#[repr(transparent)]
pub struct ReadOnlyCell<T: Element>(UnsafeCell<T>);

impl<T: Element> ReadOnlyCell<T> {
    /// The current value.
    #[inline]
    pub fn get(&self) -> T {
        // SAFETY: cells exist only inside slices handed out by `PyBuffer::as_slice` and
        // `as_fortran_slice`, so this is an aligned, initialised item of a held buffer,
        // borrowed while attached; `ReadOnlyCell` is not `Sync`, so no other Rust thread
        // reads through it, and no Python code runs during the read.
        unsafe { *self.0.get() }
    }

    /// The address of the value.
    #[inline]
    pub fn as_ptr(&self) -> *const T {
        self.0.get()
    }
}

/// An item type of a buffer: a plain value whose memory representation a `struct`-module
/// format describes.
///
/// Implemented for the primitive integers and floats.
///
/// # Safety
///
/// Every bit pattern of `size_of::<Self>()` bytes must be a valid `Self`, and
/// [`is_compatible_format`](Element::is_compatible_format) must accept only formats whose
/// items are `size_of::<Self>()` bytes that mean the same value as a `Self` would.
pub unsafe trait Element: Copy {
    /// Whether items of the `struct`-module format `format` can be read as `Self`s.
    ///
    /// ```
    /// use pyo3::buffer::Element;
    ///
    /// assert!(i32::is_compatible_format(c"i"));
    /// assert!(i32::is_compatible_format(c"=i"));
    /// assert!(!u32::is_compatible_format(c"i"));
    /// assert!(!i64::is_compatible_format(c"i"));
    /// assert!(f64::is_compatible_format(c"d"));
    /// ```
    fn is_compatible_format(format: &CStr) -> bool;
}

/// Whether a format's byte-order prefix means this machine's byte order.
fn is_native_order(prefix: u8) -> bool {
    match prefix {
        b'@' | b'=' => true,
        b'<' => cfg!(target_endian = "little"),
        b'>' | b'!' => cfg!(target_endian = "big"),
        _ => false,
    }
}

/// Whether `format` describes single items of type `expected` in native byte order.
fn format_matches(format: &CStr, expected: ElementType) -> bool {
    let native = match format.to_bytes() {
        [prefix, _] => is_native_order(*prefix),
        _ => true,
    };
    native && ElementType::from_format(format) == expected
}

macro_rules! element_impls {
    ($($ty:ty => $kind:ident),* $(,)?) => {$(
        // SAFETY: every bit pattern of a primitive number is a valid value, and the format
        // must be a native-order `$kind` exactly `size_of::<$ty>()` bytes wide.
        unsafe impl Element for $ty {
            fn is_compatible_format(format: &CStr) -> bool {
                format_matches(format, ElementType::$kind { bytes: mem::size_of::<$ty>() })
            }
        }
    )*};
}

element_impls!(
    u8 => UnsignedInteger,
    u16 => UnsignedInteger,
    u32 => UnsignedInteger,
    u64 => UnsignedInteger,
    usize => UnsignedInteger,
    i8 => SignedInteger,
    i16 => SignedInteger,
    i32 => SignedInteger,
    i64 => SignedInteger,
    isize => SignedInteger,
    f32 => Float,
    f64 => Float,
);

/// What kind of value a buffer item is, as read from its format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementType {
    /// A signed integer.
    SignedInteger {
        /// Its width in bytes.
        bytes: usize,
    },
    /// An unsigned integer (also the `c` character format).
    UnsignedInteger {
        /// Its width in bytes.
        bytes: usize,
    },
    /// A boolean (`?`).
    Bool,
    /// An IEEE 754 float (`e` is the 2-byte half float).
    Float {
        /// Its width in bytes.
        bytes: usize,
    },
    /// Anything else: a format this parser does not read (structs, repeat counts,
    /// pointers, ...) or one that is not valid.
    Unknown,
}

impl ElementType {
    /// Reads a `struct`-module format string describing a single item: a type code,
    /// optionally after a byte-order prefix. Without a prefix or with `@`, sizes are the
    /// native C ones (`l` is a C `long`); with `=`, `<`, `>` or `!` they are the standard
    /// ones (`l` is 4 bytes). The byte order itself is not part of the result.
    ///
    /// ```
    /// use pyo3::buffer::ElementType;
    ///
    /// assert_eq!(ElementType::from_format(c"B"), ElementType::UnsignedInteger { bytes: 1 });
    /// assert_eq!(ElementType::from_format(c"<l"), ElementType::SignedInteger { bytes: 4 });
    /// assert_eq!(ElementType::from_format(c"@d"), ElementType::Float { bytes: 8 });
    /// assert_eq!(ElementType::from_format(c"?"), ElementType::Bool);
    /// assert_eq!(ElementType::from_format(c"2i"), ElementType::Unknown);
    /// ```
    pub fn from_format(format: &CStr) -> ElementType {
        match format.to_bytes() {
            [code] | [b'@', code] => native_element_type(*code),
            [b'=' | b'<' | b'>' | b'!', code] => standard_element_type(*code),
            _ => ElementType::Unknown,
        }
    }
}

/// A type code with native sizes: those of the C types the `struct` module names.
fn native_element_type(code: u8) -> ElementType {
    use ElementType::{Bool, Float, SignedInteger, Unknown, UnsignedInteger};
    let signed = |bytes| SignedInteger { bytes };
    let unsigned = |bytes| UnsignedInteger { bytes };
    match code {
        b'c' => unsigned(mem::size_of::<c_char>()),
        b'b' => signed(mem::size_of::<c_schar>()),
        b'B' => unsigned(mem::size_of::<c_uchar>()),
        b'?' => Bool,
        b'h' => signed(mem::size_of::<c_short>()),
        b'H' => unsigned(mem::size_of::<c_ushort>()),
        b'i' => signed(mem::size_of::<c_int>()),
        b'I' => unsigned(mem::size_of::<c_uint>()),
        b'l' => signed(mem::size_of::<c_long>()),
        b'L' => unsigned(mem::size_of::<c_ulong>()),
        b'q' => signed(mem::size_of::<c_longlong>()),
        b'Q' => unsigned(mem::size_of::<c_ulonglong>()),
        // `ssize_t` and `size_t`, pointer-sized on every platform CPython supports.
        b'n' => signed(mem::size_of::<isize>()),
        b'N' => unsigned(mem::size_of::<usize>()),
        b'e' => Float { bytes: 2 },
        b'f' => Float { bytes: 4 },
        b'd' => Float { bytes: 8 },
        _ => Unknown,
    }
}

/// A type code with the `struct` module's standard sizes (`n` and `N` have none).
fn standard_element_type(code: u8) -> ElementType {
    use ElementType::{Bool, Float, SignedInteger, Unknown, UnsignedInteger};
    match code {
        b'c' | b'B' => UnsignedInteger { bytes: 1 },
        b'b' => SignedInteger { bytes: 1 },
        b'?' => Bool,
        b'h' => SignedInteger { bytes: 2 },
        b'H' => UnsignedInteger { bytes: 2 },
        b'i' | b'l' => SignedInteger { bytes: 4 },
        b'I' | b'L' => UnsignedInteger { bytes: 4 },
        b'q' => SignedInteger { bytes: 8 },
        b'Q' => UnsignedInteger { bytes: 8 },
        b'e' => Float { bytes: 2 },
        b'f' => Float { bytes: 4 },
        b'd' => Float { bytes: 8 },
        _ => Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ElementType::{Bool, Float, SignedInteger, Unknown, UnsignedInteger};

    const LONG: usize = mem::size_of::<c_long>();
    const PTR: usize = mem::size_of::<usize>();

    #[test]
    fn native_codes() {
        let cases = [
            (c"c", UnsignedInteger { bytes: 1 }),
            (c"b", SignedInteger { bytes: 1 }),
            (c"B", UnsignedInteger { bytes: 1 }),
            (c"?", Bool),
            (c"h", SignedInteger { bytes: 2 }),
            (c"H", UnsignedInteger { bytes: 2 }),
            (c"i", SignedInteger { bytes: 4 }),
            (c"I", UnsignedInteger { bytes: 4 }),
            (c"l", SignedInteger { bytes: LONG }),
            (c"L", UnsignedInteger { bytes: LONG }),
            (c"q", SignedInteger { bytes: 8 }),
            (c"Q", UnsignedInteger { bytes: 8 }),
            (c"n", SignedInteger { bytes: PTR }),
            (c"N", UnsignedInteger { bytes: PTR }),
            (c"e", Float { bytes: 2 }),
            (c"f", Float { bytes: 4 }),
            (c"d", Float { bytes: 8 }),
        ];
        for (format, expected) in cases {
            assert_eq!(ElementType::from_format(format), expected, "{format:?}");
            let mut with_at = b"@".to_vec();
            with_at.extend_from_slice(format.to_bytes());
            let with_at = std::ffi::CString::new(with_at).unwrap();
            assert_eq!(ElementType::from_format(&with_at), expected, "{with_at:?}");
        }
    }

    #[test]
    fn standard_codes() {
        for prefix in [b'=', b'<', b'>', b'!'] {
            let parse = |code: u8| {
                let format = std::ffi::CString::new(vec![prefix, code]).unwrap();
                ElementType::from_format(&format)
            };
            assert_eq!(parse(b'c'), UnsignedInteger { bytes: 1 });
            assert_eq!(parse(b'b'), SignedInteger { bytes: 1 });
            assert_eq!(parse(b'B'), UnsignedInteger { bytes: 1 });
            assert_eq!(parse(b'?'), Bool);
            assert_eq!(parse(b'h'), SignedInteger { bytes: 2 });
            assert_eq!(parse(b'H'), UnsignedInteger { bytes: 2 });
            assert_eq!(parse(b'i'), SignedInteger { bytes: 4 });
            assert_eq!(parse(b'I'), UnsignedInteger { bytes: 4 });
            assert_eq!(parse(b'l'), SignedInteger { bytes: 4 });
            assert_eq!(parse(b'L'), UnsignedInteger { bytes: 4 });
            assert_eq!(parse(b'q'), SignedInteger { bytes: 8 });
            assert_eq!(parse(b'Q'), UnsignedInteger { bytes: 8 });
            assert_eq!(parse(b'e'), Float { bytes: 2 });
            assert_eq!(parse(b'f'), Float { bytes: 4 });
            assert_eq!(parse(b'd'), Float { bytes: 8 });
            // Native-only codes have no standard size.
            assert_eq!(parse(b'n'), Unknown);
            assert_eq!(parse(b'N'), Unknown);
        }
    }

    #[test]
    fn unreadable_formats() {
        for format in [
            c"", c"x", c"P", c"s", c"2i", c"ii", c"T{i}", c"@", c"<", c"^i", c"@@i", c"<ii",
        ] {
            assert_eq!(ElementType::from_format(format), Unknown, "{format:?}");
        }
    }

    #[test]
    fn compatibility_follows_kind_size_and_byte_order() {
        assert!(u8::is_compatible_format(c"B"));
        assert!(u8::is_compatible_format(c"c"));
        assert!(!u8::is_compatible_format(c"b"));
        assert!(!u8::is_compatible_format(c"?"));
        assert!(i8::is_compatible_format(c"b"));
        assert!(i16::is_compatible_format(c"@h"));
        assert!(u16::is_compatible_format(c"=H"));
        assert!(i32::is_compatible_format(c"i"));
        assert!(!i32::is_compatible_format(c"I"));
        assert!(!i32::is_compatible_format(c"f"));
        assert!(u64::is_compatible_format(c"Q"));
        assert!(i64::is_compatible_format(c"q"));
        assert!(!i64::is_compatible_format(c"i"));
        assert!(isize::is_compatible_format(c"n"));
        assert!(usize::is_compatible_format(c"N"));
        assert!(f32::is_compatible_format(c"f"));
        assert!(!f32::is_compatible_format(c"e"));
        assert!(f64::is_compatible_format(c"d"));
        assert!(!f64::is_compatible_format(c"q"));
        assert_eq!(i64::is_compatible_format(c"l"), LONG == 8);
        assert_eq!(i32::is_compatible_format(c"l"), LONG == 4);
        assert!(i32::is_compatible_format(c"=l"));

        let little = cfg!(target_endian = "little");
        assert_eq!(i32::is_compatible_format(c"<i"), little);
        assert_eq!(i32::is_compatible_format(c">i"), !little);
        assert_eq!(i32::is_compatible_format(c"!i"), !little);
        assert_eq!(u8::is_compatible_format(c"<B"), little);
        assert!(!i32::is_compatible_format(c"2i"));
    }
}
