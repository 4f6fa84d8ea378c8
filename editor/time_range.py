"""The dates Redaksi accepts: instants in the years 1900 to 2999 (UTC), and no others.

Every place that takes a date from outside (front matter, command-line options, CSV page
views, access logs, the GUI's date pickers) and the article service itself check against
this one range, so a time that is stored can always be shown and computed with.

Why these bounds: Python's datetime ends at the years 1 and 9999, and the ends are not
safe to compute with. ``9999-12-31T23:00-05:00`` overflows when turned into UTC, a UTC
time late in 9999 overflows when shown in WIT (+09:00), and "the day after" or "a window
before" overflows next to either end. Keeping a margin of centuries leaves every stored
instant showable in every zone (offsets stay within a day), four-digit years in
``/read/YYYY/`` URLs and exported file names, and any day or window arithmetic safe.
Newsroom archives and schedules live far inside it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from editor.errors import ValidationError
from editor.i18n import _

FIRST_YEAR = 1900
LAST_YEAR = 2999
EARLIEST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
LATEST = datetime(LAST_YEAR, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC)


class DateOutOfRange(ValidationError, ValueError):
    """A time outside the accepted years.

    Also a ValueError, so readers that already report unreadable dates per item (CSV rows,
    log lines) report this one the same way without knowing about it.
    """


def range_text() -> str:
    """How a message names the range: ``the years 1900 to 2999``."""
    return _("the years {first} to {last}").format(first=FIRST_YEAR, last=LAST_YEAR)


def out_of_range(shown: str) -> DateOutOfRange:
    """The error for a refused time, ``shown`` as the user gave it."""
    return DateOutOfRange(
        _("{value} is outside the dates Redaksi accepts ({range}). Check the year.").format(
            value=shown, range=range_text()
        )
    )


def in_range(value: datetime, shown: str | None = None) -> datetime:
    """``value`` as aware UTC, or DateOutOfRange when it lies outside the accepted years.

    ``value`` must be timezone-aware; converting it never overflows here, however far out
    it is (the overflow is the out-of-range answer). ``shown`` is how the message repeats
    it (the text as the user typed it); by default its ISO form.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("naive datetime: only timezone-aware times can be checked")
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not EARLIEST <= utc <= LATEST:
        raise out_of_range(value.isoformat() if shown is None else shown)
    return utc


def day_in_range(day: date) -> date:
    """A calendar day (a filter bound, a budget day) inside the accepted years."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise out_of_range(day.isoformat())
    return day
