"""The leak report (`PYO3_LEAK_REPORT=1`), a feature of this implementation that PyO3 lacks:
at interpreter finalisation it prints the `#[pyclass]` instances still alive (per class)
and the deferred decrefs never applied. Each test runs a fresh interpreter."""
import os
import subprocess
import sys

import pytest

import pyo3_pytests as m

# PyO3 0.27.2 has no leak report: the whole file describes a deliberate difference. PyPy
# frees objects at its collector's pace and keeps modules alive at exit, so the report is
# off there (the variable is ignored).
pytestmark = pytest.mark.differs_from_pyo3
IS_PYPY = sys.implementation.name == "pypy"
not_on_pypy = pytest.mark.skipif(IS_PYPY, reason="no leak report on PyPy")

PREFIX = "pyo3 leak report:"


def run(code, report=True):
    """Runs `code` in a new interpreter (with or without the variable); returns the
    leak-report lines of its stderr after checking that it exited cleanly."""
    env = dict(os.environ)
    env.pop("PYO3_LEAK_REPORT", None)
    if report:
        env["PYO3_LEAK_REPORT"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", "import pyo3_pytests as m\n" + code],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        universal_newlines=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    report_lines = [line for line in lines if line.startswith(PREFIX)]
    # Nothing else reached stderr (no warnings, no unraisable errors).
    assert lines == report_lines, done.stderr
    return report_lines


CYCLE = """
a, b = m.LeakyNode(), m.LeakyNode()
a.link(b)
b.link(a)
del a, b
"""


@not_on_pypy
def test_cycle_without_gc_support_is_reported():
    assert run(CYCLE) == [
        "pyo3 leak report: 2 instances of class pyo3_pytests.LeakyNode still alive"
    ]


@not_on_pypy
def test_forgotten_reference_is_reported():
    code = "m.leak_reference(m.LeakyNode())\nfor _ in range(3): m.LeakyNode()\n"
    assert run(code) == [
        "pyo3 leak report: 1 instance of class pyo3_pytests.LeakyNode still alive"
    ]


@not_on_pypy
def test_rust_subclass_counts_under_its_own_name():
    code = "m.leak_reference(m.LeakyChild())\nfor _ in range(3): m.LeakyChild()\n"
    assert run(code) == [
        "pyo3 leak report: 1 instance of class pyo3_pytests.LeakyChild still alive"
    ]


@not_on_pypy
def test_python_subclass_instances_are_not_counted():
    # They are allocated by CPython's own tp_alloc (see docs/leak-report.md, "Limits"):
    # neither their creation nor their release touches the count of the class they extend.
    code = (
        "class Sub(m.LeakyNode): pass\n"
        "m.leak_reference(Sub())\n"
        "m.leak_reference(m.LeakyNode())\n"
        "for _ in range(3): Sub()\n"
        "for _ in range(3): m.LeakyNode()\n"
    )
    assert run(code) == [
        "pyo3 leak report: 1 instance of class pyo3_pytests.LeakyNode still alive"
    ]


@not_on_pypy
def test_instance_alive_in_module_global_is_not_a_leak():
    # Finalisation clears module globals before the report runs.
    assert run("keep = [m.LeakyNode(), m.LeakyNode()]\n") == []


# Drops a reference on a thread that is not attached, after the call has returned, and
# waits for it without calling into Rust (see `drop_detached_when`).
DROP_DETACHED = """
import os, tempfile, time
folder = tempfile.mkdtemp()
go, done = os.path.join(folder, "go"), os.path.join(folder, "done")
m.drop_detached_when(object(), go, done)
open(go, "w").close()
deadline = time.time() + 30
while not os.path.exists(done) and time.time() < deadline:
    time.sleep(0.005)
assert os.path.exists(done)
os.remove(go)
os.remove(done)
os.rmdir(folder)
"""


@not_on_pypy
def test_deferred_decref_never_applied_is_reported():
    # No Rust callback runs after the drop to apply it.
    assert run(DROP_DETACHED) == ["pyo3 leak report: 1 deferred decref never applied"]


@not_on_pypy
def test_deferred_decref_applied_by_a_later_call_is_not_reported():
    assert run(DROP_DETACHED + "m.LeakyNode()\n") == []


@not_on_pypy
def test_clean_run_prints_nothing():
    code = "nodes = [m.LeakyNode() for _ in range(10)]\nnodes[0].link(nodes[1])\ndel nodes\n"
    assert run(code) == []


@not_on_pypy
def test_without_the_variable_nothing_is_printed():
    assert run(CYCLE, report=False) == []
    assert run("m.leak_reference(m.LeakyNode())\n" + DROP_DETACHED, report=False) == []


@not_on_pypy
def test_only_one_is_the_switch():
    env = dict(os.environ, PYO3_LEAK_REPORT="0")
    done = subprocess.run(
        [sys.executable, "-c", "import pyo3_pytests as m\n" + CYCLE],
        env=env,
        stderr=subprocess.PIPE,
        universal_newlines=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert PREFIX not in done.stderr


@pytest.mark.skipif(not IS_PYPY, reason="PyPy only")
def test_pypy_ignores_the_variable():
    # A deliberately leaked instance, yet nothing is printed.
    assert run("m.leak_reference(m.LeakyNode())") == []
