//! `intrcheck.h`: interrupt checks and fork hooks. Checked against CPython 3.7–3.13.

use std::os::raw::c_int;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyOS_InterruptOccurred")]
    pub fn PyOS_InterruptOccurred() -> c_int;
    /// Removed in 3.10.
    #[cfg(not(Py_3_10))]
    #[cfg(not(PyPy))]
    pub fn PyOS_InitInterrupts();
    #[cfg(not(PyPy))]
    pub fn PyOS_BeforeFork();
    #[cfg(not(PyPy))]
    pub fn PyOS_AfterFork_Parent();
    #[cfg(not(PyPy))]
    pub fn PyOS_AfterFork_Child();
    /// Deprecated since 3.7: use `PyOS_AfterFork_Child`.
    #[cfg_attr(PyPy, link_name = "PyPyOS_AfterFork")]
    pub fn PyOS_AfterFork();
}
