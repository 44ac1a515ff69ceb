"""Std conversions and custom exceptions, round-tripped through Rust."""
import datetime
import ipaddress
import pathlib
import sys

import pytest

import pyo3_pytests as m


def test_maps():
    assert m.rt_hashmap({"a": 1, "b": 2}) == {"a": 1, "b": 2}
    assert m.rt_btreemap({2: ["x"], 1: []}) == {1: [], 2: ["x"]}
    with pytest.raises(TypeError):
        m.rt_hashmap([("a", 1)])
    with pytest.raises(TypeError):
        m.rt_hashmap({"a": "not an int"})


def test_sets():
    assert m.rt_hashset({1, 2, 3}) == {1, 2, 3}
    assert m.rt_hashset(frozenset([4])) == {4}
    assert m.rt_btreeset({"b", "a"}) == {"a", "b"}
    assert type(m.rt_hashset(set())) is set
    with pytest.raises(TypeError):
        m.rt_hashset([1, 2])


def test_arrays():
    assert m.rt_array([1, 2, 3]) == [1, 2, 3]
    assert m.rt_array((1, 2, 3)) == [1, 2, 3]
    with pytest.raises(ValueError):
        m.rt_array([1, 2])
    with pytest.raises(TypeError):
        m.rt_array(5)


def test_bytes():
    assert m.rt_bytes(b"abc") == b"abc"
    with pytest.raises(TypeError):
        m.rt_bytes("abc")
    with pytest.raises(TypeError):
        m.rt_bytes(bytearray(b"abc"))
    assert m.rt_cow_bytes(b"xy") == b"xy"
    assert m.rt_cow_bytes(bytearray(b"xy")) == b"xy"
    data = b"refcount-check-bytes"
    if hasattr(sys, "getrefcount"):  # not on PyPy
        before = sys.getrefcount(data)
        for _ in range(10):
            m.rt_bytes(data)
        assert sys.getrefcount(data) == before


def test_paths():
    assert m.make_path() == pathlib.Path("/root/file.txt")
    assert isinstance(m.make_path(), pathlib.Path)
    assert m.rt_path("a/b") == pathlib.Path("a/b")
    assert m.rt_path(pathlib.Path("/x")) == pathlib.Path("/x")
    with pytest.raises(TypeError):
        m.rt_path(5)


def test_time():
    delta = datetime.timedelta(days=3, seconds=7, microseconds=11)
    assert m.rt_duration(delta) == delta
    with pytest.raises(ValueError):
        m.rt_duration(datetime.timedelta(seconds=-1))
    moment = datetime.datetime(2020, 5, 17, 1, 2, 3, 4, tzinfo=datetime.timezone.utc)
    assert m.rt_systemtime(moment) == moment


def test_ip_addresses():
    v4 = ipaddress.IPv4Address("192.168.0.1")
    v6 = ipaddress.IPv6Address("::1")
    assert m.rt_ipaddr(v4) == v4
    assert m.rt_ipaddr(v6) == v6
    assert m.rt_ipaddr("10.1.2.3") == ipaddress.IPv4Address("10.1.2.3")
    with pytest.raises(ValueError):
        m.rt_ipaddr("not an address")


def test_pybacked():
    s = "a backed string"
    if ".abi3." in m.pyo3_pytests.__file__:
        # An abi3-py37 build has no PyUnicode_AsUTF8AndSize: the text is kept as a UTF-8 copy.
        assert m.rt_backed_str(s) == s
    else:
        assert m.rt_backed_str(s) is s
    b = b"backed bytes"
    assert m.rt_backed_bytes(b) is b
    assert m.rt_backed_bytes(bytearray(b"ba")) == b"ba"
    with pytest.raises(TypeError):
        m.rt_backed_str(1)


def test_integer_overflow():
    assert m.rt_u8(255) == 255
    with pytest.raises(OverflowError):
        m.rt_u8(256)
    with pytest.raises(TypeError):
        m.rt_u8("1")


def test_custom_exception():
    assert issubclass(m.ConversionError, Exception)
    assert m.ConversionError.__module__ == "pyo3_pytests"
    assert m.ConversionError.__doc__ == "Raised by the tests."
    with pytest.raises(m.ConversionError, match="boom"):
        m.raise_conversion_error("boom")
    with pytest.raises(FileNotFoundError, match="no such thing"):
        m.raise_io_error()
