"""A Rust panic in every kind of callback: it reaches Python as `PanicException` (a
`BaseException` subclass) carrying the panic message, or, where Python cannot take an
exception (`Drop`, `__clear__`, `__releasebuffer__`, capsule destructors), goes to
`sys.unraisablehook`; in `__traverse__`, where no Python code may run, it is printed. The
process always goes on, and the object involved is neither leaked nor freed twice."""
import contextlib
import gc
import importlib.machinery
import importlib.util
import operator
import os
import platform
import subprocess
import sys

import pytest

import pyo3_pytests as m

PanicException = m.PanicException
# PyPy frees objects at its next collection (so the unraisable reports of their destructors
# come then), never calls tp_traverse or tp_clear, and loads one module per library file.
IS_PYPY = platform.python_implementation() == "PyPy"
HAS_HOOK = sys.version_info >= (3, 8)
needs_hook = pytest.mark.skipif(not HAS_HOOK, reason="sys.unraisablehook is new in Python 3.8")


def panic_message(call):
    """The message of the PanicException `call()` raises."""
    with pytest.raises(PanicException) as info:
        call()
    assert type(info.value) is PanicException
    message = str(info.value)
    del info
    return message


@contextlib.contextmanager
def unraisable():
    """Collects (exception type, message) for each report to sys.unraisablehook."""
    seen = []
    old = sys.unraisablehook
    sys.unraisablehook = lambda report: seen.append((report.exc_type, str(report.exc_value)))
    try:
        yield seen
        if IS_PYPY:
            gc.collect()
    finally:
        sys.unraisablehook = old


def test_panic_exception_is_a_base_exception():
    assert issubclass(PanicException, BaseException)
    assert not issubclass(PanicException, Exception)
    assert PanicException.__module__ == "pyo3_runtime"
    assert PanicException.__name__ == "PanicException"


def test_function():
    assert panic_message(m.panicking_function) == "function panicked"
    # The interpreter goes on: the same function panics the same way again.
    assert panic_message(m.panicking_function) == "function panicked"


def test_panic_payloads():
    assert panic_message(lambda: m.panic_with_formatted_message(7)) == "formatted 7 panicked"
    assert panic_message(m.panic_with_non_string_payload) == "panic from Rust code"


def test_not_caught_by_except_exception():
    caught = None
    try:
        try:
            m.panicking_function()
        except Exception:  # noqa: BLE001 - the point: this does not catch it
            caught = "Exception"
    except BaseException as error:
        caught = type(error).__name__
    assert caught == "PanicException"


def test_argument_extraction_and_return_conversion():
    assert panic_message(lambda: m.panicking_argument(1)) == "extraction panicked"
    assert panic_message(m.panicking_return) == "conversion to Python panicked"


# PyO3 0.27.2 converts a lazy error's arguments outside its panic guard and aborts the
# process; here the panic becomes PanicException like any other.
@pytest.mark.differs_from_pyo3
def test_error_whose_argument_panics():
    assert panic_message(m.panicking_error_argument) == "conversion to Python panicked"


def test_panic_through_python_back_into_rust():
    # Rust -> Python -> Rust: the inner panic comes back into Rust as PanicException, goes on
    # as a panic there, and reaches the outer caller with its message.
    assert panic_message(lambda: m.call_through_rust(m.panicking_function)) == "function panicked"


def test_panic_while_detached():
    assert panic_message(m.panic_while_detached) == "detached code panicked"
    # The thread is attached again afterwards.
    assert m.Panicky().ok() == "ok"


def test_closure():
    f = m.panicking_closure()
    assert panic_message(f) == "closure panicked"
    assert panic_message(lambda: f(1, x=2)) == "closure panicked"


def test_methods_of_every_kind():
    obj = m.Panicky()
    assert panic_message(obj.method) == "method panicked"
    assert panic_message(obj.method_mut) == "mutable method panicked"
    assert panic_message(m.Panicky.class_method) == "classmethod panicked"
    assert panic_message(obj.class_method) == "classmethod panicked"
    assert panic_message(m.Panicky.static_method) == "staticmethod panicked"
    assert obj.ok() == "ok"


def test_constructor():
    before = m.panic_drops()
    assert panic_message(lambda: m.Panicky(True)) == "constructor panicked"

    class Sub(m.Panicky):
        pass

    assert panic_message(lambda: Sub(True)) == "constructor panicked"
    # No value was made, so none is dropped.
    assert m.panic_drops() == before


def test_getter_and_setter():
    obj = m.Panicky()
    assert panic_message(lambda: obj.prop) == "getter panicked"
    assert panic_message(lambda: setattr(obj, "prop", 5)) == "setter panicked with 5"
    assert panic_message(lambda: setattr(obj, "prop", None)) == "setter panicked with None"
    # Deleting is refused before the setter runs, even though it takes an Option.
    with pytest.raises(AttributeError, match="^can't delete attribute$"):
        del obj.prop


def test_field_getter_and_setter():
    obj = m.Panicky()
    assert panic_message(lambda: obj.field) == "field conversion panicked"
    assert panic_message(lambda: setattr(obj, "field", 1)) == "extraction panicked"


def test_borrow_released_after_panic():
    obj = m.Panicky()
    assert panic_message(obj.panic_while_borrowed) == "borrowed method panicked"
    # Had the exclusive borrow leaked, these would raise "Already mutably borrowed".
    assert panic_message(obj.method_mut) == "mutable method panicked"
    assert panic_message(lambda: setattr(obj, "prop", 1)) == "setter panicked with 1"
    assert obj.ok() == "ok"


def test_object_freed_after_panics():
    gc.collect()
    before = m.panic_drops()
    obj = m.Panicky()
    for call in (obj.method, obj.method_mut, lambda: obj.prop):
        panic_message(call)
    del obj, call
    gc.collect()
    assert m.panic_drops() == before + 1


SLOT_CASES = [
    ("__repr__", repr),
    ("__str__", str),
    ("__hash__", hash),
    ("__richcmp__", lambda o: o < 1),
    ("__richcmp__", lambda o: o == 1),
    ("__bool__", bool),
    ("__len__", len),
    ("__getitem__", lambda o: o[0]),
    ("__setitem__", lambda o: operator.setitem(o, 0, 1)),
    ("__delitem__", lambda o: operator.delitem(o, 0)),
    ("__contains__", lambda o: 1 in o),
    ("__iter__", iter),
    ("__call__", lambda o: o(1, 2)),
    ("__neg__", operator.neg),
    ("__pos__", operator.pos),
    ("__abs__", abs),
    ("__invert__", operator.invert),
    ("__int__", int),
    ("__float__", float),
    ("__index__", operator.index),
    ("__add__", lambda o: o + 1),
    ("__radd__", lambda o: 1 + o),
    ("__sub__", lambda o: o - 1),
    ("__mul__", lambda o: o * 1),
    ("__truediv__", lambda o: o / 1),
    ("__pow__", lambda o: o ** 2),
    ("__pow__", lambda o: pow(o, 2, 3)),
    ("__rpow__", lambda o: 2 ** o),
    ("__iadd__", lambda o: operator.iadd(o, 1)),
    ("__ipow__", lambda o: operator.ipow(o, 2)),
    ("__aiter__", lambda o: type(o).__aiter__(o)),
    ("__anext__", lambda o: type(o).__anext__(o)),
    ("__await__", lambda o: type(o).__await__(o)),
    ("__getattr__", lambda o: o.missing),
    ("__setattr__", lambda o: setattr(o, "x", 1)),
    ("__delattr__", lambda o: delattr(o, "x")),
]


@pytest.mark.parametrize("slot, action", SLOT_CASES, ids=[f"{s}-{i}" for i, (s, _) in enumerate(SLOT_CASES)])
def test_slot(slot, action):
    obj = m.PanickySlots()
    assert panic_message(lambda: action(obj)) == f"{slot} panicked"


def test_slots_inside_builtins():
    obj = m.PanickySlots()
    # Called from inside CPython's own C code: the panic still propagates through it.
    assert panic_message(lambda: {obj: 1}) == "__hash__ panicked"
    assert panic_message(lambda: [obj].index(0)) == "__richcmp__ panicked"
    assert panic_message(lambda: f"{obj!r}") == "__repr__ panicked"
    assert panic_message(lambda: sorted([obj, obj])) == "__richcmp__ panicked"
    assert panic_message(lambda: list(range(10))[obj]) == "__index__ panicked"


def test_eq_and_derived_ne():
    obj = m.PanickyEq()
    assert panic_message(lambda: obj == 1) == "__eq__ panicked"
    assert panic_message(lambda: obj != 1) == "__eq__ panicked"
    assert panic_message(lambda: obj < 1) == "__lt__ panicked"


def test_next():
    it = m.PanickyIterator()
    assert next(it) == 1
    assert next(it) == 2
    assert panic_message(lambda: next(it)) == "__next__ panicked"
    assert panic_message(lambda: list(m.PanickyIterator())) == "__next__ panicked"

    def loop():
        for _ in m.PanickyIterator():
            pass

    assert panic_message(loop) == "__next__ panicked"


def test_getattribute():
    obj = m.PanickyGetattribute()
    assert obj.ok == "ok"
    assert panic_message(lambda: obj.other) == "__getattribute__ panicked"
    # hasattr() swallows only AttributeError.
    assert panic_message(lambda: hasattr(obj, "other")) == "__getattribute__ panicked"


def test_descriptor():
    class Host:
        attr = m.PanickyDescriptor()

    host = Host()
    assert panic_message(lambda: host.attr) == "__get__ panicked"
    assert panic_message(lambda: Host.attr) == "__get__ panicked"
    assert panic_message(lambda: setattr(host, "attr", 1)) == "__set__ panicked"
    assert panic_message(lambda: delattr(host, "attr")) == "__delete__ panicked"


def test_sequence_concat_repeat():
    seq = m.PanickySequence()
    assert panic_message(lambda: seq + [1]) == "__concat__ panicked"
    assert panic_message(lambda: seq * 2) == "__repeat__ panicked"


def test_derived_eq_hash_str():
    obj = m.PanickyDerived()
    assert panic_message(lambda: obj == m.PanickyDerived()) == "PartialEq panicked"
    assert panic_message(lambda: obj < m.PanickyDerived()) == "PartialOrd panicked"
    assert panic_message(lambda: hash(obj)) == "Hash panicked"
    assert panic_message(lambda: str(obj)) == "Display panicked"


needs_buffer = pytest.mark.skipif(not hasattr(m, "PanickyBuffer"),
                                  reason="buffer protocol: not in the 3.7 stable ABI")


@needs_buffer
def test_getbuffer():
    obj = m.PanickyBuffer(panic=True)
    assert panic_message(lambda: memoryview(obj)) == "__getbuffer__ panicked"
    assert panic_message(lambda: bytes(obj)) == "__getbuffer__ panicked"


@needs_hook
@needs_buffer
def test_releasebuffer_is_unraisable():
    obj = m.PanickyBuffer()
    with unraisable() as seen:
        view = memoryview(obj)
        assert bytes(view) == b"abc"
        view.release()
        del view, obj
    assert seen == [(PanicException, "__releasebuffer__ panicked")]


@needs_hook
def test_drop_is_unraisable():
    gc.collect()
    before = m.panic_drops()
    with unraisable() as seen:
        obj = m.PanickyDrop()
        del obj
    assert seen == [(PanicException, "drop panicked")]
    assert m.panic_drops() == before + 1


@needs_hook
def test_drop_during_garbage_collection_is_unraisable():
    class Cycle:
        pass

    with unraisable() as seen:
        holder = Cycle()
        holder.me = holder
        holder.value = m.PanickyDrop()
        del holder
        gc.collect()
    assert seen == [(PanicException, "drop panicked")]


def test_drop_panic_in_a_fresh_interpreter():
    # On every version (3.7 has no unraisablehook): the report goes to stderr and the
    # interpreter finishes normally.
    code = "import gc, pyo3_pytests as m; m.PanickyDrop(); gc.collect(); print('still running')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "still running\n"
    assert "PanicException: drop panicked" in done.stderr


@pytest.mark.skipif(IS_PYPY, reason="PyPy's collector does not call tp_traverse")
def test_traverse_panic_is_printed(capfd):
    gc.collect()
    before = m.panic_drops()
    obj = m.PanickyGc()
    obj.hold(obj)
    obj.traverse_armed = True
    gc.collect()
    # Nothing may run in Python inside tp_traverse: the panic is printed, the collection
    # goes on, and so does the interpreter.
    assert "__traverse__ panicked" in capfd.readouterr().err
    obj.traverse_armed = False
    del obj
    gc.collect()
    assert m.panic_drops() == before + 1


@needs_hook
@pytest.mark.skipif(IS_PYPY, reason="PyPy's collector does not call tp_clear")
def test_clear_panic_is_unraisable():
    gc.collect()
    before = m.panic_drops()
    with unraisable() as seen:
        obj = m.PanickyGc()
        obj.hold(obj)
        obj.clear_armed = True
        del obj
        gc.collect()
    assert seen == [(PanicException, "__clear__ panicked")]
    # The cycle was broken before the panic: the object is freed.
    assert m.panic_drops() == before + 1



@pytest.mark.skipif(IS_PYPY, reason="PyPy's collector does not call tp_clear")
def test_clear_panic_in_a_fresh_interpreter():
    # On every version: 3.7's collector would treat an exception left by tp_clear as a
    # fatal error, so it is reported as unraisable before it gets there.
    code = (
        "import gc, pyo3_pytests as m\n"
        "obj = m.PanickyGc(); obj.hold(obj); obj.clear_armed = True\n"
        "before = m.panic_drops()\n"
        "del obj\n"
        "gc.collect()\n"
        "print(m.panic_drops() - before)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "1\n"
    assert "PanicException: __clear__ panicked" in done.stderr

# PyO3 0.27.2 lets a panic in a capsule destructor unwind into C, which aborts the process.
@needs_hook
@pytest.mark.differs_from_pyo3
def test_capsule_destructor_is_unraisable():
    with unraisable() as seen:
        capsule = m.capsule_with_panicking_destructor()
        del capsule
    assert seen == [(PanicException, "capsule destructor panicked")]


def test_once_lock_initialiser():
    holder = m.OnceHolder()
    assert panic_message(lambda: holder.get_or_init(1, True)) == "PyOnceLock initialiser panicked"
    # The cell stays empty, and a later call initialises it.
    assert holder.is_set() is False
    assert holder.get_or_init(2, False) == 2
    assert holder.get_or_init(3, True) == 2
    assert holder.is_set() is True


def test_classattr_panic():
    assert panic_message(m.make_classattr_bomb) == "classattr panicked"


def extension_path():
    folder = os.path.dirname(m.__file__)
    found = [f for f in os.listdir(folder) if f.startswith("pyo3_pytests.") and f.endswith(".so")]
    assert len(found) == 1, found
    return os.path.join(folder, found[0])


def import_panicking_module():
    path = extension_path()
    loader = importlib.machinery.ExtensionFileLoader("pyo3_pytests_panicking", path)
    spec = importlib.util.spec_from_file_location("pyo3_pytests_panicking", path, loader=loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_module_initialiser():
    if IS_PYPY:
        # PyPy hands back the module already loaded from the same file: try it in a fresh
        # interpreter that has not loaded it.
        code = (
            "import importlib.machinery, importlib.util\n"
            "path = %r\n"
            "loader = importlib.machinery.ExtensionFileLoader('pyo3_pytests_panicking', path)\n"
            "spec = importlib.util.spec_from_file_location('pyo3_pytests_panicking', path, loader=loader)\n"
            "try:\n"
            "    loader.exec_module(importlib.util.module_from_spec(spec))\n"
            "except BaseException as e:\n"
            "    print(type(e).__name__, e)\n"
        ) % extension_path()
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**os.environ, "RUST_BACKTRACE": "0"},
        )
        assert done.stdout == "PanicException module init panicked\n", done.stderr
        return
    assert panic_message(import_panicking_module) == "module init panicked"
    # A second attempt runs the initialiser again.
    assert panic_message(import_panicking_module) == "module init panicked"
    assert "pyo3_pytests_panicking" not in sys.modules
