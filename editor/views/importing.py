"""``redaksi views import``: count page views from CSV files and access logs, once.

How importing again stays harmless:

- every imported file is recorded by the SHA-256 of its (decompressed) content; a file
  whose content was imported before is skipped whole, with a message;
- access logs: each counted line is remembered by a key (hash of its bytes and of how
  many identical lines preceded it in that file). A different file holding lines already
  counted — a rotated ``access.log.1`` after ``access.log``, or two logs concatenated —
  counts only the lines never seen before, and reports the rest as "already counted";
- CSV rows carry totals: a later CSV row for the same article and hour replaces the
  earlier CSV total (an analytics export made again, with the day now complete), and the
  stored views move by the difference, keeping what access logs counted for that hour.

Each file is one transaction: a file that fails half-way counts nothing.

Bounded whatever comes in: files are read as they stream past (a CSV's totals go through
a temporary table when they outgrow a batch), only regular files are opened (a FIFO or a
device is refused, not waited on), a line longer than MAX_LINE_BYTES fails its file, and
the report keeps the first MAX_KEPT_PROBLEMS problems and only counts the rest.
"""

from __future__ import annotations

import gzip
import hashlib
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import N_, _
from editor.outside_files import UnreadableFile, open_regular
from editor.views import store
from editor.views.access_log import LogSkip, looks_like_log, read_log
from editor.views.csv_rows import CsvHeaderError, CsvProblem, CsvRowTooLong, read_csv
from editor.views.resolve import ArticleIndex

UNKNOWN_ARTICLE = N_("unknown article")
ALREADY_COUNTED = N_("already counted")
BAD_ROW = N_("bad CSV row")
#: Counted log lines, or CSV totals, handled per round trip to the database.
BATCH = 20_000
#: No log or CSV line is this long; a file that has one is refused, not read into memory.
MAX_LINE_BYTES = 1024 * 1024
#: Problems kept in the report for showing; more are only counted.
MAX_KEPT_PROBLEMS = 1000
#: Distinct unknown URLs kept with their counts; more are only counted.
MAX_KEPT_UNKNOWN = 10_000


@dataclass(frozen=True)
class ViewProblem:
    path: Path
    line: int
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.reason}"
            if self.line
            else f"{self.path}: {self.reason}"
        )


@dataclass
class ViewImportReport:
    """What an import did, file by file and line by line (plain data for CLI and GUI)."""

    files_imported: list[Path] = field(default_factory=list)
    #: Files whose exact content was imported before, with when: nothing counted again.
    files_already_imported: list[tuple[Path, str]] = field(default_factory=list)
    #: Files that could not be read or understood, with what to do: nothing counted.
    files_failed: list[tuple[Path, str]] = field(default_factory=list)
    lines_read: int = 0
    views_counted: int = 0
    #: Lines (or CSV rows) not counted, by reason.
    skipped: Counter[str] = field(default_factory=Counter)
    #: URLs or ids that named no article in this database, with how often they occurred.
    unknown_articles: Counter[str] = field(default_factory=Counter)
    #: Lines naming an unknown URL beyond the MAX_KEPT_UNKNOWN kept in unknown_articles.
    unknown_not_kept: int = 0
    problems: list[ViewProblem] = field(default_factory=list)
    #: Problems beyond the MAX_KEPT_PROBLEMS kept in problems.
    problems_not_kept: int = 0

    def add_problem(self, problem: ViewProblem) -> None:
        if len(self.problems) < MAX_KEPT_PROBLEMS:
            self.problems.append(problem)
        else:
            self.problems_not_kept += 1

    def add_unknown(self, target: str) -> None:
        if target in self.unknown_articles or len(self.unknown_articles) < MAX_KEPT_UNKNOWN:
            self.unknown_articles[target] += 1
        else:
            self.unknown_not_kept += 1


class _HashingLines:
    """Iterate a binary file by lines while hashing exactly the bytes handed out; a line
    longer than MAX_LINE_BYTES (or a file with no line breaks) fails the file."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self.digest = hashlib.sha256()

    def __iter__(self) -> Iterator[bytes]:
        number = 0
        while line := self._handle.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(line) > MAX_LINE_BYTES:
                raise ValidationError(
                    _(
                        "line {number} is longer than {limit:,} bytes, so this is not a "
                        "page-view CSV or an access log; nothing was counted from it."
                    ).format(number=number, limit=MAX_LINE_BYTES)
                )
            self.digest.update(line)
            yield line


@contextmanager
def _open(path: Path) -> Iterator[IO[bytes]]:
    """The file at ``path`` (regular files only), decompressed when it is gzip."""
    try:
        handle = open_regular(path)
    except UnreadableFile as error:
        raise ValidationError(error.reason) from None
    with handle:
        gzipped = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        if not gzipped:
            yield handle
            return
        with gzip.GzipFile(fileobj=handle, mode="rb") as unpacked:
            yield cast(IO[bytes], unpacked)


def _text_lines(lines: Iterable[bytes], path: Path) -> Iterator[str]:
    """UTF-8 text line by line (a byte-order mark at the start is dropped)."""
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError(
                _(
                    "{path} is not UTF-8 text (line {line}, byte {start}); save it as a "
                    "UTF-8 CSV and import it again."
                ).format(path=path, line=number, start=error.start)
            ) from error
        yield text


def content_hash(path: Path) -> str:
    with _open(path) as handle:
        lines = _HashingLines(handle)
        for _line in lines:
            pass
        return lines.digest.hexdigest()


def _kind(path: Path) -> str:
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if ".csv" in suffixes or ".tsv" in suffixes:
        return "csv"
    with _open(path) as handle:
        for line in _HashingLines(handle):
            if line.strip():
                return "log" if looks_like_log(line.rstrip(b"\r\n")) else "csv"
    return "csv"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("Unknown time zone {name!r}; use a name such as UTC or Asia/Jakarta.").format(
                name=name
            )
        ) from error


class _FileImport:
    """One file inside one transaction, adding what it finds to the shared report."""

    def __init__(
        self, session: Session, index: ArticleIndex, path: Path, report: ViewImportReport
    ) -> None:
        self.session, self.index, self.path, self.report = session, index, path, report
        self.lines = 0
        self.views = 0

    def problem(self, line: int, reason: str) -> None:
        self.report.add_problem(ViewProblem(self.path, line, reason))

    def log(self, lines: Iterable[bytes]) -> None:
        pending: list[tuple[str, uuid.UUID, datetime]] = []
        for item in read_log(lines):
            self.lines += 1
            if isinstance(item, LogSkip):
                self.report.skipped[item.reason] += 1
                if item.detail:
                    self.problem(item.line, f"{_(item.reason)}: {item.detail}")
                continue
            article_id = self.index.find(item.reference)
            if article_id is None:
                self.report.skipped[UNKNOWN_ARTICLE] += 1
                self.report.add_unknown(item.path)
                continue
            pending.append((item.key, article_id, item.hour))
            if len(pending) >= BATCH:
                self._count_log_views(pending)
                pending = []
        self._count_log_views(pending)

    def _count_log_views(self, pending: Sequence[tuple[str, uuid.UUID, datetime]]) -> None:
        unseen = store.unseen_line_keys(self.session, [key for key, _a, _h in pending])
        counts: Counter[store.ViewKey] = Counter()
        fresh: list[tuple[str, datetime]] = []
        for key, article_id, hour in pending:
            if key in unseen:
                counts[(article_id, hour)] += 1
                fresh.append((key, hour))
            else:
                self.report.skipped[ALREADY_COUNTED] += 1
        store.remember_line_keys(self.session, fresh)
        store.add_views(self.session, counts)
        self.views += len(fresh)

    def csv(self, lines: Iterable[str], zone: ZoneInfo) -> None:
        totals: Counter[store.ViewKey] = Counter()
        # Only a file whose totals outgrow a batch needs the temporary table.
        staged: store.CsvTotals | None = None
        for item in read_csv(lines, zone):
            self.lines += 1
            if isinstance(item, CsvProblem):
                self.report.skipped[BAD_ROW] += 1
                self.problem(item.line, item.reason)
                continue
            article_id = self.index.find(item.reference)
            if article_id is None:
                self.report.skipped[UNKNOWN_ARTICLE] += 1
                self.report.add_unknown(item.target)
                self.problem(
                    item.line,
                    _("no article in this newsroom has {target!r}").format(target=item.target),
                )
                continue
            totals[(article_id, item.hour)] += item.views
            if len(totals) >= BATCH:
                staged = staged or store.CsvTotals(self.session)
                staged.add(totals)
                totals = Counter()
        if staged is None:
            self.views += store.replace_csv_counts(self.session, totals)
        else:
            staged.add(totals)
            self.views += staged.store(BATCH)


def _import_file(db: Database, path: Path, zone: ZoneInfo, report: ViewImportReport) -> None:
    known_hash = content_hash(path)
    with db.transaction() as session:
        earlier = store.find_import(session, known_hash)
        if earlier is not None:
            when = f"{earlier.imported_at:%Y-%m-%d %H:%M} UTC"
            report.files_already_imported.append(
                (
                    path,
                    _("already imported on {when} (as {name}); nothing counted again").format(
                        when=when, name=earlier.name
                    ),
                )
            )
            return
        kind = _kind(path)
        work = _FileImport(session, ArticleIndex(session), path, report)
        with _open(path) as handle:
            lines = _HashingLines(handle)
            if kind == "log":
                work.log(lines)
            else:
                try:
                    work.csv(_text_lines(lines, path), zone)
                except (CsvHeaderError, CsvRowTooLong) as error:
                    raise ValidationError(f"{path}: {error}") from error
            parsed_hash = lines.digest.hexdigest()
        # Record the content actually read (a live log may have grown since it was hashed).
        if store.find_import(session, parsed_hash) is None:
            store.record_import(session, parsed_hash, path.name, kind, work.lines, work.views)
    report.files_imported.append(path)
    report.lines_read += work.lines
    report.views_counted += work.views


def import_view_files(
    db: Database, paths: Sequence[Path], *, zone: str = "UTC"
) -> ViewImportReport:
    """Count page views from CSV files and access logs (plain or gzip) into ``page_views``.

    ``zone`` is how to read CSV times written without an offset. A file that cannot be
    read or understood is listed in ``files_failed`` with what to do, and counts nothing;
    the other files still import.
    """
    tz = _zone(zone)
    report = ViewImportReport()
    for path in paths:
        try:
            _import_file(db, Path(path), tz, report)
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            report.files_failed.append(
                (Path(path), _("cannot read it: {error}").format(error=error))
            )
        except ValidationError as error:
            report.files_failed.append((Path(path), str(error)))
        except SQLAlchemyError as error:  # e.g. a count too big for its column
            first_line = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            report.files_failed.append(
                (
                    Path(path),
                    _("the database refused it, nothing counted: {error}").format(error=first_line),
                )
            )
    return report
