"""`signature = (...)` seen from Python: every call shape raises the message a pure-Python
function of the same signature raises, `inspect.signature` matches, defaults, *args,
**kwargs, keyword-only and positional-only parameters behave as in Python."""
import gc
import inspect
import platform
import sys

import pytest

import pyo3_pytests as m

IS_PYPY = platform.python_implementation() == "PyPy"

POSONLY = sys.version_info >= (3, 8)

# The pure-Python twin of each Rust function: same name, same parameters, and defaults
# spelled as the generated `__text_signature__` shows them.
TWINS = {
    "sig_defaults": "def sig_defaults(a, b=5, c=None): pass",
    "sig_posonly": "def sig_posonly(a, b, /, c): pass",
    "sig_posonly_defaults": "def sig_posonly_defaults(a, b=2, /): pass",
    "sig_kwonly": "def sig_kwonly(a, *, b, c=3): pass",
    "sig_varargs": "def sig_varargs(a, *args): pass",
    "sig_kwargs": "def sig_kwargs(a, **kwargs): pass",
    "sig_all": "def sig_all(a, b=1, /, c=2, *args, d, e=4, **kwargs): pass",
    "sig_many": "def sig_many(a, b, c, d=1, *, e, f, g): pass",
    "sig_only_kw": "def sig_only_kw(*, only): pass",
    "sig_literals": "def sig_literals(x, y='hi', z=True, w=1.5, v=...): pass",
    "sig_result": "def sig_result(n=1, *, fail=False): pass",
    "sig_panics": "def sig_panics(*args, **kwargs): pass",
    "sig_module_name": "def sig_module_name(): pass",
    "sig_from_py_with": "def sig_from_py_with(seq, scale=1): pass",
}


def twin(name):
    source = TWINS[name]
    if "/" in source and not POSONLY:
        pytest.skip("positional-only parameters need Python 3.8")
    namespace = {}
    exec(source, namespace)
    return namespace[name]


# (function, positional arguments, keyword arguments)
SHAPES = [
    ("sig_defaults", (), {}),
    ("sig_defaults", (1, 2, 3, 4), {}),
    ("sig_defaults", (1, 2, 3, 4, 5), {}),
    ("sig_defaults", (1,), {"a": 2}),
    ("sig_defaults", (1,), {"x": 2}),
    ("sig_defaults", (), {"b": 2, "c": 3}),
    ("sig_defaults", (1, 2), {"b": 3}),
    ("sig_defaults", (1, 2, 3), {"d": 4}),
    ("sig_posonly", (), {}),
    ("sig_posonly", (1,), {}),
    ("sig_posonly", (1, 2), {}),
    ("sig_posonly", (1, 2, 3, 4), {}),
    ("sig_posonly", (1,), {"b": 2, "c": 3}),
    ("sig_posonly", (), {"a": 1, "b": 2, "c": 3}),
    ("sig_posonly", (1, 2), {"a": 1, "c": 3}),
    ("sig_posonly", (1, 2, 3), {"a": 1}),
    ("sig_posonly", (1, 2), {"c": 3, "d": 4}),
    ("sig_posonly_defaults", (), {}),
    ("sig_posonly_defaults", (1, 2, 3), {}),
    ("sig_posonly_defaults", (1,), {"b": 2}),
    ("sig_kwonly", (), {}),
    ("sig_kwonly", (1,), {}),
    ("sig_kwonly", (1, 2), {}),
    ("sig_kwonly", (1, 2), {"b": 2}),
    ("sig_kwonly", (1, 2, 3), {"b": 2, "c": 3}),
    ("sig_kwonly", (1,), {"b": 2, "d": 3}),
    ("sig_kwonly", (1,), {"b": 2, "a": 3}),
    ("sig_varargs", (), {}),
    ("sig_varargs", (), {"args": 1}),
    ("sig_varargs", (1, 2), {"a": 3}),
    ("sig_kwargs", (), {}),
    ("sig_kwargs", (1, 2), {}),
    ("sig_kwargs", (1,), {"a": 2}),
    ("sig_all", (), {}),
    ("sig_all", (1,), {}),
    ("sig_all", (1, 2, 3, 4), {"c": 5, "d": 6}),
    ("sig_all", (), {"a": 1, "d": 2}),
    ("sig_many", (), {}),
    ("sig_many", (1,), {}),
    ("sig_many", (1, 2), {"e": 1}),
    ("sig_many", (1, 2, 3), {}),
    ("sig_many", (1, 2, 3), {"e": 1}),
    ("sig_many", (1, 2, 3, 4, 5), {}),
    ("sig_many", (1, 2, 3, 4, 5, 6), {"e": 1, "f": 2}),
    ("sig_many", (1, 2, 3, 4, 5), {"e": 1}),
    ("sig_only_kw", (), {}),
    ("sig_only_kw", (1,), {}),
    ("sig_only_kw", (1,), {"only": 2}),
    ("sig_only_kw", (), {"only": 2, "other": 3}),
    ("sig_result", (1, 2), {}),
    ("sig_module_name", (1,), {}),
    ("sig_module_name", (), {"x": 1}),
    ("sig_from_py_with", (), {"scale": 2}),
]


def outcome(call):
    """The TypeError message of `call()`, or None if it raised nothing."""
    try:
        call()
    except TypeError as error:
        return str(error)
    return None


def as_cpython_words(message):
    """`message` (about a Python function) as CPython words it: PyPy 3.9 names a single
    positional-only argument passed by keyword in the singular."""
    if IS_PYPY:
        message = message.replace(
            "got a positional-only argument passed as keyword argument:",
            "got some positional-only arguments passed as keyword arguments:",
        )
    return message


# Ours: every argument error worded as CPython's for a Python function; PyO3 differs in some (e.g. 'a, b' lists).
@pytest.mark.differs_from_pyo3
@pytest.mark.parametrize("name, args, kwargs", SHAPES)
def test_call_shape_matches_cpython(name, args, kwargs):
    python = twin(name)
    expected = outcome(lambda: python(*args, **kwargs))
    assert expected is not None, "the table should only hold failing shapes"
    expected = as_cpython_words(expected)
    assert outcome(lambda: getattr(m, name)(*args, **kwargs)) == expected


def test_table_is_large_enough():
    assert len(SHAPES) >= 30


# Ours: __text_signature__ keeps literal and module-name defaults as a Python twin has them.
@pytest.mark.differs_from_pyo3
@pytest.mark.parametrize("name", sorted(TWINS))
def test_inspect_signature_matches_twin(name):
    python = twin(name)
    ours = getattr(m, name)
    if "..." in TWINS[name] and sys.version_info < (3, 8):
        # Python 3.7's inspect cannot parse `...` as a default in `__text_signature__`.
        assert ours.__text_signature__ == "(x, y='hi', z=True, w=1.5, v=...)"
        return
    assert inspect.signature(ours) == inspect.signature(python)
    assert ours.__text_signature__ == str(inspect.signature(python)).replace("Ellipsis", "...")


def test_defaults_and_values():
    assert m.sig_defaults(1) == (1, 5, None)
    assert m.sig_defaults(1, c=3) == (1, 5, 3)
    assert m.sig_defaults(a=1, b=2, c=None) == (1, 2, None)
    assert m.sig_kwonly(1, b=2) == (1, 2, 3)
    assert m.sig_literals(0) == "0 hi true 1.5 []"
    assert m.sig_literals(0, v=[1, 2]) == "0 hi true 1.5 [1, 2]"
    assert m.sig_varargs(1) == "a=1 args=()"
    assert m.sig_varargs(1, "x", None) == "a=1 args=('x', None)"
    assert m.sig_kwargs(1) == "a=1"
    assert m.sig_kwargs(a=1, z=2) == "a=1 kwargs={'z': 2}"
    assert m.sig_all(1, d=2) == "a=1 b=1 c=2 d=2 e=4 args=()"
    assert m.sig_all(1, 2, 3, 4, 5, d=6, e=7, f=8) == (
        "a=1 b=2 c=3 d=6 e=7 args=(4, 5) kwargs={'f': 8}"
    )
    assert m.sig_many(1, 2, 3, e=4, f=5, g=6) == 22
    marker = object()
    assert m.sig_only_kw(only=marker) is marker
    assert m.sig_result() == 1
    assert m.sig_result(0) is None
    with pytest.raises(RuntimeError, match="asked to fail"):
        m.sig_result(fail=True)
    assert m.sig_module_name() == m.sig_module_name.__module__ == "pyo3_pytests.pyo3_pytests"
    assert m.sig_from_py_with("abc", 2) == 6


@pytest.mark.skipif(not POSONLY, reason="positional-only parameters need Python 3.8")
def test_positional_only_names_go_to_kwargs():
    assert m.sig_all(1, d=2, a=3, b=4) == "a=1 b=1 c=2 d=2 e=4 args=() kwargs={'a': 3, 'b': 4}"
    assert m.sig_posonly(1, 2, 3) == 6
    assert m.sig_posonly(1, 2, c=3) == 6
    assert m.sig_posonly_defaults(3) == 6


def test_bad_values():
    with pytest.raises(TypeError) as info:
        m.sig_defaults("x")
    assert str(info.value) == "argument 'a': 'str' object cannot be interpreted as an integer"
    with pytest.raises(TypeError) as info:
        m.sig_defaults(1, None)
    assert str(info.value) == "argument 'b': 'NoneType' object cannot be interpreted as an integer"
    with pytest.raises(OverflowError):
        m.sig_defaults(1, c=2**70)
    with pytest.raises(OverflowError):
        m.sig_many(1, 2, 3, e=4, f=5, g=-(2**64))
    with pytest.raises(TypeError) as info:
        m.sig_from_py_with(5)
    # The message is the interpreter's own (len() of the argument).
    assert str(info.value) == "argument 'seq': " + (
        "'int' has no length" if IS_PYPY else "object of type 'int' has no len()"
    )


def test_panic_in_variadic_function():
    panic_type = None
    try:
        m.sig_panics(1, 2, x=3)
    except BaseException as error:  # PanicException derives from BaseException
        panic_type = type(error)
        assert "panicked with 2 args and 1 kwargs" in str(error)
    assert panic_type is not None and panic_type.__name__ == "PanicException"
    assert m.sig_defaults(1) == (1, 5, None)


@pytest.mark.refcounts
def test_no_reference_leaks():
    marker = object()
    before = sys.getrefcount(marker)
    for _ in range(100):
        m.sig_all(1, 2, 3, marker, d=4, e=5, x=marker)
        m.sig_kwargs(marker, k=marker)
        m.sig_varargs(1, marker, marker)
    gc.collect()
    assert sys.getrefcount(marker) == before
