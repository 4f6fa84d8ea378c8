"""Reading page-view CSV files: one row per article and date (or hour) with a view count.

Liberal about what comes in: the delimiter (comma, semicolon, tab), column names in
English or Indonesian (``url``/``artikel``/``id``, ``date``/``tanggal``/``hour``/``jam``,
``views``/``pageviews``/``dilihat``), a separate hour column, and the common date forms
(``2026-01-11``, ``2026-01-11 04:00``, ISO 8601 with an offset, ``11/01/2026`` day first as
written in Indonesia, ``2026011104`` as analytics exports write an hour). Strict about
what it cannot read: each such row is reported by line number and counts nothing.

A time without an offset is read in the zone the caller gives (UTC unless told); a date
without a time counts at midnight of that day in that zone.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from editor.i18n import _
from editor.time_range import in_range
from editor.views.access_log import hour_of
from editor.views.resolve import article_reference

ARTICLE_COLUMNS = (
    "url",
    "article url",
    "page url",
    "page",
    "page path",
    "path",
    "halaman",
    "article",
    "article id",
    "artikel",
    "id",
    "uuid",
)
TIME_COLUMNS = (
    "hour",
    "datetime",
    "date hour",
    "timestamp",
    "time",
    "waktu",
    "date",
    "day",
    "tanggal",
)
#: A column holding only the hour of the day, beside a date column.
HOUR_OF_DAY_COLUMNS = ("hour", "jam")
VIEWS_COLUMNS = (
    "views",
    "view",
    "pageviews",
    "page views",
    "screen page views",
    "hits",
    "count",
    "dilihat",
    "tayangan",
    "pembaca",
)
DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%Y%m%d",
)
DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y %H:%M",
    "%Y%m%d%H",
)
#: A page-view row is a URL, a time and a number; no real one comes near this.
MAX_ROW_CHARS = 1024 * 1024
#: How much of the file the delimiter is guessed from.
SNIFF_CHARS = 4096
_THOUSANDS = re.compile(r"^\d{1,3}([.,\s_]\d{3})+$")


class CsvHeaderError(ValueError):
    """The first row does not name an article, a time and a view count."""


class CsvRowTooLong(ValueError):
    """A row goes on past MAX_ROW_CHARS: the file is not a page-view CSV as it stands."""


@dataclass(frozen=True)
class CsvView:
    line: int
    target: str
    reference: tuple[str, str]
    hour: datetime
    views: int


@dataclass(frozen=True)
class CsvProblem:
    line: int
    reason: str


@dataclass(frozen=True)
class _Columns:
    article: int
    time: int
    views: int
    hour_of_day: int | None


def _normalise(name: str) -> str:
    return re.sub(r"[\s_\-.]+", " ", name.strip().lower()).strip()


def _pick(header: list[str], names: tuple[str, ...], taken: set[int]) -> int | None:
    for wanted in names:
        for index, name in enumerate(header):
            if index not in taken and name == wanted:
                return index
    return None


def find_columns(header_row: list[str]) -> _Columns:
    header = [_normalise(name) for name in header_row]
    article = _pick(header, ARTICLE_COLUMNS, set())
    views = _pick(header, VIEWS_COLUMNS, {article} if article is not None else set())
    taken = {index for index in (article, views) if index is not None}
    date_index = _pick(header, ("date", "day", "tanggal"), taken)
    hour_of_day = _pick(header, HOUR_OF_DAY_COLUMNS, taken)
    if date_index is not None and hour_of_day is not None:
        moment: int | None = date_index
    else:
        moment, hour_of_day = _pick(header, TIME_COLUMNS, taken), None
    missing = [
        what
        for what, index in (
            ("article URL or id", article),
            ("date or hour", moment),
            ("views", views),
        )
        if index is None
    ]
    if missing or article is None or moment is None or views is None:
        raise CsvHeaderError(
            _(
                "the header row {header_row!r} has no column for {missing}. Start the "
                "file with a header such as: url,date,views"
            ).format(header_row=header_row, missing=", ".join(missing))
        )
    return _Columns(article, moment, views, hour_of_day)


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    """A date or date-and-time as an aware UTC datetime; naive values are read in ``zone``."""
    value = text.strip()
    if not value:
        raise ValueError(_("the date is empty"))
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        for pattern in DATETIME_FORMATS + DATE_FORMATS:
            try:
                parsed = datetime.strptime(value, pattern)
                break
            except ValueError:
                continue
    if parsed is None:
        raise ValueError(
            _(
                "{value!r} is not a date; write it as 2026-01-11 or 2026-01-11 04:00 (or "
                "11/01/2026, day first)"
            ).format(value=value)
        )
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return in_range(parsed, shown=repr(value))


def parse_views(text: str) -> int:
    value = text.strip()
    if _THOUSANDS.match(value):
        value = re.sub(r"[.,\s_]", "", value)
    if not value.isdigit():
        raise ValueError(
            _("views {text!r} is not a whole number of 0 or more").format(text=text.strip())
        )
    return int(value)


def _sniff_dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _row_lines(lines: Iterator[str], row_chars: list[int]) -> Iterator[str]:
    """The text lines the csv reader asks for, refusing a row that grows past MAX_ROW_CHARS
    (a quote that is never closed would otherwise pull the rest of the file into one row).
    ``row_chars[0]`` is what the current row has taken so far; the caller resets it."""
    for line in lines:
        row_chars[0] += len(line)
        if row_chars[0] > MAX_ROW_CHARS:
            raise CsvRowTooLong(
                _(
                    "a row runs on for more than {limit:,} characters (a quote that is never "
                    "closed?). Check the file; nothing was counted from it."
                ).format(limit=MAX_ROW_CHARS)
            )
        yield line


@lru_cache(maxsize=8192)
def _row_hour(moment_text: str, hour_text: str | None, zone: ZoneInfo) -> datetime:
    """The UTC hour a row's time (and hour-of-day) columns name, cached: exports repeat
    the same few hundred times on every article's row."""
    moment = parse_moment(moment_text, zone)
    if hour_text is not None:
        moment = _with_hour(moment, hour_text, zone)
    return hour_of(moment)


def read_csv(lines: Iterable[str], zone: ZoneInfo) -> Iterator[CsvView | CsvProblem]:
    """Every data row of the text ``lines`` as a view count or a problem with its line number.

    Reads as it goes: memory holds one row, whatever the size of the file. Raises
    CsvHeaderError when the header row cannot be understood, CsvRowTooLong for a row that
    never ends (nothing is counted from such a file).
    """
    stream = iter(lines)
    sample: list[str] = []
    sampled = 0
    while sampled < SNIFF_CHARS:
        piece = next(stream, None)
        if piece is None:
            break
        sample.append(piece)
        sampled += len(piece)
    row_chars = [0]
    source = _row_lines(itertools.chain(sample, stream), row_chars)
    reader = csv.reader(source, _sniff_dialect("".join(sample)[:SNIFF_CHARS]))
    header: list[str] | None = None
    while True:
        row_chars[0] = 0
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # a NUL byte, a field past the csv module's limit
            yield CsvProblem(reader.line_num, str(error))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = row
            columns = find_columns(row)
            width = max(columns.article, columns.time, columns.views, columns.hour_of_day or 0)
            continue
        line = reader.line_num
        if len(row) <= width:
            yield CsvProblem(
                line,
                _("has {columns} columns, the header has {expected}").format(
                    columns=len(row), expected=len(header)
                ),
            )
            continue
        target = row[columns.article].strip()
        reference = article_reference(target)
        if reference is None:
            yield CsvProblem(
                line, _("{target!r} is not an article URL or id").format(target=target)
            )
            continue
        hour_text = row[columns.hour_of_day] if columns.hour_of_day is not None else None
        try:
            hour = _row_hour(row[columns.time], hour_text, zone)
            views = parse_views(row[columns.views])
        except ValueError as error:
            yield CsvProblem(line, str(error))
            continue
        yield CsvView(line, target, reference, hour, views)
    if header is None:
        raise CsvHeaderError(_("the file is empty. Start it with a header such as: url,date,views"))


def _with_hour(moment: datetime, text: str, zone: ZoneInfo) -> datetime:
    value = text.strip()
    hour = int(value.split(":", 1)[0]) if value.split(":", 1)[0].isdigit() else -1
    if not 0 <= hour <= 23:
        raise ValueError(
            _("hour {value!r} is not an hour of the day (0 to 23)").format(value=value)
        )
    local_day: date = moment.astimezone(zone).date()
    return in_range(datetime.combine(local_day, time(hour), tzinfo=zone))
