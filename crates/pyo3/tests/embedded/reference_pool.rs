//! A `Py<T>` dropped by a thread that is not attached: deferred to the next attach by
//! default; leaked with `--cfg pyo3_disable_reference_pool --cfg
//! pyo3_leak_on_drop_without_reference_pool` (the third setting, the pool disabled alone,
//! aborts the process, so it cannot be tested in-process).

use pyo3::prelude::*;
use pyo3::types::PyList;

#[cfg(any(
    not(pyo3_disable_reference_pool),
    pyo3_leak_on_drop_without_reference_pool
))]
#[test]
fn drop_while_detached() {
    Python::attach(|py| {
        let list = PyList::empty(py);
        let before = list.get_refcnt();
        let extra: Py<PyList> = list.clone().unbind();
        assert_eq!(list.get_refcnt(), before + 1);
        py.detach(move || drop(extra));
        // `detach` returning applies the deferred decrement (as do the next attach and
        // every callback); the leaked one never happens.
        let expected = if cfg!(pyo3_disable_reference_pool) {
            before + 1
        } else {
            before
        };
        assert_eq!(list.get_refcnt(), expected);
    });
}
