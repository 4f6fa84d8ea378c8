"""The one range of dates Redaksi accepts, and how a time outside it is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from editor.errors import ValidationError
from editor.time_range import EARLIEST, LATEST, DateOutOfRange, day_in_range, in_range

WIT = timezone(timedelta(hours=9))
EDGE = timezone(timedelta(hours=-23, minutes=-59))


def test_the_ends_are_accepted_and_come_back_in_utc() -> None:
    assert in_range(EARLIEST) == datetime(1900, 1, 1, tzinfo=UTC)
    assert in_range(LATEST.astimezone(WIT)) == LATEST
    assert day_in_range(date(1900, 1, 1)) == date(1900, 1, 1)
    assert day_in_range(date(2999, 12, 31)) == date(2999, 12, 31)


@pytest.mark.parametrize(
    "value",
    [
        EARLIEST - timedelta(microseconds=1),
        LATEST + timedelta(microseconds=1),
        datetime(1, 1, 1, tzinfo=WIT),  # turning it into UTC overflows
        datetime(9999, 12, 31, 23, tzinfo=EDGE),  # so does this one
        datetime(9999, 12, 31, 20, tzinfo=UTC),
    ],
)
def test_anything_outside_is_refused_as_a_user_error(value: datetime) -> None:
    with pytest.raises(DateOutOfRange) as refused:
        in_range(value, shown="the typed text")
    assert isinstance(refused.value, ValidationError) and isinstance(refused.value, ValueError)
    assert str(refused.value) == (
        "the typed text is outside the dates Redaksi accepts (the years 1900 to 2999). "
        "Check the year."
    )


def test_every_stored_time_can_be_shown_in_every_zone_and_moved_by_a_day() -> None:
    for end in (EARLIEST, LATEST):
        for offset in (EDGE, timezone(timedelta(hours=14)), WIT):
            local = end.astimezone(offset)
            assert local + timedelta(days=1) > local - timedelta(days=1)


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(3000, 1, 1), date(1, 1, 1)])
def test_days_outside_are_refused(day: date) -> None:
    with pytest.raises(DateOutOfRange):
        day_in_range(day)


def test_a_naive_time_is_a_programming_error_not_a_user_error() -> None:
    with pytest.raises(ValueError, match="naive") as refused:
        in_range(datetime(2026, 1, 1))
    assert not isinstance(refused.value, DateOutOfRange)
