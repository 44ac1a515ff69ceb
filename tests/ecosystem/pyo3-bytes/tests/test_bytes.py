"""pyo3-bytes' `Bytes` class (a pyclass with the buffer protocol) and its conversions."""
import array
import gc
import sys
import weakref

import pytest

import eco_bytes
from eco_bytes import Bytes


def test_buffers_in():
    assert eco_bytes.length_and_sum(b"abc") == (3, 294)
    assert eco_bytes.length_and_sum(bytearray(b"\x01\x02")) == (2, 3)
    assert eco_bytes.length_and_sum(memoryview(b"xyz")[1:]) == (2, 243)
    assert eco_bytes.length_and_sum(Bytes(b"abc")) == (3, 294)


def test_not_a_buffer():
    with pytest.raises(TypeError) as info:
        eco_bytes.length_and_sum("text")
    assert str(info.value).startswith("argument 'buffer':")


def test_non_contiguous_buffer():
    with pytest.raises(ValueError, match="Buffer is not C contiguous"):
        eco_bytes.length_and_sum(memoryview(b"abcdef")[::2])


def test_buffer_of_wider_items_rejected():
    with pytest.raises(BufferError):
        eco_bytes.length_and_sum(array.array("i", [1, 2]))


def test_bytes_out_and_buffer_protocol():
    hello = eco_bytes.hello()
    assert type(hello) is Bytes
    assert type(hello).__name__ == "Bytes"
    assert hello.to_bytes() == b"hello"
    view = memoryview(hello)
    assert view.readonly
    assert (view.format, view.itemsize, view.nbytes) == ("B", 1, 5)
    assert bytes(view) == b"hello"
    view.release()
    assert bytes(hello) == b"hello"


def test_slices_hold_the_source_buffer_until_dropped():
    source = bytearray(b"0123456789")
    head = eco_bytes.head(source, 4)
    assert head.to_bytes() == b"0123"
    # The Rust `Bytes` still holds the bytearray's buffer: it cannot be resized.
    with pytest.raises(BufferError, match="Existing exports of data"):
        source.append(0)
    assert sys.getrefcount(source) == 3
    del head
    gc.collect()
    assert sys.getrefcount(source) == 2
    source.append(0)
    assert source == b"0123456789\x00"


def test_sequence_methods():
    b = Bytes(b"hello world")
    assert len(b) == 11
    assert b[0] == ord("h") and b[-1] == ord("d")
    assert b[1:5] == b"ello" and b[::-1] == b"dlrow olleh" and b[::3] == b"hlwl"
    assert b[5:1] == b""
    with pytest.raises(IndexError, match="Index out of range"):
        b[11]
    with pytest.raises(IndexError, match="Index out of range"):
        b[-12]
    with pytest.raises(ValueError, match="slice step cannot be zero"):
        b[::0]
    assert b"world" in b and b"xyz" not in b
    assert b + b"!" == b"hello world!"
    assert Bytes(b"ab") * 3 == b"ababab"
    assert b == b"hello world" and b != b"hello"
    assert repr(Bytes(b'a"b\n')) == 'Bytes(b"a\\"b\\n")'


def test_bytes_like_methods():
    assert Bytes(b"prefix-body").removeprefix(b"prefix-") == b"body"
    assert Bytes(b"body.txt").removesuffix(b".txt") == b"body"
    assert Bytes(b"MiXeD").lower() == b"mixed" and Bytes(b"MiXeD").upper() == b"MIXED"
    for raw in [b"abc1", b"abc", b"123", b" \t", b"ABC", b"abc", b"", b"\xff"]:
        b = Bytes(raw)
        assert (b.isalnum(), b.isalpha(), b.isdigit(), b.isspace(), b.isupper(), b.islower(),
                b.isascii()) == (raw.isalnum(), raw.isalpha(), raw.isdigit(), raw.isspace(),
                                 raw.isupper(), raw.islower(), raw.isascii()), raw


def test_constructor_default_and_newargs():
    assert Bytes() == b"" and len(Bytes()) == 0
    # No `module=` on the pyclass: `builtins.Bytes` as in PyO3, so only its pickle support
    # method is checked, and copyreg's reconstruction from it.
    assert Bytes(b"pickled").__getnewargs_ex__() == ((b"pickled",), {})
    assert Bytes(b"pickled").__module__ == "builtins"
    args, kwargs = Bytes(b"again").__getnewargs_ex__()
    assert Bytes.__new__(Bytes, *args, **kwargs) == b"again"


def test_subclass_and_weakref():
    class Sub(Bytes):
        pass

    s = Sub(b"sub")
    assert isinstance(s, Bytes) and s.to_bytes() == b"sub"
    assert eco_bytes.length_and_sum(s) == (3, 115 + 117 + 98)
    ref = weakref.ref(s)
    assert ref() is s
    del s
    gc.collect()
    assert ref() is None


def test_frozen():
    with pytest.raises(AttributeError):
        Bytes(b"x").anything = 1
