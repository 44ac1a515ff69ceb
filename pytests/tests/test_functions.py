"""#[pyfunction] seen from Python: argument errors as CPython words them, conversions,
return values, exceptions and panics."""
import inspect
import sys

import pytest

import pyo3_pytests as m


def python_twin(source):
    """A pure-Python function with the same name and signature as the Rust one (defined
    with exec so that its code object, which older versions name in messages, matches)."""
    namespace = {}
    exec(source, namespace)
    return namespace[source.split()[1].split("(")[0]]


py_sum_as_string = python_twin("def sum_as_string(a, b): pass")
py_no_args = python_twin("def no_args(): pass")


def message(call):
    with pytest.raises(TypeError) as info:
        call()
    return str(info.value)


def test_sum_as_string():
    assert m.sum_as_string(5, 20) == "25"
    assert m.sum_as_string(a=5, b=20) == "25"
    assert m.sum_as_string(5, b=20) == "25"


@pytest.mark.parametrize(
    "args, kwargs",
    [
        ((), {}),
        ((1,), {}),
        ((1, 2, 3), {}),
        ((1, 2, 3, 4), {}),
        ((), {"b": 1}),
        ((), {"a": 1}),
        ((1,), {"a": 1}),
        ((1, 2), {"a": 1}),
        ((1, 2), {"c": 1}),
        ((), {"c": 1}),
        ((1,), {"b": 2, "c": 3}),
    ],
)
def test_arity_errors_match_cpython(args, kwargs):
    expected = message(lambda: py_sum_as_string(*args, **kwargs))
    assert message(lambda: m.sum_as_string(*args, **kwargs)) == expected


# Ours: CPython's wording ('takes 0 positional arguments'); PyO3 reports METH_NOARGS' 'takes no arguments (1 given)'.
@pytest.mark.differs_from_pyo3
@pytest.mark.parametrize("args, kwargs", [((1,), {}), ((1, 2), {}), ((), {"x": 1})])
def test_no_args_errors_match_cpython(args, kwargs):
    expected = message(lambda: py_no_args(*args, **kwargs))
    assert message(lambda: m.no_args(*args, **kwargs)) == expected
    assert m.no_args() == 7


def test_missing_argument_exact_message():
    assert message(lambda: m.sum_as_string(1)) == (
        "sum_as_string() missing 1 required positional argument: 'b'"
    )


def test_wrong_type_names_the_argument():
    assert message(lambda: m.sum_as_string("a", 1)) == (
        "argument 'a': 'str' object cannot be interpreted as an integer"
    )
    assert message(lambda: m.sum_as_string(1, 2.5)) == (
        "argument 'b': 'float' object cannot be interpreted as an integer"
    )
    assert message(lambda: m.str_len(3)) == (
        "argument 's': 'int' object cannot be cast as 'str'"
    )
    assert message(lambda: m.dict_len([])) == (
        "argument 'd': 'list' object cannot be cast as 'dict'"
    )


def test_overflow():
    with pytest.raises(OverflowError):
        m.sum_as_string(-1, 2)
    with pytest.raises(OverflowError):
        m.to_u8(256)
    with pytest.raises(OverflowError):
        m.add_i64(2**63, 0)
    assert m.to_u8(255) == 255


def test_index_protocol_accepted():
    class Index:
        def __index__(self):
            return 3

    assert m.add_i64(Index(), 4) == 7


def test_conversions():
    assert m.three(1, 2.5, True) == (1, 2.5, True)
    assert m.three(1, 2, False) == (1, 2.0, False)
    assert message(lambda: m.three(1, 2.0, 1)) == (
        "argument 'c': 'int' object cannot be cast as 'bool'"
    )
    assert m.str_len("héllo") == 5
    assert m.shout("abc") == "ABC"
    assert m.maybe_double(None) is None
    assert m.maybe_double(21) == 42
    assert m.big(2**128 - 1) == 2**128 - 1
    assert m.signed_big(-(2**127)) == -(2**127)
    with pytest.raises(OverflowError):
        m.big(-1)


def test_unit_returns_none():
    assert m.returns_unit(1) is None
    assert m.returns_ok_unit() is None


def test_error_raised():
    with pytest.raises(ValueError, match="^bad thing$"):
        m.raise_value_error("bad thing")


def test_panic_becomes_panic_exception():
    with pytest.raises(BaseException) as info:
        m.panics("oh no")
    assert type(info.value).__name__ == "PanicException"
    assert type(info.value).__module__ == "pyo3_runtime"
    assert not isinstance(info.value, Exception)
    assert str(info.value) == "oh no"
    # The interpreter keeps working afterwards.
    assert m.sum_as_string(1, 2) == "3"


def test_python_token_and_bound_returns():
    assert m.with_py(3) == {"n": 3}
    obj = object()
    assert m.identity(obj) is obj
    if hasattr(sys, "getrefcount"):  # not on PyPy
        before = sys.getrefcount(obj)
        assert m.identity(obj) is obj
        assert sys.getrefcount(obj) == before


def test_docstring_and_signature():
    assert m.sum_as_string.__doc__ == "Formats the sum of two numbers as string."
    assert m.sum_as_string.__text_signature__ == "(a, b)"
    assert str(inspect.signature(m.sum_as_string)) == "(a, b)"
    assert m.sum_as_string.__name__ == "sum_as_string"
    # maturin installs the extension inside a package of the same name, and CPython names a
    # single-phase module after its import path: pyo3_pytests.pyo3_pytests.
    assert m.sum_as_string.__module__.split(".")[-1] == "pyo3_pytests"
