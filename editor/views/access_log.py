"""Reading web-server access logs in the combined log format (nginx and Apache default).

``1.2.3.4 - - [11/Jan/2026:04:59:12 +0700] "GET /read/... HTTP/1.1" 200 5120 "ref" "agent"``

Each line becomes either a counted view (article reference and UTC hour) or a skip reason.
A line also gets a key: a hash of its exact bytes and of how many identical lines came
before it in the same file. Two logs that overlap (``access.log`` now, ``access.log.1``
after rotation) give their shared lines the same keys, so the store can count each
request once; two identical requests in the same second stay two views.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

from editor.i18n import N_, _
from editor.time_range import in_range
from editor.views.filters import COUNTED_METHODS, is_asset, is_bot, is_counted_status
from editor.views.resolve import article_reference, url_path

# "Unrolled loop" form of a quoted string with backslash escapes: no backtracking per char.
_QUOTED = r'"([^"\\]*(?:\\.[^"\\]*)*)"'
_LINE = re.compile(
    r"^(?P<host>\S+) \S+ \S+ \[(?P<time>[^\]]+)\] "
    + _QUOTED.replace("(", "(?P<request>", 1)
    + r" (?P<status>\d{3}) (?P<size>\S+)"
    + r"(?: "
    + _QUOTED.replace("(", "(?P<referer>", 1)
    + r" "
    + _QUOTED.replace("(", "(?P<agent>", 1)
    + r")?"
)
_TIME = re.compile(
    r"^(?P<d>\d{2})/(?P<mon>[A-Za-z]{3})/(?P<y>\d{4}):(?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2})"
    r" (?P<sign>[+-])(?P<oh>\d{2})(?P<om>\d{2})$"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}

# Why a line was not counted (keys of ViewImportReport.skipped).
MALFORMED = N_("malformed line")
METHOD = N_("not GET/HEAD")
STATUS = N_("error status")
BOT = N_("bot")
ASSET = N_("asset")
NOT_ARTICLE = N_("not an article page")


@dataclass(frozen=True)
class LogView:
    line: int
    key: str
    reference: tuple[str, str]
    path: str
    hour: datetime


@dataclass(frozen=True)
class LogSkip:
    line: int
    reason: str
    detail: str = ""


def parse_log_time(text: str) -> datetime:
    """``11/Jan/2026:04:59:12 +0700`` as an aware UTC datetime (no locale involved)."""
    match = _TIME.match(text)
    month = _MONTHS.get(match["mon"].lower()) if match else None
    if match is None or month is None:
        raise ValueError(
            _("time {text!r} is not like 11/Jan/2026:04:59:12 +0700").format(text=text)
        )
    offset = timedelta(hours=int(match["oh"]), minutes=int(match["om"]))
    zone = timezone(-offset if match["sign"] == "-" else offset)
    local = datetime(
        int(match["y"]),
        month,
        int(match["d"]),
        int(match["H"]),
        int(match["M"]),
        int(match["S"]),
        tzinfo=zone,
    )
    return in_range(local, shown=repr(text))


@lru_cache(maxsize=4096)
def _log_hour(minute_text: str, offset: str) -> datetime:
    return hour_of(parse_log_time(f"{minute_text}:00 {offset}"))


def log_hour(text: str) -> datetime:
    """The UTC hour of a log time, cached per minute: busy logs repeat minutes endlessly."""
    if len(text) != 26 or text[17] != ":" or not text[18:20].isdigit() or text[20] != " ":
        raise ValueError(
            _("time {text!r} is not like 11/Jan/2026:04:59:12 +0700").format(text=text)
        )
    return _log_hour(text[:17], text[21:])


def hour_of(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def _line_key(raw: bytes, seen: Counter[bytes]) -> str:
    occurrence = seen[raw]
    seen[raw] += 1
    digest = hashlib.blake2b(raw, digest_size=16, person=b"redaksi-views")
    digest.update(b"\0%d" % occurrence)
    return digest.hexdigest()


def read_log(lines: Iterable[bytes]) -> Iterator[LogView | LogSkip]:
    """Classify every line of one log file, in order, with 1-based line numbers."""
    seen: Counter[bytes] = Counter()
    for number, raw_line in enumerate(lines, start=1):
        raw = raw_line.rstrip(b"\r\n")
        if not raw.strip():
            continue
        text = raw.decode("utf-8", errors="replace")
        match = _LINE.match(text)
        if match is None:
            yield LogSkip(number, MALFORMED, _("not in the combined log format"))
            continue
        request = match["request"].split()
        if len(request) < 2:
            yield LogSkip(
                number,
                MALFORMED,
                _("request {request!r} has no path").format(request=match["request"]),
            )
            continue
        if request[0] not in COUNTED_METHODS:
            yield LogSkip(number, METHOD)
            continue
        if not is_counted_status(int(match["status"])):
            yield LogSkip(number, STATUS)
            continue
        if match["agent"] is not None and is_bot(match["agent"]):
            yield LogSkip(number, BOT)
            continue
        path = url_path(request[1])
        if is_asset(path):
            yield LogSkip(number, ASSET)
            continue
        reference = article_reference(path)
        if reference is None:
            yield LogSkip(number, NOT_ARTICLE)
            continue
        try:
            hour = log_hour(match["time"])
        except ValueError as error:
            yield LogSkip(number, MALFORMED, str(error))
            continue
        yield LogView(number, _line_key(raw, seen), reference, path, hour)


def looks_like_log(first_line: bytes) -> bool:
    return _LINE.match(first_line.decode("utf-8", errors="replace")) is not None
