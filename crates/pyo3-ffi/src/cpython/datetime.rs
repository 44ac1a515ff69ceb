//! `datetime.h`: the datetime C-API, reached through the `datetime.datetime_CAPI` capsule,
//! and the object layouts its accessor macros read. Not part of the limited API.
//! Checked against CPython 3.7–3.13.
//!
//! `PyDateTime_IMPORT` must run (attached) before any other item here is used; it stores
//! the capsule's table in a process-wide pointer that `PyDateTimeAPI` returns.

use crate::object::*;
use crate::pyport::Py_hash_t;
use std::os::raw::{c_char, c_int, c_uchar};
use std::sync::atomic::{AtomicPtr, Ordering};

/// `PyDateTime_CAPSULE_NAME`.
pub const PyDateTime_CAPSULE_NAME: &std::ffi::CStr = c"datetime.datetime_CAPI";

/// `PyDateTime_CAPI`: the function table exported by the `datetime` module.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct PyDateTime_CAPI {
    pub DateType: *mut PyTypeObject,
    pub DateTimeType: *mut PyTypeObject,
    pub TimeType: *mut PyTypeObject,
    pub DeltaType: *mut PyTypeObject,
    pub TZInfoType: *mut PyTypeObject,
    pub TimeZone_UTC: *mut PyObject,
    pub Date_FromDate: unsafe extern "C" fn(
        year: c_int,
        month: c_int,
        day: c_int,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    pub DateTime_FromDateAndTime: unsafe extern "C" fn(
        year: c_int,
        month: c_int,
        day: c_int,
        hour: c_int,
        minute: c_int,
        second: c_int,
        microsecond: c_int,
        tzinfo: *mut PyObject,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    pub Time_FromTime: unsafe extern "C" fn(
        hour: c_int,
        minute: c_int,
        second: c_int,
        microsecond: c_int,
        tzinfo: *mut PyObject,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    pub Delta_FromDelta: unsafe extern "C" fn(
        days: c_int,
        seconds: c_int,
        microseconds: c_int,
        normalize: c_int,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    pub TimeZone_FromTimeZone:
        unsafe extern "C" fn(offset: *mut PyObject, name: *mut PyObject) -> *mut PyObject,
    pub DateTime_FromTimestamp: unsafe extern "C" fn(
        cls: *mut PyTypeObject,
        args: *mut PyObject,
        kwargs: *mut PyObject,
    ) -> *mut PyObject,
    pub Date_FromTimestamp:
        unsafe extern "C" fn(cls: *mut PyTypeObject, args: *mut PyObject) -> *mut PyObject,
    pub DateTime_FromDateAndTimeAndFold: unsafe extern "C" fn(
        year: c_int,
        month: c_int,
        day: c_int,
        hour: c_int,
        minute: c_int,
        second: c_int,
        microsecond: c_int,
        tzinfo: *mut PyObject,
        fold: c_int,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    pub Time_FromTimeAndFold: unsafe extern "C" fn(
        hour: c_int,
        minute: c_int,
        second: c_int,
        microsecond: c_int,
        tzinfo: *mut PyObject,
        fold: c_int,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
}

// SAFETY: the table is written once by the `datetime` module and never changed; its
// members are type objects and function pointers that any attached thread may use, so
// sharing references to it between threads is sound.
unsafe impl Sync for PyDateTime_CAPI {}

/// `_PyDateTime_BaseTime`: the header of a `time` without `tzinfo` (`hastzinfo` is 0).
#[repr(C)]
#[derive(Debug)]
pub struct _PyDateTime_BaseTime {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; 6],
}

/// `_PyDateTime_BaseDateTime`: the header of a `datetime` without `tzinfo` (`hastzinfo` is
/// 0).
#[repr(C)]
#[derive(Debug)]
pub struct _PyDateTime_BaseDateTime {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; 10],
}

/// `PyDateTime_Date`.
#[repr(C)]
pub struct PyDateTime_Date {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; 4],
}

/// `PyDateTime_Time` (the `tzinfo` field exists only when `hastzinfo` is set).
#[repr(C)]
pub struct PyDateTime_Time {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; 6],
    pub fold: c_uchar,
    pub tzinfo: *mut PyObject,
}

/// `PyDateTime_DateTime` (the `tzinfo` field exists only when `hastzinfo` is set).
#[repr(C)]
pub struct PyDateTime_DateTime {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub hastzinfo: c_char,
    pub data: [c_uchar; 10],
    pub fold: c_uchar,
    pub tzinfo: *mut PyObject,
}

/// `PyDateTime_Delta`.
#[repr(C)]
pub struct PyDateTime_Delta {
    pub ob_base: PyObject,
    pub hashcode: Py_hash_t,
    pub days: c_int,
    pub seconds: c_int,
    pub microseconds: c_int,
}

static DATETIME_API: AtomicPtr<PyDateTime_CAPI> = AtomicPtr::new(std::ptr::null_mut());

/// `PyDateTime_IMPORT`: imports the capsule (no-op once it succeeded). On failure the
/// Python error is left set and `PyDateTimeAPI()` stays NULL.
///
/// # Safety
/// The thread must be attached to the interpreter.
pub unsafe fn PyDateTime_IMPORT() {
    if DATETIME_API.load(Ordering::Acquire).is_null() {
        // SAFETY: attached (caller); the name is a NUL-terminated constant.
        #[cfg(not(PyPy))]
        let api = unsafe { crate::PyCapsule_Import(PyDateTime_CAPSULE_NAME.as_ptr(), 1) };
        // SAFETY: attached (caller). PyPy builds the table itself instead of a capsule.
        #[cfg(PyPy)]
        let api = unsafe { _PyDateTime_Import() };
        DATETIME_API.store(api.cast(), Ordering::Release);
    }
}

#[cfg(PyPy)]
extern "C" {
    /// PyPy's `PyDateTime_IMPORT` builds the table with this (there is no capsule).
    #[link_name = "_PyPyDateTime_Import"]
    fn _PyDateTime_Import() -> *mut PyDateTime_CAPI;
}

/// `PyDateTimeAPI`: the table stored by `PyDateTime_IMPORT` (NULL before it).
#[inline]
pub fn PyDateTimeAPI() -> *mut PyDateTime_CAPI {
    DATETIME_API.load(Ordering::Acquire)
}

/// `PyDateTime_TimeZone_UTC`.
///
/// # Safety
/// `PyDateTime_IMPORT` must have succeeded.
#[inline]
pub unsafe fn PyDateTime_TimeZone_UTC() -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { (*PyDateTimeAPI()).TimeZone_UTC }
}

macro_rules! type_checks {
    ($($check:ident, $exact:ident => $field:ident;)*) => {$(
        #[doc = concat!("`", stringify!($check), "(op)`.")]
        ///
        /// # Safety
        /// `PyDateTime_IMPORT` must have succeeded; `op` must point to a live object.
        #[inline]
        pub unsafe fn $check(op: *mut PyObject) -> c_int {
            // SAFETY: forwarded from the caller.
            unsafe { PyObject_TypeCheck(op, (*PyDateTimeAPI()).$field) }
        }

        #[doc = concat!("`", stringify!($exact), "(op)`.")]
        ///
        /// # Safety
        /// `PyDateTime_IMPORT` must have succeeded; `op` must point to a live object.
        #[inline]
        pub unsafe fn $exact(op: *mut PyObject) -> c_int {
            // SAFETY: forwarded from the caller.
            unsafe { (Py_TYPE(op) == (*PyDateTimeAPI()).$field) as c_int }
        }
    )*};
}

type_checks! {
    PyDate_Check, PyDate_CheckExact => DateType;
    PyDateTime_Check, PyDateTime_CheckExact => DateTimeType;
    PyTime_Check, PyTime_CheckExact => TimeType;
    PyDelta_Check, PyDelta_CheckExact => DeltaType;
    PyTZInfo_Check, PyTZInfo_CheckExact => TZInfoType;
}

macro_rules! accessors {
    ($($name:ident: $ty:ident => |$d:ident| $body:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "(o)`.")]
        ///
        /// # Safety
        #[doc = concat!("`o` must point to a live `", stringify!($ty), "` (or subclass).")]
        #[inline]
        #[cfg(not(PyPy))]
        pub unsafe fn $name(o: *mut PyObject) -> c_int {
            // SAFETY: forwarded from the caller: the layout matches `$ty`.
            let $d = unsafe { &(*o.cast::<$ty>()).data };
            $body
        }
    )*};
}

accessors! {
    PyDateTime_GET_YEAR: PyDateTime_Date => |d| (c_int::from(d[0]) << 8) | c_int::from(d[1]);
    PyDateTime_GET_MONTH: PyDateTime_Date => |d| c_int::from(d[2]);
    PyDateTime_GET_DAY: PyDateTime_Date => |d| c_int::from(d[3]);
    PyDateTime_DATE_GET_HOUR: PyDateTime_DateTime => |d| c_int::from(d[4]);
    PyDateTime_DATE_GET_MINUTE: PyDateTime_DateTime => |d| c_int::from(d[5]);
    PyDateTime_DATE_GET_SECOND: PyDateTime_DateTime => |d| c_int::from(d[6]);
    PyDateTime_DATE_GET_MICROSECOND: PyDateTime_DateTime =>
        |d| (c_int::from(d[7]) << 16) | (c_int::from(d[8]) << 8) | c_int::from(d[9]);
    PyDateTime_TIME_GET_HOUR: PyDateTime_Time => |d| c_int::from(d[0]);
    PyDateTime_TIME_GET_MINUTE: PyDateTime_Time => |d| c_int::from(d[1]);
    PyDateTime_TIME_GET_SECOND: PyDateTime_Time => |d| c_int::from(d[2]);
    PyDateTime_TIME_GET_MICROSECOND: PyDateTime_Time =>
        |d| (c_int::from(d[3]) << 16) | (c_int::from(d[4]) << 8) | c_int::from(d[5]);
}

// PyPy's cpyext lays the datetime objects out its own way and exports the accessors as
// functions (`PyDateTime_DATE_GET_FOLD` under PEP 495's name, `PyDateTime_GET_FOLD`).
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyDateTime_GET_YEAR"]
    pub fn PyDateTime_GET_YEAR(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_GET_MONTH"]
    pub fn PyDateTime_GET_MONTH(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_GET_DAY"]
    pub fn PyDateTime_GET_DAY(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_DATE_GET_HOUR"]
    pub fn PyDateTime_DATE_GET_HOUR(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_DATE_GET_MINUTE"]
    pub fn PyDateTime_DATE_GET_MINUTE(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_DATE_GET_SECOND"]
    pub fn PyDateTime_DATE_GET_SECOND(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_DATE_GET_MICROSECOND"]
    pub fn PyDateTime_DATE_GET_MICROSECOND(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_GET_FOLD"]
    pub fn PyDateTime_DATE_GET_FOLD(o: *mut PyObject) -> c_uchar;
    #[link_name = "PyPyDateTime_TIME_GET_HOUR"]
    pub fn PyDateTime_TIME_GET_HOUR(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_TIME_GET_MINUTE"]
    pub fn PyDateTime_TIME_GET_MINUTE(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_TIME_GET_SECOND"]
    pub fn PyDateTime_TIME_GET_SECOND(o: *mut PyObject) -> c_int;
    #[link_name = "PyPyDateTime_TIME_GET_MICROSECOND"]
    pub fn PyDateTime_TIME_GET_MICROSECOND(o: *mut PyObject) -> c_int;
}

/// `PyDateTime_DATE_GET_FOLD(o)`.
///
/// # Safety
/// `o` must point to a live datetime.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDateTime_DATE_GET_FOLD(o: *mut PyObject) -> c_uchar {
    // SAFETY: forwarded from the caller.
    unsafe { (*o.cast::<PyDateTime_DateTime>()).fold }
}

/// `PyDateTime_TIME_GET_FOLD(o)`.
///
/// # Safety
/// `o` must point to a live time.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDateTime_TIME_GET_FOLD(o: *mut PyObject) -> c_uchar {
    // SAFETY: forwarded from the caller.
    unsafe { (*o.cast::<PyDateTime_Time>()).fold }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyDateTime_TIME_GET_FOLD"]
    pub fn PyDateTime_TIME_GET_FOLD(o: *mut PyObject) -> c_uchar;
}

/// `PyDateTime_DATE_GET_TZINFO(o)` (3.10+ in C; computed here for every version): the
/// borrowed tzinfo, or `Py_None`. Not on PyPy, which has no such accessor.
///
/// # Safety
/// `o` must point to a live datetime.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDateTime_DATE_GET_TZINFO(o: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller; `tzinfo` is only read when present.
    unsafe {
        let dt = o.cast::<PyDateTime_DateTime>();
        if (*dt).hastzinfo != 0 {
            (*dt).tzinfo
        } else {
            Py_None()
        }
    }
}

/// `PyDateTime_TIME_GET_TZINFO(o)` (3.10+ in C; computed here for every version).
///
/// # Safety
/// `o` must point to a live time.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDateTime_TIME_GET_TZINFO(o: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller; `tzinfo` is only read when present.
    unsafe {
        let t = o.cast::<PyDateTime_Time>();
        if (*t).hastzinfo != 0 {
            (*t).tzinfo
        } else {
            Py_None()
        }
    }
}

/// `PyDateTime_DELTA_GET_DAYS(o)`.
///
/// # Safety
/// `o` must point to a live timedelta.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDateTime_DELTA_GET_DAYS(o: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (*o.cast::<PyDateTime_Delta>()).days }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyDateTime_DELTA_GET_DAYS"]
    pub fn PyDateTime_DELTA_GET_DAYS(o: *mut PyObject) -> c_int;
}

/// `PyDateTime_DELTA_GET_SECONDS(o)`.
///
/// # Safety
/// `o` must point to a live timedelta.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDateTime_DELTA_GET_SECONDS(o: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (*o.cast::<PyDateTime_Delta>()).seconds }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyDateTime_DELTA_GET_SECONDS"]
    pub fn PyDateTime_DELTA_GET_SECONDS(o: *mut PyObject) -> c_int;
}

/// `PyDateTime_DELTA_GET_MICROSECONDS(o)`.
///
/// # Safety
/// `o` must point to a live timedelta.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDateTime_DELTA_GET_MICROSECONDS(o: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (*o.cast::<PyDateTime_Delta>()).microseconds }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyDateTime_DELTA_GET_MICROSECONDS"]
    pub fn PyDateTime_DELTA_GET_MICROSECONDS(o: *mut PyObject) -> c_int;
}

/// `PyTimeZone_FromOffset(offset)`: a `datetime.timezone` for the `timedelta` `offset`.
///
/// # Safety
/// `PyDateTime_IMPORT` must have succeeded; `offset` must be live; attached.
#[inline]
pub unsafe fn PyTimeZone_FromOffset(offset: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller; a NULL name is what the C macro passes.
    unsafe { ((*PyDateTimeAPI()).TimeZone_FromTimeZone)(offset, std::ptr::null_mut()) }
}

/// `PyTimeZone_FromOffsetAndName(offset, name)`: a named `datetime.timezone`.
///
/// # Safety
/// `PyDateTime_IMPORT` must have succeeded; `offset` and `name` (a str) must be live;
/// attached.
#[inline]
pub unsafe fn PyTimeZone_FromOffsetAndName(
    offset: *mut PyObject,
    name: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { ((*PyDateTimeAPI()).TimeZone_FromTimeZone)(offset, name) }
}

/// `PyDateTime_FromTimestamp(args)`: `datetime.fromtimestamp(*args)`.
///
/// # Safety
/// `PyDateTime_IMPORT` must have succeeded; `args` must be a live tuple; attached.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDateTime_FromTimestamp(args: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller; the macro passes the `datetime` type and no
    // keyword arguments.
    unsafe {
        let api = PyDateTimeAPI();
        ((*api).DateTime_FromTimestamp)((*api).DateTimeType, args, std::ptr::null_mut())
    }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyDateTime_FromTimestamp"]
    pub fn PyDateTime_FromTimestamp(args: *mut PyObject) -> *mut PyObject;
}

/// `PyDate_FromTimestamp(args)`: `date.fromtimestamp(*args)`.
///
/// # Safety
/// `PyDateTime_IMPORT` must have succeeded; `args` must be a live tuple; attached.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDate_FromTimestamp(args: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller; the macro passes the `date` type.
    unsafe {
        let api = PyDateTimeAPI();
        ((*api).Date_FromTimestamp)((*api).DateType, args)
    }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyDate_FromTimestamp"]
    pub fn PyDate_FromTimestamp(args: *mut PyObject) -> *mut PyObject;
}
