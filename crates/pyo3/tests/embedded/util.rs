//! Assertion helpers shared by the embedded tests.

/// Evaluates a Python expression with the given locals and asserts it is true.
macro_rules! py_assert {
    ($py:expr, $($name:ident),* ; $expr:literal) => {{
        use pyo3::types::IntoPyDict;
        let locals = [$((stringify!($name), $name.clone().into_pyobject($py).unwrap().into_any())),*]
            .into_py_dict($py)
            .unwrap();
        let code = std::ffi::CString::new($expr).unwrap();
        let value: bool = $py.eval(&code, None, Some(&locals)).unwrap().extract().unwrap();
        assert!(value, "Python assertion failed: {}", $expr);
    }};
}

/// Runs Python code and asserts it raises exactly `$exc` with message `$msg`.
macro_rules! py_expect_exception {
    ($py:expr, $($name:ident),* ; $code:literal, $exc:ty, $msg:expr) => {{
        use pyo3::types::IntoPyDict;
        let locals = [$((stringify!($name), $name.clone().into_pyobject($py).unwrap().into_any())),*]
            .into_py_dict($py)
            .unwrap();
        let code = std::ffi::CString::new($code).unwrap();
        let err = $py.run(&code, None, Some(&locals)).expect_err("expected an exception");
        assert!(
            err.get_type($py).is(&$py.get_type::<$exc>()),
            "expected {} but got {}",
            stringify!($exc),
            err
        );
        assert_eq!(err.value($py).to_string(), $msg);
    }};
}

/// Asserts that `$body` leaves the reference count of `$obj` unchanged.
macro_rules! assert_refcnt {
    ($obj:expr, $body:block) => {{
        let before = $obj.get_refcnt();
        $body;
        assert_eq!($obj.get_refcnt(), before, "reference count changed");
    }};
}

/// Waits until `done()` holds, for a reference count changed by another thread.
///
/// On the free-threaded build, references are counted biased to the thread that owns an
/// object: a decrement from another thread that would take the shared count below zero is
/// queued for the owner, which merges it the next time it handles pending work (running
/// Python code does). This runs a little Python code until `done()` holds, for up to about
/// a second. With a GIL the count is exact at once and this only evaluates `done()`.
#[allow(dead_code)]
pub fn settle(py: pyo3::Python<'_>, mut done: impl FnMut() -> bool) -> bool {
    #[cfg(Py_GIL_DISABLED)]
    for _ in 0..1000 {
        if done() {
            return true;
        }
        py.run(c"for _ in range(100): pass", None, None).unwrap();
        py.detach(|| std::thread::sleep(std::time::Duration::from_millis(1)));
    }
    let _ = py;
    done()
}
