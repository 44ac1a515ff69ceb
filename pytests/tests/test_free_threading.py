"""Eight Python threads calling into the module at once, on every interpreter; on the
free-threaded build (3.13t) they really run in parallel, since the module declares
`#[pymodule(gil_used = false)]` and the GIL stays off.

Each call detaches, drops a reference while detached (deferred to the decref pool), attaches
again and increments a shared `#[pyclass]`: 100,000 calls in all, per style. No increment may
be lost, no reference leaked, and the shared `PyOnceLock` initialised once.
"""
import os
import subprocess
import sys
import sysconfig
import threading
import time

import pytest

import pyo3_pytests as m

FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
THREADS = 8
CALLS = 100_000


def refcount(obj):
    """`sys.getrefcount(obj)`, or None on PyPy, which has no reference counts (there the
    hammer checks only values)."""
    return sys.getrefcount(obj) if hasattr(sys, "getrefcount") else None


def hammer(function):
    counter = m.SharedCounter()
    token = object()
    token_refs = refcount(token)
    counter_refs = refcount(counter)
    barrier = threading.Barrier(THREADS)
    errors = []

    def work():
        try:
            barrier.wait()
            for _ in range(CALLS // THREADS):
                function(counter, token)
        except BaseException as e:  # a failure in a thread must fail the test
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert counter.value == CALLS
    # Every reference taken by a call (arguments, the one dropped while detached) is gone.
    settle(lambda: refcount(token) == token_refs)
    settle(lambda: refcount(counter) == counter_refs)
    assert refcount(token) == token_refs
    assert refcount(counter) == counter_refs
    return counter


def settle(done):
    """Waits (up to about a second) until done() holds. On the free-threaded build, a
    decrement by another thread that would take an object's shared count below zero is queued
    for the owning thread, which merges it when it next handles pending work, such as this
    loop's back-edge; with a GIL the counts are exact at once."""
    for _ in range(1000):
        if done():
            return
        time.sleep(0.001)


def test_borrow_mut_from_many_threads():
    counter = hammer(m.hammer_borrow_mut)
    if not FREE_THREADED:
        # With a GIL the borrow is never held while another thread runs.
        assert counter.conflicts == 0
    assert m.once_inits() == 1


def test_critical_section_from_many_threads():
    hammer(m.hammer_critical_section)
    assert m.once_inits() == 1


def test_py_gil_disabled_cfg_matches_the_interpreter():
    assert m.built_gil_disabled() is FREE_THREADED


def test_rust_threads_attaching_on_their_own():
    counter = m.SharedCounter()
    token = object()
    token_refs = refcount(token)
    counter_refs = refcount(counter)
    m.hammer_from_rust_threads(counter, token, THREADS, 2_000)
    # The references dropped unattached are all released by the time the call returns (the
    # end of its `detach` drains the deferred pool), checked before any other call into Rust.
    settle(lambda: refcount(token) == token_refs)
    assert refcount(token) == token_refs
    assert counter.value == THREADS * 2_000
    assert refcount(counter) == counter_refs


@pytest.mark.skipif(not FREE_THREADED, reason="needs the free-threaded build")
def test_gil_stays_disabled_after_import():
    assert sys._is_gil_enabled() is False


def extension_path():
    folder = os.path.dirname(m.__file__)
    found = [f for f in os.listdir(folder) if f.startswith("pyo3_pytests.") and f.endswith(".so")]
    assert len(found) == 1, found
    return os.path.join(folder, found[0])


# Imports the library's second module, `pyo3_pytests_gil` (no `gil_used = false`), in a
# fresh interpreter, where the GIL state is still the one the main module left.
SECOND_MODULE = """
import importlib.machinery, importlib.util, sys, warnings
import pyo3_pytests
gil = getattr(sys, "_is_gil_enabled", lambda: True)
before = gil()
loader = importlib.machinery.ExtensionFileLoader("pyo3_pytests_gil", sys.argv[1])
spec = importlib.util.spec_from_file_location("pyo3_pytests_gil", sys.argv[1], loader=loader)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
print(before, gil(), module.ANSWER)
for w in caught:
    print(w.category.__name__, w.message)
"""


def test_module_without_gil_used_enables_the_gil():
    env = dict(os.environ)
    env.pop("PYTHON_GIL", None)
    out = subprocess.run([sys.executable, "-c", SECOND_MODULE, extension_path()], env=env,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    if FREE_THREADED:
        assert out == [
            "False True 42",
            "RuntimeWarning The global interpreter lock (GIL) has been enabled to load module "
            "'pyo3_pytests_gil', which has not declared that it can run safely without the GIL. "
            "To override this behavior and keep the GIL disabled (at your own risk), run with "
            "PYTHON_GIL=0 or -Xgil=0.",
        ]
    else:
        assert out == ["True True 42"]
