"""Date/time integrations (chrono, chrono-tz, chrono-local, time, jiff) seen from Python:
values both ways, fold and leap seconds, and the exceptions for naive/aware mix-ups,
out-of-range values and wrong types."""
import re
import sys
import warnings
from datetime import date, datetime, time, timedelta, timezone, tzinfo

import pytest

import pyo3_pytests as m

needs_zoneinfo = pytest.mark.skipif(
    sys.version_info < (3, 9), reason="zoneinfo is new in Python 3.9"
)

if sys.version_info >= (3, 9):
    from zoneinfo import ZoneInfo


def own_message(call):
    """The message of the error the interpreter's own `datetime` raises for `call()`: where a
    conversion builds a datetime object, the error is the interpreter's (PyPy's pure-Python
    `datetime` words it differently from CPython's C one)."""
    try:
        call()
    except (ValueError, OverflowError) as error:
        return str(error)
    raise AssertionError("expected an error")


def raises(exc, message):
    """pytest.raises matching the whole message exactly."""
    return pytest.raises(exc, match="^" + re.escape(message) + "$")


UTC = timezone.utc
PLUS_0530 = timezone(timedelta(hours=5, minutes=30))

# --- chrono ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "delta",
    [
        timedelta(0),
        timedelta(days=3, seconds=7, microseconds=11),
        timedelta(microseconds=-1),
        timedelta.max,
        timedelta.min,
    ],
)
def test_chrono_duration_round_trip(delta):
    assert m.chrono_rt_duration(delta) == delta
    assert m.time_rt_duration(delta) == delta
    assert m.jiff_rt_signed_duration(delta) == delta


def test_chrono_duration_truncates_and_overflows():
    assert m.chrono_duration(0, 1_999) == timedelta(microseconds=1)
    assert m.chrono_duration(0, -1_999) == timedelta(microseconds=-1)
    assert m.chrono_duration(-86_400, 0) == timedelta(days=-1)
    with raises(OverflowError, own_message(lambda: timedelta(days=1000000000))):
        m.chrono_duration(86_400 * 1_000_000_000, 0)
    with raises(OverflowError, own_message(lambda: timedelta(days=-1000000000))):
        m.chrono_duration(-86_400 * 1_000_000_000, 0)
    with raises(TypeError, "argument 'value': 'float' object cannot be cast as 'timedelta'"):
        m.chrono_rt_duration(1.5)


def test_chrono_date():
    assert m.chrono_rt_date(date(2024, 2, 29)) == date(2024, 2, 29)
    assert m.chrono_rt_date(date.min) == date.min
    assert m.chrono_rt_date(date.max) == date.max
    # A datetime is a date; its date part is taken.
    assert m.chrono_rt_date(datetime(2001, 2, 3, 4, 5)) == date(2001, 2, 3)
    assert type(m.chrono_rt_date(datetime(2001, 2, 3))) is date
    with raises(ValueError, own_message(lambda: date(0, 1, 1))):
        m.chrono_date(0, 1, 1)
    with raises(ValueError, own_message(lambda: date(10000, 1, 1))):
        m.chrono_date(10_000, 1, 1)
    with raises(TypeError, "argument 'value': 'str' object cannot be cast as 'date'"):
        m.chrono_rt_date("2024-01-01")


def test_chrono_time_and_leap_second():
    assert m.chrono_rt_time(time(23, 59, 58, 123_456)) == time(23, 59, 58, 123_456)
    # tzinfo and fold of a time are dropped.
    assert m.chrono_rt_time(time(1, tzinfo=UTC, fold=1)) == time(1)
    assert m.chrono_time(1, 2, 3, 4_999) == time(1, 2, 3, 4)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert m.chrono_time(23, 59, 59, 1_999_999_999) == time(23, 59, 59, 999_999)
    assert [(w.category, str(w.message)) for w in caught] == [
        (UserWarning, "ignored leap-second, `datetime` does not support leap-seconds")
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert m.chrono_datetime_utc(1_483_228_799, 1_000_000_000) == datetime(
            2016, 12, 31, 23, 59, 59, tzinfo=UTC
        )
    assert len(caught) == 1 and caught[0].category is UserWarning


def test_chrono_leap_second_warning_as_error_is_unraisable():
    hook_calls = []
    old_hook = sys.unraisablehook if hasattr(sys, "unraisablehook") else None
    if old_hook is None:
        pytest.skip("sys.unraisablehook is new in Python 3.8")
    sys.unraisablehook = hook_calls.append
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            result = m.chrono_time(23, 59, 59, 1_000_000_000)
    finally:
        sys.unraisablehook = old_hook
    assert result == time(23, 59, 59)
    assert len(hook_calls) == 1
    assert hook_calls[0].exc_type is UserWarning


def test_chrono_naive_datetime():
    value = datetime(2020, 1, 2, 3, 4, 5, 6)
    assert m.chrono_rt_naive_datetime(value) == value
    with raises(TypeError, "argument 'value': expected a datetime without tzinfo"):
        m.chrono_rt_naive_datetime(datetime(2020, 1, 1, tzinfo=UTC))
    with raises(TypeError, "argument 'value': 'date' object cannot be cast as 'datetime'"):
        m.chrono_rt_naive_datetime(date(2020, 1, 1))


def test_chrono_aware_datetimes():
    value = datetime(2024, 2, 29, 12, 30, 0, 5, tzinfo=UTC)
    result = m.chrono_rt_datetime_utc(value)
    assert result == value and result.tzinfo is UTC
    # Any tzinfo equal to UTC will do.
    assert m.chrono_rt_datetime_utc(value.replace(tzinfo=timezone(timedelta(0)))) == value

    value = datetime(1999, 12, 31, 23, 59, 59, tzinfo=PLUS_0530)
    result = m.chrono_rt_datetime_fixed(value)
    assert result == value and result.utcoffset() == timedelta(hours=5, minutes=30)
    assert (result.year, result.hour) == (1999, 23)
    with raises(ValueError, "expected datetime.timezone.utc"):
        m.chrono_rt_datetime_utc(value)
    for fn in (m.chrono_rt_datetime_utc, m.chrono_rt_datetime_fixed):
        with raises(TypeError, "argument 'value': expected a datetime with non-None tzinfo"):
            fn(datetime(2020, 1, 1))


def test_chrono_offsets():
    assert m.chrono_fixed_offset(-3601) == timezone(timedelta(seconds=-3601))
    assert m.chrono_rt_fixed_offset(PLUS_0530) == PLUS_0530
    # Sub-second offsets lose their fraction (towards zero).
    assert m.chrono_rt_fixed_offset(
        timezone(timedelta(seconds=-1, microseconds=500_000))
    ) == timezone(timedelta(0))
    assert m.chrono_rt_utc(UTC) is UTC
    assert m.chrono_rt_utc(timezone(timedelta(0))) is UTC
    with raises(ValueError, "expected datetime.timezone.utc"):
        m.chrono_rt_utc(PLUS_0530)
    with raises(TypeError, "argument 'value': 'int' object cannot be cast as 'tzinfo'"):
        m.chrono_rt_fixed_offset(1)


class NoOffset(tzinfo):
    def utcoffset(self, dt):
        return None

    def __repr__(self):
        return "NoOffset()"


def test_chrono_not_a_fixed_offset():
    with raises(TypeError, "argument 'value': NoOffset() is not a fixed offset timezone"):
        m.chrono_rt_fixed_offset(NoOffset())
    with raises(TypeError, "argument 'value': NoOffset() is not a fixed offset timezone"):
        m.time_rt_utc_offset(NoOffset())
    with raises(TypeError, "argument 'value': NoOffset() is not a fixed offset timezone"):
        m.jiff_rt_offset(NoOffset())


@needs_zoneinfo
def test_chrono_zoneinfo_is_not_a_fixed_offset():
    with raises(
        TypeError,
        "argument 'value': " + repr(ZoneInfo("Europe/London")) + " is not a fixed offset timezone",
    ):
        m.chrono_rt_fixed_offset(ZoneInfo("Europe/London"))


@needs_zoneinfo
def test_chrono_tz():
    for name in ["Europe/Paris", "UTC", "Etc/GMT-5", "America/New_York"]:
        zone = m.chrono_rt_tz(ZoneInfo(name))
        assert zone is ZoneInfo(name)
    with raises(ValueError, "failed to parse timezone"):
        m.chrono_rt_tz(type("Fake", (), {"key": "Nowhere/Special"})())
    with pytest.raises(AttributeError):
        m.chrono_rt_tz(UTC)


@needs_zoneinfo
def test_chrono_tz_fold():
    paris = ZoneInfo("Europe/Paris")
    # 02:30 on 2020-10-25 happens twice in Paris: first in CEST, then in CET.
    first = m.chrono_datetime_in(1_603_585_800, paris)
    second = m.chrono_datetime_in(1_603_589_400, paris)
    assert first == datetime(2020, 10, 25, 2, 30, tzinfo=paris)
    assert (first.fold, second.fold) == (0, 1)
    assert first.replace(tzinfo=None) == second.replace(tzinfo=None)
    assert first.tzinfo is paris and second.tzinfo is paris
    assert first.timestamp() == 1_603_585_800 and second.timestamp() == 1_603_589_400
    for value in (first, second):
        back = m.chrono_rt_datetime_tz(value)
        assert back.fold == value.fold and back.timestamp() == value.timestamp()
    # DateTime<FixedOffset> wants a fixed-offset tzinfo, not a zone.
    with raises(
        TypeError,
        "argument 'value': " + repr(ZoneInfo("Europe/Paris")) + " is not a fixed offset timezone",
    ):
        m.chrono_rt_datetime_fixed(second)


@needs_zoneinfo
def test_chrono_tz_skipped_wall_time():
    skipped = datetime(2020, 3, 29, 2, 30, tzinfo=ZoneInfo("Europe/Paris"))
    with raises(
        ValueError,
        f"The datetime {skipped!r} contains an incompatible timezone",
    ):
        m.chrono_rt_datetime_tz(skipped)


@needs_zoneinfo
def test_chrono_local():
    local = m.chrono_rt_datetime_local(datetime(2021, 6, 1, 12)).tzinfo
    assert isinstance(local, ZoneInfo)
    assert m.chrono_rt_local(local) is local
    # A naive datetime is taken as local time by DateTime<Local> only.
    result = m.chrono_rt_datetime_local(datetime(2021, 6, 1, 12))
    assert result.replace(tzinfo=None) == datetime(2021, 6, 1, 12)
    assert result.tzinfo is local
    other = timezone(timedelta(hours=3))
    with raises(ValueError, "expected local timezone " + local.key):
        m.chrono_rt_local(other)
    # An aware datetime must carry the local zone itself.
    with raises(ValueError, "expected local timezone " + local.key):
        m.chrono_rt_datetime_local(datetime(2021, 6, 1, 12, tzinfo=other))


# --- time -----------------------------------------------------------------------------


def test_time_duration():
    assert m.time_duration(86_400 * 2 + 5, 6_000) == timedelta(days=2, seconds=5, microseconds=6)
    assert m.time_duration(0, -2_500) == timedelta(microseconds=-2)
    with raises(OverflowError, own_message(lambda: timedelta(days=1000000000))):
        m.time_duration(86_400 * 1_000_000_000, 0)


@pytest.mark.differs_from_pyo3
def test_time_duration_past_i32_days():
    # PyO3 panics ("days overflow") on a time::Duration of more than i32::MAX days; this
    # implementation raises Python's OverflowError for it, as for any too-large duration.
    with pytest.raises(OverflowError):
        m.time_duration(2**62, 0)


def test_time_date_and_time():
    assert m.time_rt_date(date(2024, 2, 29)) == date(2024, 2, 29)
    assert m.time_rt_date(datetime(2024, 2, 29, 1)) == date(2024, 2, 29)
    assert m.time_date(2024, 60) == date(2024, 2, 29)
    with raises(ValueError, own_message(lambda: date(-1, 1, 1))):
        m.time_date(-1, 1)
    assert m.time_rt_time(time(12, 34, 56, 789_012)) == time(12, 34, 56, 789_012)
    assert m.time_time(12, 34, 56, 789_012_345) == time(12, 34, 56, 789_012)
    with raises(TypeError, "argument 'value': 'time' object cannot be cast as 'date'"):
        m.time_rt_date(time(1))


def test_time_datetimes():
    naive = datetime(2000, 1, 2, 3, 4, 5, 6)
    assert m.time_rt_primitive_datetime(naive) == naive
    with raises(TypeError, "argument 'value': expected a datetime without tzinfo"):
        m.time_rt_primitive_datetime(naive.replace(tzinfo=UTC))

    aware = datetime(2021, 7, 4, 9, 15, tzinfo=timezone(timedelta(hours=5, minutes=45)))
    result = m.time_rt_offset_datetime(aware)
    assert result == aware and result.utcoffset() == aware.utcoffset()
    assert result.replace(tzinfo=None) == aware.replace(tzinfo=None)
    with raises(ValueError, "expected a datetime with UTC timezone"):
        m.time_rt_utc_datetime(aware)

    utc = datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert m.time_rt_utc_datetime(utc).tzinfo is UTC
    assert m.time_rt_utc_datetime(utc) == utc
    assert m.time_rt_offset_datetime(utc).tzinfo is UTC

    for fn in (m.time_rt_offset_datetime, m.time_rt_utc_datetime):
        with raises(TypeError, "argument 'value': expected a datetime with non-None tzinfo"):
            fn(naive)


def test_time_offsets():
    assert m.time_utc_offset(-(3 * 3600 + 30 * 60)) == timezone(timedelta(hours=-3, minutes=-30))
    assert m.time_utc_offset(0) is UTC
    assert m.time_rt_utc_offset(PLUS_0530) == PLUS_0530


@needs_zoneinfo
def test_time_zoneinfo_is_not_a_fixed_offset():
    with raises(
        TypeError,
        "argument 'value': " + repr(ZoneInfo("Asia/Tokyo")) + " is not a fixed offset timezone",
    ):
        m.time_rt_utc_offset(ZoneInfo("Asia/Tokyo"))


# --- jiff -----------------------------------------------------------------------------


def test_jiff_durations_and_spans():
    assert m.jiff_signed_duration(-90, 0) == timedelta(seconds=-90)
    assert m.jiff_signed_duration(0, 1_999) == timedelta(microseconds=1)
    with raises(OverflowError, own_message(lambda: timedelta(days=1000000000))):
        m.jiff_signed_duration(86_400 * 1_000_000_000, 0)
    with raises(ValueError, "out of range integral type conversion attempted"):
        m.jiff_signed_duration(2**62, 0)
    assert m.jiff_span(timedelta(hours=1, microseconds=5)) == "PT3600.000005S"
    with pytest.raises(ValueError):
        m.jiff_span(timedelta.max)


def test_jiff_civil():
    assert m.jiff_rt_date(date(2024, 2, 29)) == date(2024, 2, 29)
    with raises(ValueError, own_message(lambda: date(0, 1, 1))):
        m.jiff_date(0, 1, 1)
    assert m.jiff_iso_week_date(date(2021, 1, 3)) == ((2020, 53, 7), date(2021, 1, 3))
    assert m.jiff_rt_time(time(23, 59, 59, 999_999)) == time(23, 59, 59, 999_999)
    assert m.jiff_time(1, 2, 3, 4_999) == time(1, 2, 3, 4)
    naive = datetime(2024, 2, 29, 1, 2, 3, 4)
    assert m.jiff_rt_datetime(naive) == naive
    with raises(TypeError, "argument 'value': expected a datetime without tzinfo"):
        m.jiff_rt_datetime(naive.replace(tzinfo=UTC))
    with raises(TypeError, "argument 'value': 'int' object cannot be cast as 'time'"):
        m.jiff_rt_time(1)


def test_jiff_offsets_and_instants():
    offset = timezone(timedelta(hours=-4, minutes=-30))
    assert m.jiff_rt_offset(offset) == offset
    assert m.jiff_rt_offset(UTC) is UTC
    assert m.jiff_rt_timezone(offset) == offset
    assert m.jiff_rt_timezone(UTC) is UTC

    instant = datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert m.jiff_rt_timestamp(instant) == instant
    assert m.jiff_rt_timestamp(instant).tzinfo is UTC
    elsewhere = datetime(2023, 11, 15, 1, 13, 20, tzinfo=timezone(timedelta(hours=3)))
    result = m.jiff_rt_timestamp(elsewhere)
    assert result == instant and result.tzinfo is UTC
    result = m.jiff_rt_zoned(elsewhere)
    assert result == elsewhere and result.utcoffset() == timedelta(hours=3)
    with raises(TypeError, "argument 'value': expected a datetime with non-None tzinfo"):
        m.jiff_rt_zoned(datetime(2023, 1, 1))


@needs_zoneinfo
def test_jiff_zones_and_fold():
    new_york = ZoneInfo("America/New_York")
    assert m.jiff_rt_timezone(new_york) is new_york
    with raises(
        TypeError,
        "argument 'value': " + repr(ZoneInfo("America/New_York")) + " is not a fixed offset timezone",
    ):
        m.jiff_rt_offset(new_york)
    # Extraction honours fold: the later of the two 01:30s on 2020-11-01.
    second = datetime(2020, 11, 1, 1, 30, fold=1, tzinfo=new_york)
    assert m.jiff_rt_timestamp(second).timestamp() == 1_604_212_200
    assert m.jiff_rt_timestamp(second.replace(fold=0)).timestamp() == 1_604_208_600
    with pytest.raises(ValueError, match="No/Such_Zone"):
        m.jiff_rt_timezone(type("Fake", (tzinfo,), {"key": "No/Such_Zone"})())


@needs_zoneinfo
@pytest.mark.differs_from_pyo3
def test_jiff_zoned_sets_fold():
    # PyO3 0.27.2 leaves fold=0 on the second occurrence of a repeated wall time, so the
    # datetime it returns names the first occurrence, an hour off; here fold is set as
    # chrono's conversion (and Python's own `astimezone`) sets it.
    new_york = ZoneInfo("America/New_York")
    first = m.jiff_zoned(1_604_208_600, "America/New_York")
    second = m.jiff_zoned(1_604_212_200, "America/New_York")
    assert (first.fold, second.fold) == (0, 1)
    assert first.tzinfo is new_york and second.tzinfo is new_york
    assert first.replace(tzinfo=None) == datetime(2020, 11, 1, 1, 30)
    assert (first.timestamp(), second.timestamp()) == (1_604_208_600, 1_604_212_200)
    for value in (first, second):
        back = m.jiff_rt_zoned(value)
        assert back.fold == value.fold and back.timestamp() == value.timestamp()
