//! Newer C-API functions for every supported interpreter.
//!
//! Each function here has the name, signature and contract of a function that a later
//! CPython added (the version is given on each item). Where the interpreter targeted by
//! this build already has it, the item is the interpreter's own function, re-exported;
//! otherwise it is written in Rust on top of older API, with the same results, the same
//! reference ownership and, where it matters, the same exception. This is the one module
//! of the crate that holds logic rather than declarations.
//!
//! "Targeted" means the cfgs of the build: with `abi3-py38`, say, the fallbacks are used
//! even when the extension later runs on 3.13, since the limited API of 3.8 is all that
//! can be called.
//!
//! Checked against the headers and `Objects/*.c` behaviour of CPython 3.7–3.13.

#[cfg(any(not(Py_3_13), Py_LIMITED_API))]
use crate::object::*;
use crate::pyport::Py_ssize_t;
#[cfg(not(Py_3_13))]
use std::os::raw::c_char;
#[cfg(any(not(Py_3_13), Py_LIMITED_API))]
use std::os::raw::c_int;

// --- Reference counting (object.h) -----------------------------------------------------

/// `Py_NewRef` (3.10): a new strong reference to `obj`, which is returned.
pub use crate::object::Py_NewRef;
/// `Py_XNewRef` (3.10): as [`Py_NewRef`], NULL passes through.
pub use crate::object::Py_XNewRef;

// --- Calls (abstract.h) ----------------------------------------------------------------

/// `PyObject_CallNoArgs` (3.9): `func()`.
pub use crate::abstract_::PyObject_CallNoArgs;

/// `PyObject_CallOneArg` (3.9, not in the limited API): `func(arg)`.
#[cfg(all(Py_3_9, not(Py_LIMITED_API)))]
pub use crate::PyObject_CallOneArg;

/// `PyObject_CallOneArg` (3.9): `func(arg)`, through `PyObject_CallFunctionObjArgs`.
///
/// # Safety
/// `func` and `arg` must be live objects; the thread must be attached.
#[cfg(not(all(Py_3_9, not(Py_LIMITED_API))))]
#[inline]
pub unsafe fn PyObject_CallOneArg(func: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller passes live objects and is attached; the variadic list ends with
    // NULL as `PyObject_CallFunctionObjArgs` requires.
    unsafe { crate::PyObject_CallFunctionObjArgs(func, arg, std::ptr::null_mut::<PyObject>()) }
}

/// `PyObject_CallMethodNoArgs` (3.9, not in the limited API): `obj.name()`.
#[cfg(all(Py_3_9, not(Py_LIMITED_API)))]
pub use crate::PyObject_CallMethodNoArgs;

/// `PyObject_CallMethodNoArgs` (3.9): `obj.name()`, through `PyObject_CallMethodObjArgs`.
///
/// # Safety
/// `obj` must be live and `name` a live `str`; the thread must be attached.
#[cfg(not(all(Py_3_9, not(Py_LIMITED_API))))]
#[inline]
pub unsafe fn PyObject_CallMethodNoArgs(obj: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller passes live objects (`name` a str) and is attached; the variadic
    // list is just the NULL terminator.
    unsafe { crate::PyObject_CallMethodObjArgs(obj, name, std::ptr::null_mut::<PyObject>()) }
}

// --- Attributes (object.h) -------------------------------------------------------------

/// `PyObject_GetOptionalAttr` (3.13).
#[cfg(Py_3_13)]
pub use crate::object::PyObject_GetOptionalAttr;

/// `PyObject_GetOptionalAttr` (3.13): `obj.name` into `*result` (a new reference) and 1;
/// on `AttributeError`, NULL and 0 with the error cleared; on other errors NULL and -1.
///
/// # Safety
/// `obj` and `name` must be live, `result` writable; the thread must be attached.
#[cfg(not(Py_3_13))]
pub unsafe fn PyObject_GetOptionalAttr(
    obj: *mut PyObject,
    name: *mut PyObject,
    result: *mut *mut PyObject,
) -> c_int {
    // SAFETY: the caller passes a live object, a live name and a writable `result`, and is
    // attached.
    unsafe { optional_attr(crate::PyObject_GetAttr(obj, name), result) }
}

/// `PyObject_GetOptionalAttrString` (3.13).
#[cfg(Py_3_13)]
pub use crate::object::PyObject_GetOptionalAttrString;

/// `PyObject_GetOptionalAttrString` (3.13): as [`PyObject_GetOptionalAttr`] with a UTF-8
/// name.
///
/// # Safety
/// `obj` must be live, `name` NUL-terminated, `result` writable; the thread must be attached.
#[cfg(not(Py_3_13))]
pub unsafe fn PyObject_GetOptionalAttrString(
    obj: *mut PyObject,
    name: *const c_char,
    result: *mut *mut PyObject,
) -> c_int {
    // SAFETY: the caller passes a live object, a NUL-terminated name and a writable
    // `result`, and is attached.
    unsafe { optional_attr(crate::PyObject_GetAttrString(obj, name), result) }
}

/// The tail shared by the two `GetOptionalAttr` fallbacks: `value` is what the attribute
/// lookup returned.
///
/// # Safety
/// `result` must be writable, `value` a new reference or NULL with an exception set, and
/// the thread attached.
#[cfg(not(Py_3_13))]
unsafe fn optional_attr(value: *mut PyObject, result: *mut *mut PyObject) -> c_int {
    // SAFETY: guaranteed by the caller; the exception statics are read once initialized.
    unsafe {
        *result = value;
        if !value.is_null() {
            return 1;
        }
        if crate::PyErr_ExceptionMatches(crate::PyExc_AttributeError) != 0 {
            crate::PyErr_Clear();
            return 0;
        }
        -1
    }
}

// --- Integers (longobject.h) -----------------------------------------------------------

/// `PyLong_AsInt` (3.13).
#[cfg(Py_3_13)]
pub use crate::longobject::PyLong_AsInt;

/// `PyLong_AsInt` (3.13): as `PyLong_AsLong`, but for a C `int`; out of range raises
/// `OverflowError` and returns -1.
///
/// # Safety
/// `obj` must be a live object; the thread must be attached.
#[cfg(not(Py_3_13))]
pub unsafe fn PyLong_AsInt(obj: *mut PyObject) -> c_int {
    let mut overflow: c_int = 0;
    // SAFETY: the caller passes a live object and is attached; `overflow` is a local.
    let value = unsafe { crate::PyLong_AsLongAndOverflow(obj, &mut overflow) };
    match c_int::try_from(value) {
        Ok(v) if overflow == 0 => v,
        _ => {
            // SAFETY: attached (caller); the message is NUL-terminated.
            unsafe {
                crate::PyErr_SetString(
                    crate::PyExc_OverflowError,
                    c"Python int too large to convert to C int".as_ptr(),
                );
            }
            -1
        }
    }
}

// --- Hashing (pyhash.h) ----------------------------------------------------------------

/// `Py_HashBuffer` (3.14): the hash of `len` bytes at `ptr`, equal to the hash of a `bytes`
/// object with that content.
///
/// Before 3.13 (outside the limited API) this is `_Py_HashBytes`, which never fails.
/// Elsewhere a temporary `bytes` object is hashed; if it cannot be allocated, -1 is
/// returned with `MemoryError` set (3.14's function cannot fail).
///
/// # Safety
/// `ptr` must be valid for reads of `len` bytes; the thread must be attached.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn Py_HashBuffer(ptr: *const std::ffi::c_void, len: Py_ssize_t) -> crate::Py_hash_t {
    #[cfg(not(any(Py_3_13, Py_LIMITED_API)))]
    {
        // SAFETY: the caller passes `len` readable bytes at `ptr` and is attached.
        unsafe { crate::_Py_HashBytes(ptr, len) }
    }
    #[cfg(any(Py_3_13, Py_LIMITED_API))]
    {
        // SAFETY: the caller passes `len` readable bytes at `ptr` and is attached; the
        // temporary `bytes` is owned here and released after hashing.
        unsafe {
            let bytes = crate::PyBytes_FromStringAndSize(ptr.cast(), len);
            if bytes.is_null() {
                return -1;
            }
            let hash = crate::PyObject_Hash(bytes);
            crate::Py_DECREF(bytes);
            hash
        }
    }
}

// --- Dictionaries (dictobject.h) -------------------------------------------------------

/// `PyDict_GetItemRef` (3.13).
#[cfg(Py_3_13)]
pub use crate::dictobject::PyDict_GetItemRef;

/// `PyDict_GetItemRef` (3.13): `dict[key]` into `*result` as a new reference and 1; a
/// missing key gives NULL and 0 without an exception; errors (unhashable key, `dict` not a
/// dict) give NULL and -1.
///
/// # Safety
/// `dict` and `key` must be live, `result` writable; the thread must be attached.
#[cfg(not(Py_3_13))]
pub unsafe fn PyDict_GetItemRef(
    dict: *mut PyObject,
    key: *mut PyObject,
    result: *mut *mut PyObject,
) -> c_int {
    // SAFETY: the caller passes live objects and a writable `result`, and is attached.
    // The item is borrowed from the dict and made strong before anything else runs.
    unsafe {
        let item = crate::PyDict_GetItemWithError(dict, key);
        if item.is_null() {
            *result = std::ptr::null_mut();
            return if crate::PyErr_Occurred().is_null() {
                0
            } else {
                -1
            };
        }
        *result = Py_NewRef(item);
        1
    }
}

/// `PyDict_GetItemStringRef` (3.13).
#[cfg(Py_3_13)]
pub use crate::dictobject::PyDict_GetItemStringRef;

/// `PyDict_GetItemStringRef` (3.13): as [`PyDict_GetItemRef`] with a UTF-8 key.
///
/// # Safety
/// `dict` must be live, `key` NUL-terminated UTF-8, `result` writable; the thread must be attached.
#[cfg(not(Py_3_13))]
pub unsafe fn PyDict_GetItemStringRef(
    dict: *mut PyObject,
    key: *const c_char,
    result: *mut *mut PyObject,
) -> c_int {
    // SAFETY: the caller passes a live dict, a NUL-terminated key and a writable
    // `result`, and is attached; the temporary key object is released here.
    unsafe {
        let key = crate::PyUnicode_FromString(key);
        if key.is_null() {
            *result = std::ptr::null_mut();
            return -1;
        }
        let found = PyDict_GetItemRef(dict, key, result);
        Py_DECREF(key);
        found
    }
}

// --- Lists (listobject.h, cpython/listobject.h) ----------------------------------------

/// `PyList_GetItemRef` (3.13).
#[cfg(Py_3_13)]
pub use crate::listobject::PyList_GetItemRef;

/// `PyList_GetItemRef` (3.13): `list[index]` as a new reference; NULL with `IndexError`
/// out of range, NULL with `TypeError` if `list` is not a list.
///
/// # Safety
/// `list` must be a live object; the thread must be attached.
#[cfg(not(Py_3_13))]
pub unsafe fn PyList_GetItemRef(list: *mut PyObject, index: Py_ssize_t) -> *mut PyObject {
    // SAFETY: the caller passes a live object and is attached; the borrowed item is made
    // strong at once.
    unsafe {
        if crate::PyList_Check(list) == 0 {
            crate::PyErr_SetString(crate::PyExc_TypeError, c"expected a list".as_ptr());
            return std::ptr::null_mut();
        }
        Py_XNewRef(crate::PyList_GetItem(list, index))
    }
}

/// `PyList_Extend` (3.13, not in the limited API).
#[cfg(all(Py_3_13, not(Py_LIMITED_API)))]
pub use crate::cpython::listobject::PyList_Extend;

/// `PyList_Extend` (3.13): `list.extend(iterable)`; 0, or -1 with an exception.
///
/// The items are first collected into a new list (so that a non-iterable raises the usual
/// "'X' object is not iterable"), then spliced in at the end.
///
/// # Safety
/// `list` and `iterable` must be live objects; the thread must be attached.
#[cfg(not(all(Py_3_13, not(Py_LIMITED_API))))]
pub unsafe fn PyList_Extend(list: *mut PyObject, iterable: *mut PyObject) -> c_int {
    // SAFETY: the caller passes live objects and is attached; `items` is owned here and
    // released after the splice (which copies what it needs).
    unsafe {
        if crate::PyList_Check(list) == 0 {
            crate::PyErr_BadInternalCall();
            return -1;
        }
        let items = crate::PySequence_List(iterable);
        if items.is_null() {
            return -1;
        }
        let end = crate::PY_SSIZE_T_MAX;
        let status = crate::PyList_SetSlice(list, end, end, items);
        Py_DECREF(items);
        status
    }
}

/// `PyList_Clear` (3.13, not in the limited API).
#[cfg(all(Py_3_13, not(Py_LIMITED_API)))]
pub use crate::cpython::listobject::PyList_Clear;

/// `PyList_Clear` (3.13): `list.clear()`; 0, or -1 with an exception.
///
/// # Safety
/// `list` must be a live object; the thread must be attached.
#[cfg(not(all(Py_3_13, not(Py_LIMITED_API))))]
pub unsafe fn PyList_Clear(list: *mut PyObject) -> c_int {
    // SAFETY: the caller passes a live object and is attached; a NULL replacement deletes
    // the slice, and a non-list makes `PyList_SetSlice` raise `SystemError`.
    unsafe { crate::PyList_SetSlice(list, 0, crate::PY_SSIZE_T_MAX, std::ptr::null_mut()) }
}

// --- Modules (modsupport.h, import.h) --------------------------------------------------

/// `PyModule_AddObjectRef` (3.10).
#[cfg(Py_3_10)]
pub use crate::modsupport::PyModule_AddObjectRef;

/// `PyModule_AddObjectRef` (3.10): `module.name = value` without taking the caller's
/// reference to `value`. A NULL `value` returns -1 (an exception should already be set).
///
/// # Safety
/// `module` must be live, `name` NUL-terminated, `value` live or NULL; the thread must be attached.
#[cfg(not(Py_3_10))]
pub unsafe fn PyModule_AddObjectRef(
    module: *mut PyObject,
    name: *const c_char,
    value: *mut PyObject,
) -> c_int {
    // SAFETY: the caller passes a live module (checked), a NUL-terminated name and a live
    // or NULL value, and is attached; the messages are NUL-terminated.
    unsafe {
        if crate::PyModule_Check(module) == 0 {
            crate::PyErr_SetString(
                crate::PyExc_TypeError,
                c"PyModule_AddObjectRef() first argument must be a module".as_ptr(),
            );
            return -1;
        }
        if value.is_null() {
            if crate::PyErr_Occurred().is_null() {
                crate::PyErr_SetString(
                    crate::PyExc_SystemError,
                    c"PyModule_AddObjectRef() must be called with an exception raised if value is NULL"
                        .as_ptr(),
                );
            }
            return -1;
        }
        let dict = crate::PyModule_GetDict(module);
        if dict.is_null() {
            return -1;
        }
        crate::PyDict_SetItemString(dict, name, value)
    }
}

/// `PyModule_Add` (3.13).
#[cfg(Py_3_13)]
pub use crate::modsupport::PyModule_Add;

/// `PyModule_Add` (3.13): as [`PyModule_AddObjectRef`], but the reference to `value` is
/// always consumed, success or not.
///
/// # Safety
/// As [`PyModule_AddObjectRef`]; the caller's reference to `value` (if not NULL) is consumed.
#[cfg(not(Py_3_13))]
pub unsafe fn PyModule_Add(
    module: *mut PyObject,
    name: *const c_char,
    value: *mut PyObject,
) -> c_int {
    // SAFETY: the caller passes what `PyModule_AddObjectRef` needs and gives up its
    // reference to `value` (which may be NULL).
    unsafe {
        let status = PyModule_AddObjectRef(module, name, value);
        Py_XDECREF(value);
        status
    }
}

/// `PyImport_AddModuleRef` (3.13).
#[cfg(Py_3_13)]
pub use crate::import::PyImport_AddModuleRef;

/// `PyImport_AddModuleRef` (3.13): `sys.modules[name]`, created empty if absent, as a new
/// reference; NULL with an exception on failure.
///
/// # Safety
/// `name` must be NUL-terminated UTF-8; the thread must be attached.
#[cfg(not(Py_3_13))]
pub unsafe fn PyImport_AddModuleRef(name: *const c_char) -> *mut PyObject {
    // SAFETY: the caller passes a NUL-terminated name and is attached; the borrowed module
    // (kept alive by `sys.modules`) is made strong at once.
    unsafe { Py_XNewRef(crate::PyImport_AddModule(name)) }
}

// --- Weak references (weakrefobject.h) ------------------------------------------------

/// `PyWeakref_GetRef` (3.13).
#[cfg(Py_3_13)]
pub use crate::weakrefobject::PyWeakref_GetRef;

/// `PyWeakref_GetRef` (3.13): the referent of a weak reference (or proxy) into `*pobj` as a
/// new reference and 1; a dead reference gives NULL and 0; anything that is not a weak
/// reference gives NULL, -1 and `TypeError`.
///
/// # Safety
/// `reference` must be live or NULL, `pobj` writable; the thread must be attached.
#[cfg(not(Py_3_13))]
pub unsafe fn PyWeakref_GetRef(reference: *mut PyObject, pobj: *mut *mut PyObject) -> c_int {
    // SAFETY: the caller passes a live object or NULL and a writable `pobj`, and is
    // attached; the borrowed referent is made strong before anything else runs.
    unsafe {
        *pobj = std::ptr::null_mut();
        if reference.is_null() || crate::PyWeakref_Check(reference) == 0 {
            crate::PyErr_SetString(crate::PyExc_TypeError, c"expected a weakref".as_ptr());
            return -1;
        }
        let object = crate::PyWeakref_GetObject(reference);
        if object.is_null() {
            return -1;
        }
        // A dead reference yields `None`; `None` itself cannot be weakly referenced.
        if object == crate::Py_None() {
            return 0;
        }
        *pobj = Py_NewRef(object);
        1
    }
}
