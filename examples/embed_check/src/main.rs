//! An embedding program that `python3 x.py embedding` builds for every interpreter and runs
//! with no environment set: it checks the start-up and shutdown entry points, attaching from
//! many threads, detaching, and a `Py<T>` dropped by a thread that is not attached.
//!
//! `embed_check lifecycle` starts the interpreter with `with_embedded_python_interpreter`
//! after registering a module with `append_to_inittab!`; `embed_check threads` starts it
//! with `Python::initialize`. Each prints `ok <what>` lines and, last, the interpreter's
//! version and the libpython the process loaded, which `x.py` compares with the
//! interpreter the build was configured for.

use std::sync::mpsc;
use std::thread;

use pyo3::prelude::*;
use pyo3::types::PyList;

/// Registered with `append_to_inittab!` before the interpreter starts.
#[pymodule]
fn embedded_helpers(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ANSWER", 42)
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("lifecycle") => lifecycle(),
        Some("threads") => threads(),
        _ => {
            eprintln!("usage: embed_check lifecycle|threads");
            std::process::exit(2);
        }
    }
}

fn lifecycle() {
    pyo3::append_to_inittab!(embedded_helpers);
    // SAFETY: called once, first thing in the process, by its only thread; the closure
    // returns plain Rust data, and no Python API is used after it returns.
    let report = unsafe {
        pyo3::with_embedded_python_interpreter(|py| {
            let answer: i64 = py
                .import("embedded_helpers")
                .and_then(|m| m.getattr("ANSWER"))
                .and_then(|v| v.extract())
                .expect("the inittab module imports");
            assert_eq!(answer, 42);
            println!("ok append_to_inittab");
            println!("ok with_embedded_python_interpreter");
            interpreter_report(py)
        })
    };
    println!("{report}");
}

fn threads() {
    Python::initialize();
    #[allow(deprecated)]
    pyo3::prepare_freethreaded_python();
    println!("ok initialize");

    // Eight threads attach on their own, 1,000 times each, appending to a shared list.
    let list: Py<PyList> = Python::attach(|py| PyList::empty(py).unbind());
    let workers: Vec<_> = (0..8)
        .map(|t| {
            let list = Python::attach(|py| list.clone_ref(py));
            thread::spawn(move || {
                for i in 0..1_000 {
                    Python::attach(|py| list.bind(py).append(t * 1_000 + i).unwrap());
                }
                list
            })
        })
        .collect();
    let handles: Vec<Py<PyList>> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    Python::attach(|py| {
        assert_eq!(list.bind(py).len(), 8_000);
        drop(handles);
    });
    println!("ok attach from 8 threads");

    // `detach` lets another thread attach while this one waits for it.
    Python::attach(|py| {
        let (send, receive) = mpsc::channel();
        let got = py.detach(move || {
            thread::spawn(move || {
                let value = Python::attach(|py| py.eval(c"6 * 7", None, None)?.extract::<i64>());
                send.send(value.unwrap()).unwrap();
            });
            receive.recv().unwrap()
        });
        assert_eq!(got, 42);
        #[allow(deprecated)]
        let again = py.allow_threads(|| 1 + 1);
        assert_eq!(again, 2);
    });
    println!("ok detach");

    // A `Py<T>` dropped by a thread that is not attached: the decrement waits for the next
    // attach (here, on this thread).
    let (object, before) = Python::attach(|py| {
        let object = PyList::empty(py).into_any().unbind();
        let before = object.get_refcnt(py);
        (object, before)
    });
    let clone = Python::attach(|py| object.clone_ref(py));
    thread::spawn(move || drop(clone)).join().unwrap();
    Python::attach(|py| assert_eq!(object.get_refcnt(py), before));
    println!("ok Py<T> dropped unattached, released at the next attach");

    let report = Python::attach(interpreter_report);
    println!("{report}");
}

/// `version <sys.version_info> lib <path of the loaded libpython>`.
fn interpreter_report(py: Python<'_>) -> String {
    let version: String = py
        .eval(
            c"'%d.%d.%d' % __import__('sys').version_info[:3]",
            None,
            None,
        )
        .and_then(|v| v.extract())
        .unwrap();
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap_or_default();
    let lib = maps
        .lines()
        .filter_map(|line| line.split_whitespace().nth(5))
        .find(|path| path.contains("libpython"))
        .unwrap_or("(none)")
        .to_owned();
    format!("version {version} lib {lib}")
}
