//! Creating a `#[pyclass]`'s type object: its static tables become one `PyType_Spec`, and
//! `PyType_FromSpecWithBases` (in abi3 and version-specific builds alike) makes the heap
//! type. The arrays CPython keeps pointers into (methods, properties, and the name before
//! 3.11) are allocated once per class and live for the process; what it copies while
//! creating the type (the slot array, the docstring, the members, the name from 3.11) is
//! freed afterwards.
//!
//! Only [`describe`] is generic: it gathers what creation needs to know about a class into
//! plain data, so that the work itself is compiled once for all classes, not once per class.

use std::borrow::Cow;
use std::ffi::{CStr, CString};
use std::os::raw::{c_int, c_uint, c_void};

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::impl_::pyclass::{layout, GetterDef, PyClassImpl, PyClassInfo, PyClassItems, SetterDef};
use crate::instance::{Bound, Py};
use crate::type_object::PyTypeInfo;
use crate::types::{PyAnyMethods, PyType};
use crate::{PyResult, Python};

/// Everything type creation needs to know about one class: its static tables, the numbers of
/// its instance layout, its deallocator and its base class.
pub(crate) struct TypeDescription<'py> {
    /// Name, module, docstring and flags.
    pub(crate) info: &'static PyClassInfo,
    /// The class's item groups, in order: intrinsic items, the `#[pymethods]` block, then
    /// any further blocks (`multiple-pymethods`).
    pub(crate) groups: Vec<&'static PyClassItems>,
    /// The size of an instance (`tp_basicsize`).
    pub(crate) basicsize: usize,
    /// Where `__dict__` is, for `dict` classes.
    pub(crate) dict_offset: Option<usize>,
    /// Where the weak reference list is, for `weakref` classes.
    pub(crate) weakref_offset: Option<usize>,
    /// `tp_dealloc`.
    pub(crate) dealloc: ffi::destructor,
    /// `tp_alloc`, set only while the leak report counts instances (otherwise inherited).
    pub(crate) alloc: Option<ffi::allocfunc>,
    /// The base class's type object.
    pub(crate) base: Bound<'py, PyType>,
}

/// `T`'s description. Getting the base class's type object creates it if needed (and
/// panics if that fails, as `PyTypeInfo::type_object` does).
pub(crate) fn describe<T: PyClassImpl>(py: Python<'_>) -> TypeDescription<'_> {
    // The leak report's switch is read once per type, here: the per-instance paths never
    // test it (see `impl_::leak_report`).
    let counted = crate::impl_::leak_report::is_on();
    let mut groups = vec![T::intrinsic_items(), T::method_items()];
    groups.extend(T::inventory_items());
    TypeDescription {
        info: T::class_info(),
        groups,
        basicsize: layout::PyClassObject::<T>::SIZE,
        dict_offset: layout::PyClassObject::<T>::DICT_OFFSET,
        weakref_offset: layout::PyClassObject::<T>::WEAKREF_OFFSET,
        dealloc: if counted {
            layout::tp_dealloc_counted::<T>
        } else {
            layout::tp_dealloc::<T>
        },
        alloc: if counted {
            Some(layout::tp_alloc_counted::<T>)
        } else {
            None
        },
        base: T::BaseType::type_object(py),
    }
}

/// Builds the described type object (class attributes are set separately, once it is
/// stored: see [`set_class_attributes`]).
pub(crate) fn create_type_object(
    py: Python<'_>,
    description: &TypeDescription<'_>,
) -> PyResult<Py<PyType>> {
    let TypeDescription {
        info,
        ref groups,
        basicsize,
        dict_offset,
        weakref_offset,
        dealloc,
        alloc,
        ref base,
    } = *description;

    let mut slots: Vec<ffi::PyType_Slot> = Vec::new();
    let mut push = |slot: c_int, pfunc: *mut c_void| slots.push(ffi::PyType_Slot { slot, pfunc });
    push(ffi::Py_tp_dealloc, dealloc as *mut c_void);
    if let Some(alloc) = alloc {
        push(ffi::Py_tp_alloc, alloc as *mut c_void);
    }

    let mut has_new = false;
    let mut has_gc = false;
    // With the full API the buffer slots are set on the created type (every version has
    // them there; `PyType_FromSpec` accepts them only from 3.9).
    #[cfg(not(limited_api_only))]
    let mut buffer_slots: Vec<(c_int, *mut c_void)> = Vec::new();
    let (mut has_getitem, mut has_setitem) = (false, false);
    for group in groups {
        for slot in group.slots {
            has_new |= slot.slot == ffi::Py_tp_new;
            has_gc |= slot.slot == ffi::Py_tp_traverse;
            has_getitem |= slot.slot == ffi::Py_mp_subscript;
            has_setitem |= slot.slot == ffi::Py_mp_ass_subscript;
            #[cfg(not(limited_api_only))]
            if slot.slot == super::BF_GETBUFFER || slot.slot == super::BF_RELEASEBUFFER {
                buffer_slots.push((slot.slot, slot.pfunc));
                continue;
            }
            // `__len__` is `mp_length`, or `sq_length` for `sequence` classes only: with
            // `sq_length` CPython adds the length to negative indices before `sq_item`.
            let id = match slot.slot {
                ffi::Py_mp_length if info.is_sequence => ffi::Py_sq_length,
                id => id,
            };
            push(id, slot.pfunc);
        }
    }
    // Like a Python class, a non-mapping class with `__getitem__`/`__setitem__` also
    // speaks the sequence protocol (so `iter()` falls back to indexing).
    if !info.is_mapping {
        use crate::impl_::pyclass::slots;
        if has_getitem {
            let item = slots::sequence_item_from_mapping as ffi::ssizeargfunc;
            push(ffi::Py_sq_item, item as *mut c_void);
        }
        if has_setitem {
            let assign = slots::assign_sequence_item_from_mapping as ffi::ssizeobjargproc;
            push(ffi::Py_sq_ass_item, assign as *mut c_void);
        }
    }
    if !has_new {
        push(
            ffi::Py_tp_new,
            crate::impl_::pyclass::slots::no_constructor_defined as ffi::newfunc as *mut c_void,
        );
    }

    let signature = groups.iter().find_map(|group| group.new_text_signature);
    // CPython copies the docstring into the type (`doc` is dropped at the end).
    let doc = class_doc(info, signature);
    if let Some(doc) = &doc {
        push(ffi::Py_tp_doc, doc.as_ptr() as *mut c_void);
    }

    let methods = groups
        .iter()
        .flat_map(|group| group.methods.iter().map(|m| m.to_ffi()))
        .collect();
    if let Some(methods) = leak_terminated(methods, ffi::PyMethodDef::zeroed()) {
        push(ffi::Py_tp_methods, methods.as_mut_ptr().cast());
    }

    #[cfg_attr(all(Py_LIMITED_API, not(Py_3_10)), allow(unused_mut))]
    let mut getset = property_table(groups);
    #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
    if dict_offset.is_some() {
        getset.push(dict_property());
    }
    if let Some(getset) = leak_terminated(getset, getset_sentinel()) {
        push(ffi::Py_tp_getset, getset.as_mut_ptr().cast());
    }

    let mut members = Vec::new();
    #[cfg(Py_3_9)]
    {
        if let Some(offset) = dict_offset {
            members.push(offset_member(c"__dictoffset__", offset));
        }
        if let Some(offset) = weakref_offset {
            members.push(offset_member(c"__weaklistoffset__", offset));
        }
    }
    // CPython copies the member table into the heap type (`members` is dropped at the end).
    if !members.is_empty() {
        members.push(ffi::PyMemberDef::zeroed());
        push(ffi::Py_tp_members, members.as_mut_ptr().cast());
    }
    // CPython reads the slot array only during creation (`slots` is dropped at the end).
    slots.push(ffi::PyType_Slot {
        slot: 0,
        pfunc: std::ptr::null_mut(),
    });

    // CPython derives `__module__` from the dotted prefix of the name (a name without one
    // draws a DeprecationWarning, an error under `-W error`), and uses the whole name as
    // `tp_name` in messages: without `module = "..."` a class lives in `builtins`, and
    // messages read `'builtins.Num'`, as PyO3's do.
    let name = format!("{}.{}", info.module.unwrap_or("builtins"), info.name);
    let name = CString::new(name).expect("class names hold no NUL");
    // Before 3.11 the type's `tp_name` points into the spec's name, which must then live
    // for the process; from 3.11 CPython copies it (checked at run time: an abi3 build
    // runs on either). On PyPy and GraalPy it is kept whatever the version (see the end).
    let copies_name = !cfg!(any(PyPy, GraalPy)) && py.version_info() >= (3, 11);
    let name: Cow<'static, CStr> = if copies_name {
        Cow::Owned(name)
    } else {
        Cow::Borrowed(Box::leak(name.into_boxed_c_str()))
    };

    let mut flags = ffi::Py_TPFLAGS_DEFAULT;
    if info.is_basetype {
        flags |= ffi::Py_TPFLAGS_BASETYPE;
    }
    if has_gc {
        flags |= ffi::Py_TPFLAGS_HAVE_GC;
    }
    #[cfg(Py_3_10)]
    {
        if info.is_mapping {
            flags |= ffi::Py_TPFLAGS_MAPPING;
        }
        if info.is_sequence {
            flags |= ffi::Py_TPFLAGS_SEQUENCE;
        }
    }

    let mut spec = ffi::PyType_Spec {
        name: name.as_ptr(),
        basicsize: basicsize as c_int,
        itemsize: 0,
        flags: flags as c_uint,
        slots: slots.as_mut_ptr(),
    };
    let bases = crate::types::PyTuple::new(py, [base])?;
    // SAFETY: attached; `spec` and every array it points to are valid: the slot array, the
    // docstring, the member table and (from 3.11) the name, which CPython copies, until the
    // end of this function; the method and property tables (and the name before 3.11),
    // which the type keeps pointers into, for the rest of the process. The result is a new
    // reference or NULL with an error set.
    let ty = unsafe {
        ffi::PyType_FromSpecWithBases(&mut spec, bases.as_ptr())
            .assume_owned_or_err(py)?
            .cast_into_unchecked::<PyType>()
    };
    #[cfg(not(limited_api_only))]
    // SAFETY: the type was just created and has no instances yet; a heap type's
    // `tp_as_buffer` points at its own, writable `PyBufferProcs`; each function pointer was
    // cast from the slot's C function type by the macro.
    unsafe {
        let raw = ty.as_ptr().cast::<ffi::PyTypeObject>();
        let procs = (*raw).tp_as_buffer;
        for (slot, pfunc) in buffer_slots {
            if slot == super::BF_GETBUFFER {
                (*procs).bf_getbuffer = Some(
                    std::mem::transmute::<*mut c_void, ffi::getbufferproc>(pfunc),
                );
            } else {
                (*procs).bf_releasebuffer = Some(std::mem::transmute::<
                    *mut c_void,
                    ffi::releasebufferproc,
                >(pfunc));
            }
        }
    }
    // Before 3.10 `PyType_FromSpec` drops the text signature from `tp_doc` (keeping it out
    // of `__doc__`), and `__text_signature__` reads `tp_doc`: put the full text back.
    #[cfg(all(not(Py_3_10), not(limited_api_only)))]
    if let (Some(doc), Some(_)) = (&doc, signature) {
        // SAFETY: the type was just created; a heap type owns its `tp_doc`, allocated with
        // `PyObject_Malloc` and released with `PyObject_Free` when the type dies, so the old
        // text is freed and the new one allocated the same way.
        unsafe {
            let raw = ty.as_ptr().cast::<ffi::PyTypeObject>();
            let bytes = doc.to_bytes_with_nul();
            let copy = ffi::PyObject_Malloc(bytes.len()).cast::<u8>();
            if !copy.is_null() {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), copy, bytes.len());
                ffi::PyObject_Free((*raw).tp_doc as *mut c_void);
                (*raw).tp_doc = copy.cast();
            }
        }
    }
    #[cfg(all(not(Py_3_9), not(limited_api_only)))]
    // SAFETY: the type was just created and no instance exists yet; CPython reads these
    // offsets only when it creates, accesses or destroys instances.
    unsafe {
        let raw = ty.as_ptr().cast::<ffi::PyTypeObject>();
        if let Some(offset) = dict_offset {
            (*raw).tp_dictoffset = offset as ffi::Py_ssize_t;
        }
        if let Some(offset) = weakref_offset {
            (*raw).tp_weaklistoffset = offset as ffi::Py_ssize_t;
        }
    }
    #[cfg(all(not(Py_3_9), limited_api_only))]
    let _ = (dict_offset, weakref_offset);
    // What CPython copies is freed here; PyPy's and GraalPy's `PyType_FromSpec` have not
    // been checked for copying it too, so there it stays allocated, as the name does.
    if cfg!(any(PyPy, GraalPy)) {
        std::mem::forget((slots, doc, members));
    }
    Ok(ty.unbind())
}

/// Sets the described class's `#[classattr]`s on its freshly stored type object, then, for
/// `immutable_type` classes, makes it immutable: the flag comes last because it forbids these
/// very `setattr`s.
pub(crate) fn set_class_attributes(
    ty: &Bound<'_, PyType>,
    description: &TypeDescription<'_>,
) -> PyResult<()> {
    for group in &description.groups {
        for attribute in group.class_attributes {
            let value = (attribute.value)(ty.py())?;
            ty.as_any().setattr(attribute.name, value)?;
        }
    }
    // `immutable_type` is a compile error on other builds (`AssertImmutableTypeSupported`).
    #[cfg(all(Py_3_10, not(limited_api_only)))]
    if description.info.is_immutable_type {
        let raw = crate::types::PyTypeMethods::as_type_ptr(ty);
        // SAFETY: `raw` is the live heap type just created, not yet shared with Python code
        // (it is attached and the type is reached only through this thread so far); setting
        // a flag bit and invalidating the attribute cache is how CPython itself finishes types.
        unsafe {
            (*raw).tp_flags |= ffi::Py_TPFLAGS_IMMUTABLETYPE;
            ffi::PyType_Modified(raw);
        }
    }
    Ok(())
}

/// The `tp_doc` text: the constructor's signature in CPython's `Name(...)\n--\n\n` form
/// (so that `__text_signature__` finds it), then the docstring; `None` if both are empty.
fn class_doc(info: &PyClassInfo, signature: Option<&str>) -> Option<Cow<'static, CStr>> {
    let doc = info.doc.to_str().unwrap_or_default();
    match signature {
        None if doc.is_empty() => None,
        None => Some(Cow::Borrowed(info.doc)),
        Some(signature) => {
            let text = format!("{}{}\n--\n\n{}", info.name, signature, doc);
            Some(Cow::Owned(CString::new(text).expect("docs hold no NUL")))
        }
    }
}

/// One `PyGetSetDef` per property name, pairing its getter and setter.
fn property_table(groups: &[&PyClassItems]) -> Vec<ffi::PyGetSetDef> {
    let mut table: Vec<ffi::PyGetSetDef> = Vec::new();
    let getters = groups.iter().flat_map(|g| g.getters.iter());
    for GetterDef { name, get, doc } in getters {
        table.push(ffi::PyGetSetDef {
            name: name.as_ptr(),
            get: Some(*get),
            set: None,
            doc: doc.map_or(std::ptr::null(), |d| d.as_ptr()),
            closure: std::ptr::null_mut(),
        });
    }
    let setters = groups.iter().flat_map(|g| g.setters.iter());
    for SetterDef { name, set, doc } in setters {
        let existing = table
            .iter_mut()
            // SAFETY: every name in the table is a live, NUL-terminated static string.
            .find(|entry| unsafe { CStr::from_ptr(entry.name) } == *name);
        match existing {
            Some(entry) => entry.set = Some(*set),
            None => table.push(ffi::PyGetSetDef {
                name: name.as_ptr(),
                get: None,
                set: Some(*set),
                doc: doc.map_or(std::ptr::null(), |d| d.as_ptr()),
                closure: std::ptr::null_mut(),
            }),
        }
    }
    table
}

/// The `__dict__` property of `dict` classes.
#[cfg(any(not(Py_LIMITED_API), Py_3_10))]
fn dict_property() -> ffi::PyGetSetDef {
    ffi::PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(ffi::PyObject_GenericGetDict),
        set: Some(ffi::PyObject_GenericSetDict),
        doc: std::ptr::null(),
        closure: std::ptr::null_mut(),
    }
}

fn getset_sentinel() -> ffi::PyGetSetDef {
    ffi::PyGetSetDef {
        name: std::ptr::null(),
        get: None,
        set: None,
        doc: std::ptr::null(),
        closure: std::ptr::null_mut(),
    }
}

#[cfg(Py_3_9)]
fn offset_member(name: &'static CStr, offset: usize) -> ffi::PyMemberDef {
    ffi::PyMemberDef {
        name: name.as_ptr(),
        type_code: ffi::T_PYSSIZET,
        offset: offset as ffi::Py_ssize_t,
        flags: ffi::READONLY,
        doc: std::ptr::null(),
    }
}

/// Appends the all-zero end marker and leaks the array for CPython to keep; `None` (and
/// nothing allocated) when there are no entries, since the type then gets no such table.
fn leak_terminated<E>(mut entries: Vec<E>, sentinel: E) -> Option<&'static mut [E]> {
    if entries.is_empty() {
        return None;
    }
    entries.push(sentinel);
    Some(Box::leak(entries.into_boxed_slice()))
}
