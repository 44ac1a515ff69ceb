//! `intrcheck.h`: interrupt checks and fork hooks. Checked against CPython 3.7–3.13.

use std::os::raw::c_int;

extern "C" {
    pub fn PyOS_InterruptOccurred() -> c_int;
    /// Removed in 3.10.
    #[cfg(not(Py_3_10))]
    pub fn PyOS_InitInterrupts();
    pub fn PyOS_BeforeFork();
    pub fn PyOS_AfterFork_Parent();
    pub fn PyOS_AfterFork_Child();
    /// Deprecated since 3.7: use `PyOS_AfterFork_Child`.
    pub fn PyOS_AfterFork();
}
