"""Putting UTC times into the newsroom's hours, days and weeks.

Page views are stored per UTC hour; a day on the dashboard is a day on the newsroom's
calendar (WIB, WITA, WIT...), so grouping into days happens after the SQL sum per hour,
in the zone, where a zone with daylight saving still gets its 23- and 25-hour days right.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

BUCKETS = ("hour", "day", "week")
HOUR = timedelta(hours=1)


def check_bucket(bucket: str) -> None:
    if bucket not in BUCKETS:
        raise ValueError(f"Unknown bucket {bucket!r}; use one of {', '.join(BUCKETS)}.")


def floor_hour(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def hours_in(start: datetime, end: datetime) -> list[datetime]:
    """Every UTC hour start in ``(start, end]``: the hours a window counts."""
    hour = floor_hour(start) + HOUR
    last = floor_hour(end)
    hours = []
    while hour <= last:
        hours.append(hour)
        hour += HOUR
    return hours


def bucket_of(when: datetime, bucket: str, zone: ZoneInfo) -> datetime:
    """The start of ``when``'s hour, local day or local week (Monday), as a local time."""
    local = when.astimezone(zone)
    if bucket == "hour":
        return local.replace(minute=0, second=0, microsecond=0)
    day: date = local.date()
    if bucket == "week":
        day -= timedelta(days=day.weekday())
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def buckets_in(start: datetime, end: datetime, bucket: str, zone: ZoneInfo) -> list[datetime]:
    """Every bucket that an hour of ``(start, end]`` falls into, in order, without gaps."""
    check_bucket(bucket)
    seen: dict[datetime, None] = {}
    for hour in hours_in(start, end):
        seen.setdefault(bucket_of(hour, bucket, zone), None)
    return list(seen)
