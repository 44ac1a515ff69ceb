"""Hostile inputs for the std conversions and argument kinds (the `h_*` functions of
src/hostile.rs): wrong types, subclasses of the builtins (accepted where CPython's C
functions accept them, their overrides respected or ignored as those functions do), dunder methods that raise, return the wrong type or lie,
extreme numbers, lone surrogates, containers mutated while they are read, and re-entrant
calls into a borrowed `#[pyclass]`. Every case must end in CPython's exception (type and
message), never a crash, a leak or a wrong value."""
import functools
import gc
import math
import operator
import os
import platform
import sys

import pytest

import pyo3_pytests as m

# Where the interpreter's own C-API functions produce the error (or the value), PyPy's
# cpyext answers in its own words; `on_pypy(cpython, pypy)` picks what this interpreter says.
IS_PYPY = platform.python_implementation() == "PyPy"


def on_pypy(cpython, pypy):
    return pypy if IS_PYPY else cpython


def error_of(call, *args):
    """(type, message) of what `call(*args)` raises."""
    with pytest.raises(BaseException) as info:
        call(*args)
    return type(info.value), str(info.value)


def arg_error(message):
    """A `TypeError` raised while extracting the argument `value`, as PyO3 words it."""
    return (TypeError, "argument 'value': " + message)


class Boom(Exception):
    """The exception the hostile dunders raise."""


def raiser(*_args):
    raise Boom("boom")


# --- integers -------------------------------------------------------------------------


class IntSub(int):
    def __index__(self):
        return 99

    def __int__(self):
        return 98


class Indexable:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


class OnlyInt:
    def __int__(self):
        return 7


def test_int_subclass_value_is_used_and_overrides_ignored():
    # PyLong_AsLong reads an int subclass's own value, as operator.index() does.
    assert operator.index(IntSub(5)) == 5
    assert m.h_to_i64(IntSub(5)) == 5
    assert m.h_to_u8(IntSub(5)) == 5
    assert m.h_to_u64(IntSub(5)) == 5
    assert m.h_to_i128(IntSub(-5)) == -5
    assert m.h_to_i64(True) == 1


def test_index_is_used_for_other_objects():
    assert m.h_to_i64(Indexable(-3)) == -3
    assert m.h_to_u64(Indexable(3)) == 3
    assert m.h_to_i128(Indexable(2**100)) == 2**100


def test_index_raising_propagates():
    class Raises:
        __index__ = raiser

    for convert in (m.h_to_i64, m.h_to_u8, m.h_to_u64, m.h_to_i128, m.h_to_usize):
        assert error_of(convert, Raises()) == (Boom, "boom")


def test_index_returning_wrong_type():
    for convert in (m.h_to_i64, m.h_to_u64, m.h_to_i128):
        assert error_of(convert, Indexable("3")) == arg_error("__index__ returned non-int (type str)")


def test_index_returning_int_subclass_warns():
    # CPython accepts it with a DeprecationWarning; when warnings are errors the warning
    # is the exception.
    with pytest.warns(DeprecationWarning, match="__index__ returned non-int"):
        assert m.h_to_i64(Indexable(IntSub(5))) == 5
    with pytest.raises(DeprecationWarning):
        m.h_to_i64(Indexable(IntSub(5)))


def test_int_without_index_is_rejected():
    # Since 3.10 only __index__ makes an integer; __int__ alone does not.
    if sys.version_info < (3, 10):
        pytest.skip("__int__ was still accepted (with a DeprecationWarning)")
    assert error_of(m.h_to_i64, OnlyInt()) == arg_error(
        "'OnlyInt' object cannot be interpreted as an integer"
    )


def test_wrong_types_for_ints():
    assert error_of(m.h_to_i64, 1.5) == arg_error("'float' object cannot be interpreted as an integer")
    assert error_of(m.h_to_i64, "1") == arg_error("'str' object cannot be interpreted as an integer")
    assert error_of(m.h_to_i64, b"1") == arg_error("'bytes' object cannot be interpreted as an integer")
    assert error_of(m.h_to_i64, None) == arg_error("'NoneType' object cannot be interpreted as an integer")


def test_huge_ints():
    assert m.h_to_i64(2**63 - 1) == 2**63 - 1
    assert m.h_to_i64(-(2**63)) == -(2**63)
    assert m.h_to_u64(2**64 - 1) == 2**64 - 1
    assert m.h_to_i128(2**127 - 1) == 2**127 - 1
    assert m.h_to_i128(-(2**127)) == -(2**127)
    for convert, value in [
        (m.h_to_i64, 2**63),
        (m.h_to_i64, -(2**63) - 1),
        (m.h_to_i64, 10**100),
        (m.h_to_u64, 2**64),
        (m.h_to_u64, -1),
        (m.h_to_u8, 256),
        (m.h_to_u8, -1),
        (m.h_to_i128, 2**127),
        (m.h_to_i128, -(2**127) - 1),
        (m.h_to_usize, -1),
        (m.h_to_usize, 2**200),
    ]:
        kind, _ = error_of(convert, value)
        assert kind is OverflowError, (convert, value)


def test_huge_int_messages():
    assert error_of(m.h_to_i64, 10**100) == (
        OverflowError,
        "Python int too large to convert to C long",
    )
    assert error_of(m.h_to_u64, -1) == (
        OverflowError,
        on_pypy("can't convert negative int to unsigned", "cannot convert negative integer to unsigned int"),
    )
    assert error_of(m.h_to_u8, 256) == (
        OverflowError,
        "out of range integral type conversion attempted",
    )


# --- floats ---------------------------------------------------------------------------


class FloatSub(float):
    def __float__(self):
        return 99.0


class Floatable:
    def __init__(self, value):
        self.value = value

    def __float__(self):
        return self.value


def test_float_subclass_value_is_used_and_override_ignored():
    # PyPy's PyFloat_AsDouble calls the subclass's __float__, as float(x) does.
    assert m.h_to_f64(FloatSub(1.5)) == on_pypy(1.5, 99.0)


def test_float_protocols():
    assert m.h_to_f64(Floatable(2.5)) == 2.5
    if sys.version_info >= (3, 8) and not IS_PYPY:
        # PyFloat_AsDouble falls back to __index__ since 3.8 (not PyPy 3.9's).
        assert m.h_to_f64(Indexable(3)) == 3.0
    else:
        assert error_of(m.h_to_f64, Indexable(3)) == arg_error("must be real number, not Indexable")
    assert m.h_to_f64(7) == 7.0
    assert m.h_to_f64(True) == 1.0
    assert error_of(m.h_to_f64, 10**400) == (OverflowError, "int too large to convert to float")


def test_float_dunders_that_misbehave():
    class Raises:
        __float__ = raiser

    assert error_of(m.h_to_f64, Raises()) == (Boom, "boom")
    assert error_of(m.h_to_f64, Floatable("1.0")) == arg_error(
        on_pypy("Floatable.__float__ returned non-float (type str)", "__float__ returned non-float (type 'str')")
    )
    assert error_of(m.h_to_f64, "1.0") == arg_error("must be real number, not str")
    assert error_of(m.h_to_f64, None) == arg_error("must be real number, not NoneType")


def test_nan_inf_and_negative_zero():
    assert math.isnan(m.h_to_f64(float("nan")))
    assert m.h_to_f64(float("inf")) == float("inf")
    assert m.h_to_f64(float("-inf")) == float("-inf")
    zero = m.h_to_f64(-0.0)
    assert zero == 0.0 and math.copysign(1.0, zero) == -1.0
    zero32 = m.h_to_f32(-0.0)
    assert zero32 == 0.0 and math.copysign(1.0, zero32) == -1.0
    assert math.isnan(m.h_to_f32(float("nan")))
    # Rust's `as f32`: out of range becomes infinity, as C's (float) does.
    assert m.h_to_f32(1e300) == float("inf")
    assert m.h_to_f32(-1e300) == float("-inf")


def test_floats_are_not_ints():
    for value in (float("nan"), float("inf"), -0.0):
        assert error_of(m.h_to_i64, value) == arg_error("'float' object cannot be interpreted as an integer")



@pytest.mark.skipif(IS_PYPY, reason="PyPy accepts a float subclass from __float__ without a warning")
def test_float_returning_float_subclass_warns():
    # CPython accepts a strict float subclass from __float__ with a DeprecationWarning
    # (an error under this suite's warning filter).
    with pytest.warns(DeprecationWarning, match=r"Floatable.__float__ returned non-float \(type FloatSub\)"):
        assert m.h_to_f64(Floatable(FloatSub(2.5))) == 2.5
    with pytest.raises(DeprecationWarning):
        m.h_to_f64(Floatable(FloatSub(2.5)))


def test_huge_int_into_f32():
    assert error_of(m.h_to_f32, 10**400) == (OverflowError, "int too large to convert to float")
    assert m.h_to_f32(2**200) == float("inf")

# --- bool, char, Option ---------------------------------------------------------------


def test_bool_accepts_only_bool():
    assert m.h_to_bool(True) is True
    assert m.h_to_bool(False) is False
    assert error_of(m.h_to_bool, 1) == arg_error("'int' object cannot be cast as 'bool'")
    assert error_of(m.h_to_bool, None) == arg_error("'NoneType' object cannot be cast as 'bool'")


def test_char():
    assert m.h_to_char("é") == "é"
    assert error_of(m.h_to_char, "ab") == (ValueError, "expected a string of length 1")
    assert error_of(m.h_to_char, "") == (ValueError, "expected a string of length 1")
    assert error_of(m.h_to_char, b"a") == arg_error("'bytes' object cannot be cast as 'str'")
    kind, message = error_of(m.h_to_char, "\udcff")
    assert kind is UnicodeEncodeError
    assert "surrogates not allowed" in message


def test_option():
    assert m.h_to_option(None) is None
    assert m.h_to_option(IntSub(4)) == 4
    assert error_of(m.h_to_option, "x") == arg_error("'str' object cannot be interpreted as an integer")


# --- str and bytes --------------------------------------------------------------------


class StrSub(str):
    def __str__(self):
        return "override"

    def encode(self, *args, **kwargs):
        return b"override"


class BytesSub(bytes):
    def __bytes__(self):
        return b"override"

    def __iter__(self):
        return iter([1, 2, 3])


def test_str_subclass_text_is_used_and_overrides_ignored():
    assert m.h_to_string(StrSub("abc")) == "abc"
    assert type(m.h_to_string(StrSub("abc"))) is str
    assert m.h_str_len(StrSub("héllo")) == 6


def test_lone_surrogates_raise_unicode_encode_error():
    for convert in (m.h_to_string, m.h_str_len):
        kind, message = error_of(convert, "a\udcff")
        assert kind is UnicodeEncodeError
        assert message == (
            "'utf-8' codec can't encode character '\\udcff' in position 1: surrogates not allowed"
        )


def test_bytes_where_str_expected():
    assert error_of(m.h_to_string, b"abc") == arg_error("'bytes' object cannot be cast as 'str'")
    assert error_of(m.h_str_len, bytearray(b"abc")) == arg_error(
        "'bytearray' object cannot be cast as 'str'"
    )
    assert error_of(m.h_to_string, 5) == arg_error("'int' object cannot be cast as 'str'")


def test_str_where_bytes_expected():
    assert error_of(m.h_to_byte_vec, "abc") == arg_error("Can't extract `str` to `Vec`")
    assert error_of(m.h_byte_slice, "abc") == arg_error("'str' object cannot be cast as 'bytes'")


def test_bytes_subclass():
    # `&[u8]` reads the bytes object's buffer, ignoring the overrides.
    assert m.h_byte_slice(BytesSub(b"ab")) == [97, 98]
    # `Vec<u8>` copies the buffer of a bytes or bytearray (subclass included) at once, so
    # the subclass's __iter__ is not used (a `Vec<u8>` goes back to Python as `bytes`).
    assert m.h_to_byte_vec(BytesSub(b"ab")) == b"ab"
    assert m.h_to_byte_vec(b"\x00\xff") == b"\x00\xff"
    assert m.h_to_byte_vec(bytearray(b"\x01")) == b"\x01"
    assert m.h_to_byte_vec([255]) == b"\xff"
    assert error_of(m.h_to_byte_vec, [256]) == (
        OverflowError,
        "out of range integral type conversion attempted",
    )


TEXT_CONVERTERS = [m.h_to_string, m.h_str_len, m.h_cow_str] + (
    [m.h_str_ref] if hasattr(m, "h_str_ref") else []
)


@pytest.mark.parametrize("convert", TEXT_CONVERTERS, ids=lambda f: f.__name__)
def test_every_text_argument_kind(convert):
    expected = 6 if convert is m.h_str_len else "héllo"
    assert convert(StrSub("héllo")) == expected
    kind, message = error_of(convert, "ok\udcff")
    assert kind is UnicodeEncodeError
    assert message == "'utf-8' codec can't encode character '\\udcff' in position 2: surrogates not allowed"
    assert error_of(convert, b"abc") == arg_error("'bytes' object cannot be cast as 'str'")
    assert error_of(convert, bytearray(b"abc")) == arg_error("'bytearray' object cannot be cast as 'str'")
    assert error_of(convert, None) == arg_error("'NoneType' object cannot be cast as 'str'")


def test_surrogates_inside_containers():
    kind, message = error_of(m.h_to_string_vec, ["fine", "x\ud800y"])
    assert kind is UnicodeEncodeError
    assert message == "'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed"
    kind, _ = error_of(m.h_to_hashmap, {"\udcff": 1})
    assert kind is UnicodeEncodeError
    assert error_of(m.h_to_string_vec, [b"x"]) == arg_error("'bytes' object cannot be cast as 'str'")

# --- sequences ------------------------------------------------------------------------


class ListSub(list):
    def __iter__(self):
        return iter([7, 8])

    def __len__(self):
        return 1000


class TupleSub(tuple):
    def __iter__(self):
        return iter([7, 8])

    def __getitem__(self, index):
        return 7


class Seq:
    """An old-style sequence: `__getitem__` until IndexError, optionally a `__len__`."""

    def __init__(self, items, length=None, fail_at=None):
        self.items = items
        self.length = length
        self.fail_at = fail_at

    def __getitem__(self, index):
        if index == self.fail_at:
            raise Boom("boom")
        return self.items[index]

    def __len__(self):
        if isinstance(self.length, Exception):
            raise self.length
        return len(self.items) if self.length is None else self.length


def test_list_subclass_iteration_respects_iter():
    # Like list(x) for a subclass: iteration goes through the overridden __iter__.
    assert list(ListSub([1, 2, 3])) == [7, 8]
    assert m.h_to_vec(ListSub([1, 2, 3])) == [7, 8]


@pytest.mark.skipif(IS_PYPY, reason="PyPy's cpyext builds a tuple subclass's C items through its __getitem__")
def test_tuple_subclass_items_are_read_directly():
    # PyTuple_GET_ITEM reads a tuple subclass's own storage, as CPython's C code does.
    assert m.h_to_pair(TupleSub((1, "a"))) == (1, "a")


def test_sequences_that_lie_about_length():
    assert m.h_to_vec(Seq([1, 2], length=100)) == [1, 2]
    assert m.h_to_vec(Seq([1, 2], length=0)) == [1, 2]
    assert m.h_to_vec(Seq([1, 2], length=Boom("len"))) == [1, 2]
    assert error_of(m.h_to_vec, Seq([1, 2], fail_at=1)) == (Boom, "boom")



# PyO3 0.27.2 reserves whatever __len__ claims with `Vec::with_capacity`: the allocation
# fails and the process aborts.
@pytest.mark.differs_from_pyo3
def test_sequence_claiming_a_huge_length():
    for length in (2**40, 2**60, sys.maxsize):
        lying = Seq([0, 1], length=length)
        # CPython's own list() raises MemoryError for it too (not called here: the
        # free-threaded build's allocator reserves the memory instead of refusing it).
        for convert in (m.h_to_vec, m.h_to_string_vec, m.h_to_byte_vec):
            assert error_of(convert, lying) == (MemoryError, "")

        # A list or tuple subclass is a sequence like any other here, as for list().
        class LyingList(list):
            def __len__(self):
                return length

        class LyingTuple(tuple):
            def __len__(self):
                return length

        assert error_of(m.h_to_vec, LyingList([1])) == (MemoryError, "")
        # PyPy's cpyext copies a tuple subclass into C storage through its __len__ as soon
        # as it reaches any C function: PyPy itself runs out of memory or, for 2**60, stops
        # on an internal assertion. Not reachable from an extension there.
        if not IS_PYPY:
            assert error_of(m.h_to_vec, LyingTuple((1,))) == (MemoryError, "")
            # Containers read from their own storage are not misled.
            assert m.h_to_pair(LyingTuple((1, "a"))) == (1, "a")

        class LyingDict(dict):
            def __len__(self):
                return length

        class LyingSet(set):
            def __len__(self):
                return length

        assert m.h_to_hashmap(LyingDict(a=1)) == {"a": 1}
        assert m.h_to_hashset(LyingSet({1})) == [1]

def test_array_length_is_checked():
    assert m.h_to_array(Seq([1, 2, 3])) == [1, 2, 3]
    assert error_of(m.h_to_array, [1, 2]) == (ValueError, "expected a sequence of length 3 (got 2)")
    assert error_of(m.h_to_array, Seq([1, 2, 3], length=Boom("len"))) == (Boom, "len")
    assert error_of(m.h_to_array, Seq([1, 2, 3], length=-1)) == (
        ValueError,
        "__len__() should return >= 0",
    )


def test_iter_and_next_that_misbehave():
    class IterRaises(list):
        __iter__ = raiser

    class IterNotIterator(list):
        def __iter__(self):
            return 5

    class NextRaises:
        def __iter__(self):
            return self

        def __next__(self):
            raise Boom("next")

    assert error_of(m.h_to_vec, IterRaises([1])) == (Boom, "boom")
    assert error_of(m.h_to_vec, IterNotIterator([1])) == arg_error(
        on_pypy("iter() returned non-iterator of type 'int'", "iter() returned non-iterator")
    )
    assert error_of(m.h_collect_iter, NextRaises()) == (Boom, "next")
    assert error_of(m.h_collect_iter, 5) == (TypeError, "'int' object is not iterable")


def test_str_is_not_a_vec():
    assert error_of(m.h_to_vec, "abc") == arg_error("Can't extract `str` to `Vec`")
    assert error_of(m.h_to_vec, {1: 2}) == arg_error("'dict' object cannot be cast as 'Sequence'")
    assert error_of(m.h_to_vec, [1, "x"]) == arg_error("'str' object cannot be interpreted as an integer")


def test_tuple_wrong_length_and_types():
    assert error_of(m.h_to_pair, (1,)) == (
        ValueError,
        "expected tuple of length 2, but got tuple of length 1",
    )
    assert error_of(m.h_to_pair, [1, "a"]) == arg_error("'list' object cannot be cast as 'tuple'")
    assert error_of(m.h_to_pair, ("a", "a")) == arg_error("'str' object cannot be interpreted as an integer")


def test_list_mutated_while_converted():
    items = [1, 2, 3, 4]

    class Clears:
        def __index__(self):
            items.clear()
            return 0

    items[1] = Clears()
    # As list(items) would see it: iteration stops at the (new) end.
    assert m.h_to_vec(items) == [1, 0]

    grow = [1]

    class Grows:
        def __init__(self, n):
            self.n = n

        def __index__(self):
            if self.n < 5:
                grow.append(Grows(self.n + 1))
            return self.n

    grow.append(Grows(2))
    assert m.h_to_vec(grow) == [1, 2, 3, 4, 5]


def test_list_mutated_while_iterated():
    items = [1, 2, 3]
    assert m.h_visit_list(items, lambda item: items.clear()) == 1
    items = [1, 2, 3]
    seen = []
    assert m.h_visit_list(items, lambda item: (seen.append(item), items.pop(0))) == 2
    assert seen == [1, 3]


# --- mappings and sets ----------------------------------------------------------------


class DictSub(dict):
    def items(self):
        return [("override", 1)]

    def __iter__(self):
        return iter(["override"])

    def __getitem__(self, key):
        return 1


def test_dict_subclass_storage_is_read_directly():
    # PyDict_Next reads the dict's own storage, as dict(x) does for a plain dict subclass.
    assert m.h_to_hashmap(DictSub(a=1)) == {"a": 1}


def test_mapping_wrong_types():
    assert error_of(m.h_to_hashmap, [("a", 1)]) == arg_error("'list' object cannot be cast as 'dict'")
    assert error_of(m.h_to_hashmap, {1: 1}) == arg_error("'int' object cannot be cast as 'str'")
    assert error_of(m.h_to_hashmap, {"a": "b"}) == arg_error("'str' object cannot be interpreted as an integer")
    assert error_of(m.h_to_hashset, [1]) == arg_error("'list' object cannot be cast as 'set'")


def test_set_subclass():
    class SetSub(set):
        def __iter__(self):
            return iter([99])

    # Sets are read through their iterator, so the override is respected (as `for x in s`).
    assert m.h_to_hashset(SetSub({1, 2})) == [99]
    assert m.h_to_hashset(frozenset({3})) == [3]


# PyO3 0.27.2 panics here (PanicException: dictionary changed size during iteration).
@pytest.mark.differs_from_pyo3
def test_dict_mutated_while_converted():
    d = {"a": 1, "b": 2, "c": 3}

    class Mutates:
        def __index__(self):
            d.clear()
            d.update(x=1, y=2, z=3, w=4)
            return 0

    d["a"] = Mutates()
    kind, message = error_of(m.h_to_hashmap, d)
    assert kind is RuntimeError
    assert message == "dictionary changed size during iteration"


def test_dict_mutated_while_iterated():
    # Rust code iterating a dict with `for (k, v) in dict` gets PyO3's documented panic,
    # which reaches Python as PanicException.
    d = {"a": 1, "b": 2}
    kind, message = error_of(m.h_visit_dict, d, lambda k, v: d.__setitem__("new", 3))
    assert (kind.__name__, message) == ("PanicException", "dictionary changed size during iteration")


# PyO3 0.27.2 hands the replacement key out first, then panics on the next step.
@pytest.mark.differs_from_pyo3
def test_dict_key_replaced_while_iterated():
    # Same size, another key: refused before the new key is handed out, as CPython does.
    d = {"a": 1}
    visited = []

    def swap(k, v):
        visited.append(k)
        d.pop("a", None)
        d["x"] = 3

    if IS_PYPY:
        # PyPy's PyDict_Next ends quietly after the keys it started with.
        assert m.h_visit_dict(d, swap) == 1
        assert visited == ["a"]
        return
    kind, message = error_of(m.h_visit_dict, d, swap)
    assert (kind.__name__, message) == ("PanicException", "dictionary keys changed during iteration")
    assert visited == ["a"]


# PyO3 0.27.2 unwraps the iterator's error: PanicException instead of RuntimeError.
@pytest.mark.differs_from_pyo3
def test_set_mutated_while_converted():
    s = set()

    class Grows:
        def __index__(self):
            s.add(99)
            return 1

        def __hash__(self):
            return 1

    s.update([Grows(), 5])
    assert error_of(m.h_to_hashset, s) == (
        RuntimeError,
        on_pypy("Set changed size during iteration", "set changed size during iteration"),
    )


class BadHash:
    def __hash__(self):
        raise Boom("hash")


class BadEq:
    def __hash__(self):
        return hash(1)

    def __eq__(self, other):
        raise Boom("eq")


class WrongHash:
    def __hash__(self):
        return "not an int"


def test_hash_and_eq_that_raise():
    assert error_of(m.h_dict_lookup, {1: "x"}, BadHash()) == (Boom, "hash")
    assert error_of(m.h_dict_lookup, {1: "x"}, BadEq()) == (Boom, "eq")
    assert error_of(m.h_hash_of, BadHash()) == (Boom, "hash")
    assert error_of(m.h_hash_of, WrongHash()) == (
        TypeError,
        on_pypy("__hash__ method should return an integer", "__hash__ method should return an integer not 'str'"),
    )
    assert error_of(m.h_hash_of, []) == (TypeError, "unhashable type: 'list'")
    assert error_of(m.h_list_contains, [BadEq()], 1) == (Boom, "eq")
    assert m.h_dict_lookup({1: "x"}, 2) is None


def test_hash_results_are_cpythons():
    class Huge:
        def __hash__(self):
            return 2**100

    class MinusOne:
        def __hash__(self):
            return -1

    class SubclassHash:
        def __hash__(self):
            return IntSub(12345)

    for obj in (Huge(), MinusOne(), SubclassHash(), "text", 2**100, -1, 1.5):
        assert m.h_hash_of(obj) == hash(obj)
    assert m.h_hash_of(MinusOne()) == -2


def test_eq_results_that_misbehave():
    class Falsy:
        def __bool__(self):
            raise Boom("bool")

    class EqReturnsFalsy:
        def __eq__(self, other):
            return Falsy()

    class EqNotImplemented:
        def __eq__(self, other):
            return NotImplemented

    assert error_of(m.h_eq, EqReturnsFalsy(), 1) == (Boom, "bool")
    assert error_of(m.h_list_contains, [EqReturnsFalsy()], 1) == (Boom, "bool")
    # NotImplemented from both sides: identity decides, as for `==`.
    same = EqNotImplemented()
    assert m.h_eq(same, same) is (same == same) is True
    assert m.h_eq(same, EqNotImplemented()) is False
    assert error_of(m.h_eq, BadEq(), 1) == (Boom, "eq")

def test_len_that_misbehaves():
    class Negative:
        def __len__(self):
            return -1

    class Huge:
        def __len__(self):
            return 2**100

    class NotInt:
        def __len__(self):
            return "3"

    assert error_of(m.h_len_of, Negative()) == (ValueError, "__len__() should return >= 0")
    assert error_of(m.h_len_of, Huge()) == (
        OverflowError,
        "cannot fit 'int' into an index-sized integer",
    )
    assert error_of(m.h_len_of, NotInt()) == (
        TypeError,
        "'str' object cannot be interpreted as an integer",
    )


# --- paths ----------------------------------------------------------------------------


class PathLike:
    def __init__(self, value):
        self.value = value

    def __fspath__(self):
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


def test_fspath_protocol():
    assert str(m.h_to_path(PathLike("a/b"))) == "a/b"
    # os.fspath() accepts a str subclass from __fspath__; its text is used.
    assert str(m.h_to_path(PathLike(StrSub("c/d")))) == "c/d"
    # Like PyO3, a path is text: `__fspath__` returning bytes is refused.
    assert error_of(m.h_to_path, PathLike(b"a/b")) == arg_error("'bytes' object cannot be cast as 'str'")
    assert error_of(m.h_to_path, PathLike(Boom("fspath"))) == (Boom, "fspath")
    assert error_of(m.h_to_path, PathLike(5)) == arg_error(
        "expected PathLike.__fspath__() to return str or bytes, not int"
    )
    assert error_of(m.h_to_path, 5) == arg_error("expected str, bytes or os.PathLike object, not int")


@pytest.mark.skipif(os.name != "posix", reason="surrogateescape is the POSIX file system encoding")
def test_os_strings_round_trip_surrogate_escapes():
    assert m.h_os_bytes("a\udcff") == b"a\xff"
    assert str(m.h_to_path("a\udcff")) == "a\udcff"



# --- keyword names --------------------------------------------------------------------


def keywords_error(name):
    """CPython's message for a non-str keyword name reaching function `name`: from 3.9 its
    own unpacking of the dict refuses it; 3.7 and 3.8 pass it on and the callee names itself
    (as a Python function does there)."""
    if sys.version_info >= (3, 9):
        return (TypeError, "keywords must be strings")
    return (TypeError, name + "() keywords must be strings")


pypy_refuses_non_str_keywords = pytest.mark.skipif(
    IS_PYPY, reason="PyPy refuses non-str keyword names before a call reaches the extension"
)


@pypy_refuses_non_str_keywords
def test_non_string_keyword_names_in_functions():
    assert error_of(functools.partial(m.h_to_i64, **{1: 2}), 1) == keywords_error("h_to_i64")


# PyO3 0.27.2 reads such a name with str() in `__new__` ("Reentrant.__new__() got an
# unexpected keyword argument '1'") and, in a function with **kwargs (which it calls with
# a tuple and a dict), puts it in the kwargs dict.
@pytest.mark.differs_from_pyo3
@pypy_refuses_non_str_keywords
def test_non_string_keyword_names_reaching_rust():
    # `functools.partial` hands its dict on unchecked, and `type.__call__` passes it to a
    # class's `__new__` as is: a non-str name is refused, never read as a str.
    assert error_of(functools.partial(m.Reentrant, **{1: 2}), None) == (
        TypeError,
        "keywords must be strings",
    )
    assert error_of(functools.partial(m.sig_kwargs, **{1: 2}), 1) == keywords_error("sig_kwargs")

# --- re-entrancy ----------------------------------------------------------------------


def test_reentrant_call_while_mutably_borrowed():
    obj = m.Reentrant(lambda this: this.value)
    assert error_of(obj.bump) == (RuntimeError, "Already mutably borrowed")
    assert obj.value == 0
    obj = m.Reentrant(lambda this: None)
    assert obj.bump() == 1


def test_reentrant_mutation_from_repr():
    obj = m.Reentrant(lambda this: this.set(5))
    assert error_of(repr, obj) == (RuntimeError, "Already borrowed")
    obj = m.Reentrant(lambda this: this.value)
    assert repr(obj) == "Reentrant(0, 0)"
    assert obj.value == 0


# PyO3 0.27.2 turns any failure to borrow `self` in a comparison into NotImplemented, so
# `obj == obj` silently falls back to identity (True) without running __eq__.
@pytest.mark.differs_from_pyo3
def test_reentrant_eq():
    obj = m.Reentrant(lambda other: other == obj)
    assert error_of(operator.eq, obj, obj) == (RuntimeError, "Already borrowed")
    assert obj.value == 0  # the failed call left no borrow behind
    # obj.__eq__ (obj borrowed) asks `other == obj`: other's own __eq__ answers.
    other = m.Reentrant(lambda other: True)
    assert (obj == other) is True
    obj2 = m.Reentrant(lambda other: other.value == 0)
    assert (obj2 == other) is True


@pytest.mark.refcounts
def test_reentrant_cycles_are_collected():
    # A callback that closes over the object makes a cycle only __traverse__ reveals; the
    # sentinel, held by the callback, shows whether the cycle was freed.
    sentinel = object()
    before = sys.getrefcount(sentinel)
    obj = m.Reentrant(lambda this, keep=sentinel: obj)
    obj.bump()
    assert sys.getrefcount(sentinel) == before + 1
    del obj
    gc.collect()
    assert sys.getrefcount(sentinel) == before


@pytest.mark.refcounts
def test_no_leaks_from_failed_conversions():
    def count_after(call, value):
        for _ in range(20):
            try:
                call(value)
            except (TypeError, UnicodeEncodeError):
                pass
        gc.collect()
        return sys.getrefcount(value)

    value = "refcount-probe-\udcff"
    before = count_after(lambda value: None, value)
    assert count_after(m.h_to_string, value) == before
    assert count_after(m.h_str_len, value) == before
    assert count_after(m.h_to_i64, value) == before
    seq = [1, 2, "x"]
    before = count_after(lambda value: None, seq)
    assert count_after(m.h_to_vec, seq) == before
    assert count_after(m.h_to_array, seq) == before
