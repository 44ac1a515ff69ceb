"""Optional-crate conversions: hashbrown, indexmap, smallvec, either, bytes, anyhow, eyre,
serde, the lock_api/parking_lot lock extensions and py-clone, driven from Python."""
import gc
import json
import sys
import threading

import pytest

import pyo3_pytests as m


def test_hashbrown_map():
    assert m.hashbrown_map_rt({"a": 1, "b": -2}) == {"a": 1, "b": -2}
    assert m.hashbrown_map_rt({}) == {}
    assert type(m.hashbrown_map_rt({})) is dict
    assert m.hashbrown_map_ref({"k": [1, 2]}) == {"k": b"\x01\x02"}
    with pytest.raises(TypeError, match="^argument 'map': 'list' object cannot be cast as 'dict'$"):
        m.hashbrown_map_rt([("a", 1)])
    with pytest.raises(TypeError, match="^argument 'map': 'int' object cannot be cast as 'str'$"):
        m.hashbrown_map_rt({1: 1})
    with pytest.raises(OverflowError):
        m.hashbrown_map_rt({"big": 2**64})


def test_hashbrown_set():
    assert m.hashbrown_set_rt({1, 2, 3}) == {1, 2, 3}
    assert m.hashbrown_set_rt(frozenset([4, 5])) == {4, 5}
    assert type(m.hashbrown_set_rt(frozenset())) is set
    with pytest.raises(TypeError, match="^argument 'set': 'list' object cannot be cast as 'set'$"):
        m.hashbrown_set_rt([1, 2])
    with pytest.raises(TypeError, match="^argument 'set': 'str' object cannot be interpreted as an integer$"):
        m.hashbrown_set_rt({"x"})


def test_indexmap_keeps_order_both_ways():
    keys = [f"k{i}" for i in range(20, 0, -1)]
    source = {k: i for i, k in enumerate(keys)}
    out = m.indexmap_rt(source)
    assert type(out) is dict
    assert list(out) == keys
    assert out == source
    assert m.indexmap_keys(source) == keys
    assert list(m.indexmap_sorted_by_value({"c": 3, "a": 1, "b": 2})) == ["a", "b", "c"]
    assert list(m.indexmap_sorted_by_value({"a": 3, "b": 2, "c": 1})) == ["c", "b", "a"]
    with pytest.raises(TypeError, match="^argument 'map': 'list' object cannot be cast as 'dict'$"):
        m.indexmap_rt([])


def test_smallvec():
    assert m.smallvec_rt([1, 2, 3]) == [1, 2, 3]
    assert m.smallvec_rt((4, 5)) == [4, 5]
    assert m.smallvec_rt(range(3)) == [0, 1, 2]
    assert type(m.smallvec_rt(())) is list
    assert m.smallvec_spilled([1, 2, 3, 4]) is False
    assert m.smallvec_spilled([1, 2, 3, 4, 5]) is True
    assert m.smallvec_bytes([104, 105]) == b"hi"
    assert m.smallvec_bytes(b"raw") == b"raw"
    with pytest.raises(TypeError, match="^argument 'items': Can't extract `str` to `SmallVec`$"):
        m.smallvec_rt("abc")
    with pytest.raises(TypeError, match="^argument 'items': 'dict' object cannot be cast as 'Sequence'$"):
        m.smallvec_rt({1: 2})
    with pytest.raises(TypeError, match="^argument 'items': 'int' object cannot be cast as 'Sequence'$"):
        m.smallvec_rt(5)
    with pytest.raises(OverflowError):
        m.smallvec_bytes([256])


def test_either():
    assert m.either_rt(5) == 5
    assert m.either_rt("five") == "five"
    assert m.either_side(1.5) == "left"
    # An int converts to f64 too, and the left side is tried first.
    assert m.either_side(7) == "left"
    assert m.either_side(True) == "left"
    with pytest.raises(TypeError) as info:
        m.either_rt(1.5)
    assert str(info.value) == (
        "argument 'value': failed to convert the value to 'Union[i64, alloc::string::String]'"
    )
    with pytest.raises(TypeError, match=r"^argument 'value': failed to convert the value to 'Union\[f64, i64\]'$"):
        m.either_side("x")


def test_bytes():
    assert m.bytes_rt(b"foo\x00bar") == b"foo\x00bar"
    assert type(m.bytes_rt(b"")) is bytes
    assert m.bytes_rt(bytearray(b"abc")) == b"abc"
    assert type(m.bytes_rt(bytearray(b"abc"))) is bytes
    assert m.bytes_slice(b"0123456789", 2, 5) == b"234"
    assert m.bytes_static() == b"static\x00data"
    with pytest.raises(TypeError, match=r"^argument 'data': 'str' object cannot be cast as 'bytes \| bytearray'$"):
        m.bytes_rt("text")
    with pytest.raises(TypeError, match=r"^argument 'data': 'memoryview' object cannot be cast as 'bytes \| bytearray'$"):
        m.bytes_rt(memoryview(b"x"))


@pytest.mark.refcounts
def test_bytes_extraction_holds_a_reference():
    data = b"x" * 1000 + bytes([1])
    before = sys.getrefcount(data)
    assert m.bytes_rt(data) == data
    gc.collect()
    assert sys.getrefcount(data) == before


@pytest.mark.parametrize("fail", [m.anyhow_fail, m.eyre_fail])
def test_error_reports(fail):
    # A bare PyErr comes back unchanged.
    with pytest.raises(KeyError) as info:
        fail("pyerr")
    assert info.value.args == ("missing",)
    # With context around it, it becomes a RuntimeError carrying the chain.
    with pytest.raises(RuntimeError) as info:
        fail("pyerr-context")
    assert type(info.value) is RuntimeError
    assert str(info.value).startswith("while checking\n\nCaused by:\n    ValueError: bad value")
    with pytest.raises(RuntimeError) as info:
        fail("other")
    assert str(info.value).startswith("plain failure: other")


def test_anyhow_chain_format():
    with pytest.raises(RuntimeError) as info:
        m.anyhow_fail("chain")
    assert str(info.value).startswith(
        "outer step failed\n\nCaused by:\n    0: inner step failed\n    1: oh no!"
    )
    with pytest.raises(RuntimeError) as info:
        m.anyhow_fail("question-mark")
    assert str(info.value).startswith("invalid digit found in string")


def test_eyre_chain_format():
    with pytest.raises(RuntimeError) as info:
        m.eyre_fail("chain")
    message = str(info.value)
    assert message.startswith("outer step failed\n\nCaused by:\n   0: inner step failed\n   1: oh no!")
    # eyre's default handler also says where the report was made.
    assert "Location:" in message
    assert "integrations_collections.rs" in message


def test_serde_round_trip():
    points = [m.SerdePoint(1, 2), m.SerdePoint(-3, 4)]
    points[0].x = 10
    text = m.serde_to_json(points)
    assert json.loads(text) == [{"x": 10, "y": 2}, {"x": -3, "y": 4}]
    back = m.serde_from_json('[{"x": 5, "y": 6}]')
    assert len(back) == 1
    assert type(back[0]) is m.SerdePoint
    assert (back[0].x, back[0].y) == (5, 6)
    assert m.serde_from_json("[]") == []
    with pytest.raises(ValueError, match="^missing field `y` at line 1 column 9$"):
        m.serde_from_json('[{"x": 1}]')
    with pytest.raises(ValueError, match="^Already mutably borrowed$"):
        points[1].to_json_while_borrowed()


def test_parking_lot_locks_from_threads():
    counters = m.ParkingCounters()
    calls = []

    def callback():
        # Runs while a parking_lot mutex is held, and needs the interpreter.
        calls.append(threading.get_ident())

    def work():
        for _ in range(50):
            counters.add(2, callback)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counters.values() == (400, 400, 400, 400, 200, 400)
    assert len(calls) == 200


def test_parking_lot_once_runs_once():
    started = threading.Barrier(4)
    results = []
    inits = []

    def init():
        inits.append(1)

    def work():
        started.wait()
        results.append(m.parking_once(init))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [1, 1, 1, 1]
    assert inits == [1]
    assert m.parking_once(init) == 1


@pytest.mark.refcounts
def test_py_clone():
    obj = object()
    before = sys.getrefcount(obj)
    a, b = m.py_clone_twice(obj)
    assert a is obj and b is obj
    assert sys.getrefcount(obj) == before + 2
    del a, b
    assert sys.getrefcount(obj) == before


def refcount(obj):
    """`sys.getrefcount(obj)`, or None on PyPy, which has no reference counts."""
    return sys.getrefcount(obj) if hasattr(sys, "getrefcount") else None


def test_py_clone_detached_panics():
    obj = object()
    before = refcount(obj)
    try:
        m.py_clone_detached(obj)
    except BaseException as error:  # PanicException derives from BaseException
        panic = error
    else:
        pytest.fail("cloning while detached did not panic")
    assert type(panic).__name__ == "PanicException"
    assert str(panic) == "Cannot clone pointer into Python heap without the thread being attached."
    del panic
    gc.collect()
    assert refcount(obj) == before
