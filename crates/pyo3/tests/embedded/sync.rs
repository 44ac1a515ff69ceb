//! `pyo3::sync`, `pyo3::types::PyMutex` (3.13+), `py_run!` and `pyo3::marshal`.

use std::sync::{Mutex, Once, OnceLock};

use pyo3::prelude::*;
use pyo3::py_run;
use pyo3::sync::{MutexExt, OnceExt, OnceLockExt, PyOnceLock};
use pyo3::types::{PyDict, PyList, PyType};

#[test]
fn once_lock_initialises_once_across_threads() {
    static CELL: PyOnceLock<Py<PyList>> = PyOnceLock::new();
    static CALLS: Mutex<u32> = Mutex::new(0);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                Python::attach(|py| {
                    let list = CELL.get_or_init(py, || {
                        *CALLS.lock().unwrap() += 1;
                        // Give other threads a chance to race while we are initialising.
                        py.detach(|| std::thread::sleep(std::time::Duration::from_millis(20)));
                        PyList::empty(py).unbind()
                    });
                    list.bind(py).len()
                })
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 0);
    }
    assert_eq!(*CALLS.lock().unwrap(), 1);
}

#[test]
fn once_lock_import_and_try_init() {
    Python::attach(|py| {
        static COUNTER: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let ty = COUNTER.import(py, "collections", "Counter").unwrap();
        assert_eq!(ty.name().unwrap().to_str().unwrap(), "Counter");
        static MISSING: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        assert!(MISSING.import(py, "collections", "NoSuchThing").is_err());
        assert!(MISSING.get(py).is_none());
        let cell: PyOnceLock<i32> = PyOnceLock::new();
        assert!(cell.get_or_try_init(py, || Err::<i32, ()>(())).is_err());
        assert_eq!(*cell.get_or_try_init(py, || Ok::<i32, ()>(3)).unwrap(), 3);
        assert_eq!(cell.set(py, 4), Err(4));
    });
}

#[test]
fn std_lock_extensions() {
    Python::attach(|py| {
        static ONCE: Once = Once::new();
        let mut ran = 0;
        ONCE.call_once_py_attached(py, || ran += 1);
        ONCE.call_once_py_attached(py, || ran += 1);
        assert_eq!(ran, 1);
        let lock: OnceLock<String> = OnceLock::new();
        assert_eq!(lock.get_or_init_py_attached(py, || "v".into()), "v");
        let mutex = Mutex::new(1);
        *mutex.lock_py_attached(py).unwrap() += 1;
        assert_eq!(*mutex.lock().unwrap(), 2);
        let list = PyList::empty(py);
        let n = pyo3::sync::with_critical_section(&list, || list.len());
        assert_eq!(n, 0);
    });
}

#[test]
fn intern_returns_same_object() {
    Python::attach(|py| {
        let a = pyo3::intern!(py, "interned_name").clone();
        let b = pyo3::intern!(py, "interned_name").clone();
        assert_eq!(a.to_str().unwrap(), b.to_str().unwrap());
    });
}

#[test]
fn py_run_with_values_and_dict() {
    Python::attach(|py| {
        let items = vec![1, 2, 3];
        let name = "abc";
        py_run!(py, items name, r#"
            assert items == [1, 2, 3]
            assert name == 'abc'
        "#);
        let locals = PyDict::new(py);
        locals.set_item("value", 7).unwrap();
        py_run!(py, *locals, "assert value == 7");
    });
}

#[test]
#[should_panic]
fn py_run_panics_on_error() {
    Python::attach(|py| {
        let x = 1;
        py_run!(py, x, "assert x == 2");
    });
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn marshal_round_trip() {
    Python::attach(|py| {
        let obj = py
            .eval(c"{'a': [1, 2.5, b'x'], 'b': (None, True)}", None, None)
            .unwrap();
        let data = pyo3::marshal::dumps(&obj, pyo3::marshal::VERSION).unwrap();
        let back = pyo3::marshal::loads(py, data.as_bytes()).unwrap();
        assert!(back.eq(&obj).unwrap());
        assert!(pyo3::marshal::loads(py, b"\x00garbage").is_err());
    });
}

/// `PyMutex` (3.13+, not limited API): poisoning across threads, contention, and the
/// detach-while-waiting behaviour that distinguishes it from `std::sync::Mutex`.
#[cfg(all(Py_3_13, not(Py_LIMITED_API)))]
mod pymutex {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{mpsc, Arc};
    use std::thread;
    use std::time::Duration;

    use pyo3::prelude::*;
    use pyo3::types::PyMutex;

    #[test]
    fn send_sync_and_unwind_safe_as_std_mutex() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<PyMutex<Vec<u8>>>();
        // `Cell` is `Send` but not `Sync`: the mutex is still `Sync`, as `std`'s is.
        send_sync::<PyMutex<std::cell::Cell<u8>>>();
        fn unwind_safe<T: std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
        unwind_safe::<PyMutex<std::cell::Cell<u8>>>();
    }

    #[test]
    fn panic_in_another_thread_poisons() {
        let m = Arc::new(PyMutex::new(vec![1]));
        let m2 = Arc::clone(&m);
        let joined = thread::spawn(move || {
            let mut guard = m2.lock().unwrap();
            guard.push(2);
            panic!("panicking while holding the PyMutex (expected by the test)");
        })
        .join();
        assert!(joined.is_err());
        assert!(!m.is_locked(), "the guard unlocks while unwinding");

        // Poisoned: the error still carries a working guard, and the value as left.
        let err = m.lock().unwrap_err();
        let mut guard = err.into_inner();
        assert!(m.is_locked());
        assert_eq!(*guard, [1, 2]);
        guard.pop();
        drop(guard);
        assert!(m.lock().is_err(), "stays poisoned until cleared");

        m.clear_poison();
        assert_eq!(*m.lock().unwrap(), [1]);
        let m = Arc::try_unwrap(m).unwrap();
        assert_eq!(m.into_inner().unwrap(), [1]);
    }

    #[test]
    fn into_inner_reports_poison() {
        let m = PyMutex::new(5);
        let caught = std::panic::catch_unwind(|| {
            let _guard = m.lock().unwrap();
            panic!("poison (expected by the test)");
        });
        assert!(caught.is_err());
        assert_eq!(m.into_inner().unwrap_err().into_inner(), 5);
    }

    #[test]
    fn lock_taken_during_an_earlier_panic_does_not_poison() {
        // A guard taken and dropped while unwinding from a panic that began before the
        // lock was taken: the value was not being changed when the panic started.
        struct LockOnDrop<'a>(&'a PyMutex<u8>);
        impl Drop for LockOnDrop<'_> {
            fn drop(&mut self) {
                *self.0.lock().unwrap() += 1;
            }
        }
        let m = PyMutex::new(0);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _on_drop = LockOnDrop(&m);
            panic!("unwinding past a guard-taking destructor (expected by the test)");
        }));
        assert!(caught.is_err());
        assert_eq!(*m.lock().unwrap(), 1);
    }

    #[test]
    fn second_locker_waits_for_the_first() {
        let m = Arc::new(PyMutex::new(0u32));
        let acquired = Arc::new(AtomicBool::new(false));
        let mut guard = m.lock().unwrap();
        let waiter = {
            let (m, acquired) = (Arc::clone(&m), Arc::clone(&acquired));
            thread::spawn(move || {
                let guard = m.lock().unwrap();
                acquired.store(true, Ordering::SeqCst);
                *guard
            })
        };
        thread::sleep(Duration::from_millis(100));
        assert!(!acquired.load(Ordering::SeqCst), "the waiter got in early");
        *guard = 7;
        drop(guard);
        // The waiter sees the value written under the lock it waited for.
        assert_eq!(waiter.join().unwrap(), 7);
        assert!(acquired.load(Ordering::SeqCst));
        assert!(!m.is_locked());
    }

    #[test]
    fn increments_from_two_threads_are_not_lost() {
        const PER_THREAD: u64 = 20_000;
        let m = Arc::new(PyMutex::new(0u64));
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let m = Arc::clone(&m);
                thread::spawn(move || {
                    for _ in 0..PER_THREAD {
                        // Read and write under one guard: a lost update would show.
                        let mut guard = m.lock().unwrap();
                        let seen = *guard;
                        *guard = seen + 1;
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap();
        }
        assert_eq!(*m.lock().unwrap(), 2 * PER_THREAD);
    }

    #[test]
    fn waiting_thread_detaches_from_the_interpreter() {
        // The holder of the mutex must be able to attach while an attached thread waits
        // for the mutex; with a lock that kept the GIL while blocked, this deadlocks.
        let m = Arc::new(PyMutex::new(Vec::<String>::new()));
        let guard = m.lock().unwrap();
        let (about_to_lock, wait_for_it) = mpsc::channel();
        let waiter = {
            let m = Arc::clone(&m);
            thread::spawn(move || {
                Python::attach(|_py| {
                    about_to_lock.send(()).unwrap();
                    m.lock().unwrap().push("waiter".to_owned());
                })
            })
        };
        wait_for_it.recv().unwrap();
        thread::sleep(Duration::from_millis(50));
        let (done, finished) = mpsc::channel();
        let attacher = thread::spawn(move || {
            let value = Python::attach(|py| py.eval(c"6 * 7", None, None)?.extract::<i32>());
            done.send(value.unwrap()).unwrap();
        });
        let value = finished
            .recv_timeout(Duration::from_secs(20))
            .expect("attaching deadlocked against a thread waiting for the PyMutex");
        assert_eq!(value, 42);
        attacher.join().unwrap();
        drop(guard);
        waiter.join().unwrap();
        assert_eq!(*m.lock().unwrap(), ["waiter"]);
    }
}
