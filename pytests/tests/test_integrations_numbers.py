"""Number-like optional-crate conversions (num-bigint, num-complex, num-rational,
rust_decimal, bigdecimal, ordered-float, uuid), round-tripped through Rust."""
import decimal
import math
import re
import struct
import sys
import uuid
from fractions import Fraction

import pytest

import pyo3_pytests as m

# The stable-ABI build has no access to CPython's 3.13 byte-conversion API.
ABI3 = m.LIMITED_API


def raises(exc, message):
    """`pytest.raises` requiring exactly this message."""
    return pytest.raises(exc, match="^" + re.escape(message) + "$")


def as_f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def signed_values():
    values = [0, -1, 1, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**64 - 1, 2**64,
              -(2**64), 2**127 - 1, -(2**127), 2**128 - 1, 2**1000, -(2**1000)]
    for bits in range(1, 140):
        values += [2**bits, 2**bits - 1, -(2**bits), -(2**bits) + 1]
    return values


# --- num-bigint ---------------------------------------------------------------------------


def test_bigint_round_trips():
    for v in signed_values():
        out = m.rt_bigint(v)
        assert out == v and type(out) is int
        if v >= 0:
            out = m.rt_biguint(v)
            assert out == v and type(out) is int
            assert m.biguint_to_string(v) == str(v)


def test_bigint_built_in_rust():
    assert m.bigint_power_of_two(1000, False, 0) == 2**1000
    assert m.bigint_power_of_two(1000, True, 0) == -(2**1000)
    assert m.bigint_power_of_two(64, False, -1) == 2**64 - 1
    assert m.bigint_power_of_two(63, True, 0) == -(2**63)
    assert m.bigint_power_of_two(0, True, 1) == 0


def test_bigint_accepts_index_and_int_subclasses():
    class Index:
        def __index__(self):
            return -(2**100)

    class MyInt(int):
        pass

    assert m.rt_bigint(Index()) == -(2**100)
    assert m.rt_bigint(True) == 1 and type(m.rt_bigint(True)) is int
    out = m.rt_biguint(MyInt(2**70))
    assert out == 2**70 and type(out) is int


def test_negative_into_biguint_is_refused():
    if sys.version_info >= (3, 13) and not ABI3:
        expected = raises(ValueError, "Cannot convert negative int")
    else:
        expected = raises(OverflowError, "can't convert negative int to unsigned")
    for v in [-1, -(2**63), -(2**63) - 1, -(2**1000)]:
        with expected:
            m.rt_biguint(v)


def test_bigint_wrong_types():
    with raises(TypeError, "argument 'x': 'float' object cannot be interpreted as an integer"):
        m.rt_bigint(1.0)
    with raises(TypeError, "argument 'x': 'str' object cannot be interpreted as an integer"):
        m.rt_biguint("12")


# --- num-complex --------------------------------------------------------------------------


def test_complex_round_trips():
    for z in [0j, -1 + 0j, 3 + 1.2j, complex(1.7976931348623157e308, -5e-324),
              complex("inf-infj")]:
        out = m.rt_complex64(z)
        assert out == z and type(out) is complex
    out = m.rt_complex64(complex("nan+nanj"))
    assert math.isnan(out.real) and math.isnan(out.imag)
    assert math.copysign(1.0, m.rt_complex64(complex(0.0, -0.0)).imag) == -1.0
    assert m.complex_mul(1j, 1j) == -1 + 0j
    assert m.complex_mul(1 + 2j, 3 - 1j) == (1 + 2j) * (3 - 1j)


def test_complex_f32_rounds():
    assert m.rt_complex32(0.1 + 0.2j) == complex(as_f32(0.1), as_f32(0.2))
    assert m.rt_complex32(complex(1e300, -1e300)) == complex("inf-infj")


def test_complex_follows_conversion_protocols():
    class WithComplex:
        def __complex__(self):
            return 3 + 1.2j

    class WithFloat:
        def __float__(self):
            return 3.5

    class WithIndex:
        def __index__(self):
            return 3

    class Inherits(WithComplex):
        pass

    class SubComplex(complex):
        pass

    assert m.rt_complex64(WithComplex()) == 3 + 1.2j
    assert m.rt_complex64(Inherits()) == 3 + 1.2j
    assert m.rt_complex64(WithFloat()) == 3.5 + 0j
    assert m.rt_complex64(SubComplex(1, 2)) == 1 + 2j
    assert m.rt_complex64(2.5) == 2.5 + 0j
    assert m.rt_complex32(7) == 7 + 0j
    # PyComplex_AsCComplex falls back to __index__ from 3.8 (not in PyPy 3.9's cpyext).
    if sys.version_info >= (3, 8) and sys.implementation.name != "pypy":
        assert m.rt_complex64(WithIndex()) == 3 + 0j


def test_complex_wrong_types():
    with raises(TypeError, "argument 'z': must be real number, not str"):
        m.rt_complex64("1+2j")
    with raises(TypeError, "argument 'z': must be real number, not list"):
        m.rt_complex32([1])

    class Raising:
        def __complex__(self):
            raise ValueError("nope")

    with raises(ValueError, "nope"):
        m.rt_complex64(Raising())


# --- num-rational -------------------------------------------------------------------------


@pytest.mark.parametrize("bits,func", [(8, "rt_ratio_i8"), (16, "rt_ratio_i16"),
                                       (32, "rt_ratio_i32"), (64, "rt_ratio_i64"),
                                       (64, "rt_ratio_isize")])
def test_ratio_round_trips(bits, func):
    rt = getattr(m, func)
    lo, hi = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    for f in [Fraction(0), Fraction(-1), Fraction(hi), Fraction(lo), Fraction(1, hi),
              Fraction(-1, hi), Fraction(hi, hi - 1), Fraction(lo + 1, hi), Fraction(2, 6)]:
        out = rt(f)
        assert out == f and type(out) is Fraction
    # An int is a rational with denominator 1.
    assert rt(-7) == Fraction(-7)
    if bits < 64:
        too_big = raises(OverflowError, "out of range integral type conversion attempted")
    else:
        # CPython's own message, which differs between versions.
        too_big = pytest.raises(OverflowError, match="^(Python )?int too (big|large) to convert")
    with too_big:
        rt(Fraction(hi + 1, 3))


def test_ratio_overflow_messages():
    with raises(OverflowError, "out of range integral type conversion attempted"):
        m.rt_ratio_i8(Fraction(1, 128))
    with pytest.raises(OverflowError, match="^(Python )?int too (big|large) to convert"):
        m.rt_ratio_i64(Fraction(2**63, 5))


def test_ratio_built_in_rust():
    assert m.ratio_i64(4, -6) == Fraction(-2, 3)
    assert m.ratio_i64(-(2**63), 1) == Fraction(-(2**63))
    # A denominator of zero cannot become a Fraction: Python's own error.
    with raises(ZeroDivisionError, "Fraction(1, 0)"):
        m.ratio_unchecked_zero()


def test_ratio_bigint():
    for f in [Fraction(2**1000, 3), Fraction(-(2**1000), 3), Fraction(1, 2**1000 + 1),
              Fraction(0)]:
        out = m.rt_ratio_bigint(f)
        assert out == f and type(out) is Fraction
    assert m.rt_ratio_bigint(2**200) == Fraction(2**200)


def test_ratio_duck_typed():
    class Rational:
        numerator = 10
        denominator = -4

    assert m.rt_ratio_i8(Rational()) == Fraction(-5, 2)
    with raises(AttributeError, "'float' object has no attribute 'numerator'"):
        m.rt_ratio_i32(1.5)


# PyO3 builds the ratio with `Ratio::new`, which panics on a zero denominator (a
# `PanicException`); this implementation raises what `Fraction(n, 0)` raises.
@pytest.mark.differs_from_pyo3
def test_ratio_zero_denominator_raises_zero_division():
    class Zero:
        numerator = 5
        denominator = 0

    with raises(ZeroDivisionError, "Fraction(5, 0)"):
        m.rt_ratio_i32(Zero())


# --- rust_decimal -------------------------------------------------------------------------


def test_rust_decimal_round_trips():
    for text in ["0", "-1", "1.50", "-0.0000000000000000000000000001",
                 "79228162514264337593543950335", "-79228162514264337593543950335",
                 "7.9228162514264337593543950335", "0.000"]:
        d = decimal.Decimal(text)
        out = m.rt_rust_decimal(d)
        assert type(out) is decimal.Decimal
        assert str(out) == str(d)
    top, bottom, tiny = m.rust_decimal_extremes()
    assert top == 2**96 - 1 and bottom == -(2**96 - 1)
    assert tiny == decimal.Decimal("1E-28")


def test_rust_decimal_from_other_objects():
    assert m.rt_rust_decimal(42) == decimal.Decimal(42)
    assert m.rt_rust_decimal(-(2**63)) == decimal.Decimal(-(2**63))
    assert m.rt_rust_decimal(1.25) == decimal.Decimal("1.25")
    assert m.rt_rust_decimal("3.50") == decimal.Decimal("3.50")
    assert m.rt_rust_decimal(decimal.Decimal("1.5E+3")) == 1500
    assert m.rt_rust_decimal(1e-05) == decimal.Decimal("0.00001")


def test_rust_decimal_unrepresentable():
    for value in [decimal.Decimal("NaN"), decimal.Decimal("-Infinity"), float("inf"), "abc"]:
        with raises(ValueError, "Failed to parse"):
            m.rt_rust_decimal(value)
    with raises(ValueError, "Failed to parse"):
        m.rt_rust_decimal(2**96)
    with raises(ValueError, "Scale exceeds the maximum precision allowed: 30 > 28"):
        m.rt_rust_decimal(decimal.Decimal("1E+30"))


# --- bigdecimal ---------------------------------------------------------------------------


def test_bigdecimal_round_trips_keep_exponent():
    for text in ["0", "-1", "1.50", "-0.001", "1E-1000", "-1.2345678901234567890123456789E+519",
                 "1E+3", "340282366920938463463374607431768211456", "0.000", "7E+999999999"]:
        d = decimal.Decimal(text)
        out = m.rt_bigdecimal(d)
        assert type(out) is decimal.Decimal
        assert str(out) == str(d)
        assert out.as_tuple() == d.as_tuple()


def test_bigdecimal_is_exact_beyond_the_context():
    assert m.rt_bigdecimal(2**1000) == decimal.Decimal(2**1000)
    out = m.bigdecimal_new(-(2**1000), 5000)
    assert out == decimal.Decimal("-" + str(2**1000) + "E-5000")
    assert m.bigdecimal_new(1, -3) == decimal.Decimal("1E+3")
    assert str(m.bigdecimal_new(150, 2)) == "1.50"
    assert m.rt_bigdecimal(0.1) == decimal.Decimal("0.1")
    assert m.rt_bigdecimal("6.02e23") == decimal.Decimal("6.02E+23")


def test_bigdecimal_refuses_nan_and_infinities():
    with pytest.raises(ValueError, match="^.+$"):
        m.rt_bigdecimal(decimal.Decimal("NaN"))
    with pytest.raises(ValueError, match="^.+$"):
        m.rt_bigdecimal(float("-inf"))
    with pytest.raises(ValueError, match="^.+$"):
        m.rt_bigdecimal("abc")


def test_bigdecimal_unrepresentable_exponent():
    with pytest.raises(decimal.InvalidOperation):
        m.bigdecimal_new(1, -(2**63))


# --- ordered-float ------------------------------------------------------------------------


def test_ordered_float_round_trips():
    for x in [0.0, -1.0, 1.7976931348623157e308, 5e-324, float("inf"), float("-inf")]:
        for rt in [m.rt_ordered_f64, m.rt_not_nan_f64]:
            out = rt(x)
            assert out == x and type(out) is float
    assert math.isnan(m.rt_ordered_f64(float("nan")))
    assert math.isnan(m.rt_ordered_f32(float("nan")))
    assert math.copysign(1.0, m.rt_ordered_f64(-0.0)) == -1.0
    assert m.rt_ordered_f32(0.1) == as_f32(0.1)
    assert m.rt_not_nan_f32(1e300) == float("inf")
    assert m.rt_not_nan_f64(3) == 3.0


def test_ordered_float_total_order():
    out = m.sort_ordered([3.0, float("nan"), float("-inf"), 1.0, -0.0])
    assert out[:4] == [float("-inf"), -0.0, 1.0, 3.0]
    assert math.isnan(out[4])


def test_not_nan_refuses_nan():
    for rt in [m.rt_not_nan_f64, m.rt_not_nan_f32]:
        with raises(ValueError, "NotNan constructed with NaN"):
            rt(float("nan"))

    class FloatNan:
        def __float__(self):
            return float("nan")

    with raises(ValueError, "NotNan constructed with NaN"):
        m.rt_not_nan_f64(FloatNan())


def test_ordered_float_wrong_types():
    with raises(TypeError, "argument 'x': must be real number, not str"):
        m.rt_ordered_f64("1.0")
    with raises(TypeError, "argument 'x': must be real number, not NoneType"):
        m.rt_not_nan_f32(None)


# --- uuid ---------------------------------------------------------------------------------


def test_uuid_round_trips():
    for u in [uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), uuid.uuid4(),
              uuid.UUID("a1a2a3a4-b1b2-c1c2-d1d2-d3d4d5d6d7d8")]:
        out = m.rt_uuid(u)
        assert out == u and type(out) is uuid.UUID
    u = uuid.uuid4()
    assert m.uuid_fields(u) == (u.int, 4)
    assert m.uuid_from_u128(2**128 - 1) == uuid.UUID("ffffffff-ffff-ffff-ffff-ffffffffffff")


def test_uuid_subclass():
    class MyUUID(uuid.UUID):
        pass

    assert m.rt_uuid(MyUUID(int=12345)) == uuid.UUID(int=12345)


def test_uuid_wrong_types():
    for value in ["a1a2a3a4-b1b2-c1c2-d1d2-d3d4d5d6d7d8", 0, b"0123456789abcdef", None]:
        with raises(TypeError, "argument 'u': Expected a `uuid.UUID` instance."):
            m.rt_uuid(value)
