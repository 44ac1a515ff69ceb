"""Derived FromPyObject / IntoPyObject conversions seen from Python."""
import pytest

import pyo3_pytests as m


def test_struct_round_trip():
    assert m.derive_swap({"x": 1, "y": 2}) == {"x": 2, "y": 1}


def test_struct_errors_name_the_argument_and_field():
    with pytest.raises(TypeError) as info:
        m.derive_swap({"x": "a", "y": 2})
    assert str(info.value) == "argument 'p': failed to extract field Point.x"
    assert "cannot be interpreted as an integer" in str(info.value.__cause__)
    with pytest.raises(KeyError):
        m.derive_swap({"x": 1})


def test_enum_variants():
    assert m.derive_number(3) == "int 3"
    assert m.derive_number("s") == "text s"
    with pytest.raises(TypeError) as info:
        m.derive_number([])
    lines = str(info.value).splitlines()
    assert lines[0] == "argument 'n': failed to extract enum Number ('int | str')"
    assert lines[1].startswith("- variant Int (int): TypeError: failed to extract field Number::Int.0")
    assert lines[2].startswith("- variant Text (str): TypeError: failed to extract field Number::Text.0")


def test_tuple_struct_into_tuple():
    assert m.derive_pair() == (1, "one")
