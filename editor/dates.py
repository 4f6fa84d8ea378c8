"""Dates and times as an Indonesian newsroom prints them.

Every function takes a timezone-aware datetime (stored times are UTC) and the
newsroom's zone, and shows the instant in that zone. Naive datetimes are refused:
guessing their zone is how a story ends up stamped seven hours off.

The strings follow the reference article page:

- ``dateline``: ``KAMIS, 04 MEI 2023 | 07:56 WIB | LAPORAN: SARAH MEILIANA GUNAWAN``.
  English articles read ``THURSDAY, 04 MAY 2023 | 07:56 WIB | REPORTING: JANE DOE``
  ("Reporting:" is the credit English-language wires put before a reporter's name).
  Without a byline the trailing ``| LAPORAN: …`` part is left out.
- ``list_time``: ``Minggu, 11 Januari 2026 | 04:59`` (the Populer / UPDATE lists);
  English ``Sunday, 11 January 2026 | 04:59``.
- ``status_time``: a short clock time for status lines ("Tersimpan 10.42",
  "Saved 10:42"). Indonesian writes clock times with a dot, English with a colon.

Babel's own Indonesian time format uses a dot as well, so the page formats use an
explicit ``HH:mm`` pattern: the house style prints 24-hour times with a colon.
Article-language strings depend on the article's language, never the UI's.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime, format_time

from editor.config import NEWSROOM_ZONES
from editor.i18n import _
from editor.time_range import in_range

_DAY_PATTERN = "EEEE, dd MMMM yyyy"
_CLOCK_PATTERN = "HH:mm"
_BABEL_LOCALES = {"id": "id", "en": "en"}
_BYLINE_LABELS = {"id": "LAPORAN", "en": "REPORTING"}
# Status lines: Indonesians write clock times with a dot (10.42), English with a colon.
_STATUS_CLOCK = {"id": "HH.mm", "en": "HH:mm"}
_MOMENT_DAY = "d MMM y"
_STATUS_DAY = "d MMM"  # "17 Jan"; Babel gives each language its own month abbreviations
_LETTERS_ONLY = re.compile(r"^[A-Za-z]+$")
_LOCAL_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H.%M",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H.%M",
    "%d-%m-%Y %H:%M",
)


def _zone(zone: str) -> ZoneInfo:
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            _(
                "Unknown time zone {zone!r}: use an IANA name such as 'Asia/Jakarta' "
                "(WIB), 'Asia/Makassar' (WITA) or 'Asia/Jayapura' (WIT)."
            ).format(zone=zone)
        ) from exc


def _locale(language: str) -> str:
    try:
        return _BABEL_LOCALES[language]
    except KeyError:
        known = ", ".join(sorted(_BABEL_LOCALES))
        raise ValueError(
            _("Unsupported article language {language!r}: use one of {known}.").format(
                language=language, known=known
            )
        ) from None


def _local(when: datetime, zone: str) -> datetime:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(
            f"Naive datetime {when.isoformat()} has no time zone: pass an aware UTC "
            "datetime (datetime.now(timezone.utc) or value.replace(tzinfo=timezone.utc))."
        )
    return when.astimezone(_zone(zone))


def _format(local: datetime, pattern: str, language: str) -> str:
    # The datetime is already in its zone; Babel formats its wall-clock fields as they are.
    return format_datetime(local, pattern, tzinfo=local.tzinfo, locale=_locale(language))


# A publish prints some 20,000 dates; most fall on the same few hundred days and clock
# minutes, so the two halves are formatted once each (Babel takes ~25 µs per call).
@lru_cache(maxsize=8192)
def _day_text(day: date, language: str) -> str:
    return format_date(day, _DAY_PATTERN, locale=_locale(language))


@lru_cache(maxsize=4096)
def _clock_text(clock: time, language: str) -> str:
    return format_time(clock, _CLOCK_PATTERN, locale=_locale(language))


def zone_abbreviation(zone: str, when: datetime | None = None) -> str:
    """WIB, WITA or WIT for Indonesian zones; elsewhere the usual short name or offset.

    ``when`` matters for zones with daylight saving (CET/CEST); without it the current
    moment is used.
    """
    if zone in NEWSROOM_ZONES:
        _zone(zone)
        return NEWSROOM_ZONES[zone]
    moment = datetime.now(_zone(zone)) if when is None else _local(when, zone)
    name = moment.tzname() or ""
    if _LETTERS_ONLY.match(name):
        return name
    return _utc_offset(moment.utcoffset() or timedelta(0))


def _utc_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def dateline(when: datetime, *, zone: str, language: str, byline: str) -> str:
    """The line under an article headline, upper case as on the printed page."""
    local = _local(when, zone)
    label = _BYLINE_LABELS.get(language, "")
    day = _day_text(local.date(), language)
    clock = _clock_text(time(local.hour, local.minute), language)
    parts = [day, f"{clock} {zone_abbreviation(zone, when)}"]
    name = " ".join(byline.split())
    if name:
        parts.append(f"{label}: {name}")
    return " | ".join(parts).upper()


def list_time(when: datetime, *, zone: str, language: str) -> str:
    """The time under a headline in the Populer and UPDATE lists."""
    local = _local(when, zone)
    day = _day_text(local.date(), language)
    return f"{day} | {_clock_text(time(local.hour, local.minute), language)}"


def status_time(when: datetime, *, zone: str, language: str, now: datetime | None = None) -> str:
    """A short clock time for status lines: ``10.42`` (id) or ``10:42`` (en).

    When ``now`` is given and falls on another local day, the day is put in front
    (``3 Mei 10.42``) so "saved" never points at the wrong day.
    """
    _locale(language)
    local = _local(when, zone)
    clock = _format(local, _STATUS_CLOCK[language], language)
    if now is not None and _local(now, zone).date() != local.date():
        return f"{_format(local, _STATUS_DAY, language)} {clock}"
    return clock


def local_date(when: datetime, zone: str) -> date:
    """The calendar day an instant falls on in the newsroom (for /read/YYYY/MM/DD/ URLs)."""
    return _local(when, zone).date()


def parse_local(text: str, zone: str) -> datetime:
    """Read a wall-clock time typed in the newsroom's zone; return it as aware UTC.

    Accepts ``2023-05-04 07:56`` (also with ``T``, seconds, or ``07.56``) and the
    day-first ``04/05/2023 07:56`` Indonesians write. A time outside the accepted years
    (editor.time_range) is a ValueError too.
    """
    tz = _zone(zone)
    cleaned = " ".join(text.split())
    for pattern in _LOCAL_FORMATS:
        try:
            naive = datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        return in_range(naive.replace(tzinfo=tz), shown=repr(text))
    raise ValueError(
        _(
            "Cannot read {text!r} as a date and time: write it as YYYY-MM-DD HH:MM "
            "(for example 2023-05-04 07:56) or DD/MM/YYYY HH:MM."
        ).format(text=text)
    )


def moment_text(when: datetime, *, zone: str, language: str) -> str:
    """A day and time for people: ``7 Des 2026 08.46 WIB`` (id), ``7 Dec 2026 08:46 WIB``."""
    _locale(language)
    local = _local(when, zone)
    day = _format(local, _MOMENT_DAY, language)
    clock = _format(local, _STATUS_CLOCK[language], language)
    return f"{day} {clock} {zone_abbreviation(zone, when)}"
