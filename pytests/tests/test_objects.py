"""Module attributes and the object protocol used from Rust, driven from Python."""
import sys

import pytest

import pyo3_pytests as m


def test_module_values():
    assert m.ANSWER == 42
    assert m.GREETING == "hello"
    assert "ANSWER" in m.__all__
    assert "sum_as_string" in m.__all__


def test_collections():
    assert m.make_list(4) == [0, 1, 2, 3]
    assert m.make_tuple() == ("a", "b")
    assert m.sum_dict_values({"a": 1, "b": 2}) == 3


def test_calls():
    calls = []

    def f(x):
        calls.append(x)
        return x * 2

    assert m.call_twice(f, 5) == (10, 10)
    assert calls == [5, 5]


def test_attributes_and_descriptions():
    class Thing:
        value = "v"

        def __len__(self):
            return 3

        def __repr__(self):
            return "Thing()"

    assert m.get_attr(Thing(), "value") == "v"
    assert m.describe(Thing()) == ("Thing()", "Thing()", 3)
    try:
        m.get_attr(Thing(), "missing")
    except AttributeError as e:
        assert "missing" in str(e)
    else:
        raise AssertionError("expected AttributeError")


@pytest.mark.refcounts
def test_no_leaks_through_calls():
    obj = [1, 2, 3]
    before = sys.getrefcount(obj)
    for _ in range(100):
        m.describe(obj)
        m.call_twice(len, 1) if False else None
    assert sys.getrefcount(obj) == before


@pytest.mark.skipif(m.LIMITED_API, reason="the access traits are not in the limited API")
def test_datetime_access_traits():
    import datetime

    dt = datetime.datetime(2024, 2, 29, 23, 59, 58, 123456, fold=1)
    delta = datetime.timedelta(days=-1, seconds=5, microseconds=7)
    assert m.datetime_fields(dt, delta) == (2024, 2, 29, 23, 59, 58, 123456, True, -1, 5, 7)
    assert m.datetime_fields_ffi(dt) == (2024, 2, 29, 23, 59, 58, 123456, True)
