"""pyo3-arrow's classes and conversions, talking to pyarrow and arro3-core (both built with
crates.io PyO3) through the Arrow PyCapsule interface."""
import arro3.core
import numpy as np
import pyarrow as pa
import pytest

import eco_arrow


def test_readme_take():
    arr = pa.array([2, 3, 0, 1])
    out = eco_arrow.take(arr, arr)
    assert isinstance(out, pa.Int64Array)
    assert out.to_pylist() == [0, 1, 2, 3]


def test_any_capsule_producer_is_accepted():
    assert eco_arrow.sum_int64(pa.array([1, 2, None, 4])) == 7
    assert eco_arrow.sum_int64(pa.chunked_array([[1, 2], [3]]).combine_chunks()) == 6
    assert eco_arrow.sum_int64(arro3.core.Array.from_arrow(pa.array([5, 6]))) == 11
    with pytest.raises(TypeError, match="expected int64, got Utf8"):
        eco_arrow.sum_int64(pa.array(["a"]))


def test_not_arrow_data():
    # A ValueError from extraction is not prefixed with the argument name (only TypeErrors are).
    with pytest.raises(ValueError) as info:
        eco_arrow.sum_int64([1, 2, 3])
    assert str(info.value) == (
        "Expected object with __arrow_c_array__ method or implementing buffer protocol.")


def test_array_class_methods():
    arr = eco_arrow.make_array(6)
    assert type(arr) is eco_arrow.Array
    assert type(arr).__module__ == "arro3.core._core" and type(arr).__name__ == "Array"
    assert len(arr) == 6
    assert arr.null_count == 2
    assert arr.to_pylist() == [0, 1, None, 3, 4, None]
    assert pa.array(arr).to_pylist() == [0, 1, None, 3, 4, None]
    assert arr == eco_arrow.Array(pa.array([0, 1, None, 3, 4, None]))
    assert not (arr == eco_arrow.Array(pa.array([0, 1, 2, 3, 4, 5])))
    assert "Array" in repr(arr) and "Int64" in repr(arr)


def test_array_index_and_numpy():
    arr = eco_arrow.Array(pa.array([10, 20, 30]))
    assert arr[0].as_py() == 10 and arr[-1].as_py() == 30
    with pytest.raises(IndexError):
        arr[3]
    as_numpy = np.asarray(arr)
    assert as_numpy.dtype == np.int64 and as_numpy.tolist() == [10, 20, 30]
    from_numpy = eco_arrow.Array.from_numpy(np.array([1.5, 2.5]))
    assert pa.array(from_numpy).to_pylist() == [1.5, 2.5]


def test_methods_returning_arro3_objects():
    arr = eco_arrow.Array(pa.array([1, 2, 3, 4]))
    sliced = arr.slice(1, 2)
    assert isinstance(sliced, arro3.core.Array)
    assert pa.array(sliced).to_pylist() == [2, 3]
    taken = arr.take(eco_arrow.Array(pa.array([3, 0], pa.int32())))
    assert pa.array(taken).to_pylist() == [4, 1]
    assert str(arr.type) == str(arro3.core.DataType.int64())


def test_constructor_signature():
    assert eco_arrow.Array([1, 2], type=arro3.core.DataType.int64()).to_pylist() == [1, 2]
    # `(obj, /, type=None, *)`: `type` may be positional, a third argument may not.
    assert eco_arrow.Array(pa.array([1]), pa.int64()).to_pylist() == [1]
    with pytest.raises(TypeError, match="positional argument"):
        eco_arrow.Array(pa.array([1]), None, None)
    with pytest.raises(TypeError, match="obj"):
        eco_arrow.Array(obj=pa.array([1]))


def test_subclass():
    class Mine(eco_arrow.Array):
        pass

    m = Mine(pa.array([1, 2]))
    assert isinstance(m, eco_arrow.Array) and len(m) == 2
    assert eco_arrow.sum_int64(m) == 3


def test_tables_batches_fields_schemas():
    table = pa.table({"a": [1, 2, 3], "b": ["x", "y", "z"]})
    assert eco_arrow.describe_table(table) == (["a", "b"], 3)
    batch = table.to_batches()[0]
    echoed = eco_arrow.echo_batch(batch)
    assert type(echoed) is eco_arrow.RecordBatch
    assert pa.record_batch(echoed).equals(batch)
    assert eco_arrow.describe_field(pa.field("f", pa.float32(), nullable=False)) == (
        "f", "Float32", False)
    schema = eco_arrow.schema_to_pyarrow(table.schema)
    assert isinstance(schema, pa.Schema) and schema.equals(table.schema)
