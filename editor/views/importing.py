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
"""

from __future__ import annotations

import gzip
import hashlib
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import N_, _
from editor.views import store
from editor.views.access_log import LogSkip, looks_like_log, read_log
from editor.views.csv_rows import CsvHeaderError, CsvProblem, read_csv
from editor.views.resolve import ArticleIndex

UNKNOWN_ARTICLE = N_("unknown article")
ALREADY_COUNTED = N_("already counted")
BAD_ROW = N_("bad CSV row")
#: Counted log lines handled per round trip to the database.
BATCH = 20_000


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
    problems: list[ViewProblem] = field(default_factory=list)


class _HashingLines:
    """Iterate a binary file by lines while hashing exactly the bytes handed out."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self.digest = hashlib.sha256()

    def __iter__(self) -> Iterator[bytes]:
        for line in self._handle:
            self.digest.update(line)
            yield line


def _open(path: Path) -> IO[bytes]:
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    return cast(IO[bytes], gzip.open(path, "rb")) if gzipped else path.open("rb")


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
        for line in handle:
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
        self.report.problems.append(ViewProblem(self.path, line, reason))

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
                self.report.unknown_articles[item.path] += 1
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

    def csv(self, text: str, zone: ZoneInfo) -> None:
        totals: Counter[store.ViewKey] = Counter()
        for item in read_csv(text, zone):
            self.lines += 1
            if isinstance(item, CsvProblem):
                self.report.skipped[BAD_ROW] += 1
                self.problem(item.line, item.reason)
                continue
            article_id = self.index.find(item.reference)
            if article_id is None:
                self.report.skipped[UNKNOWN_ARTICLE] += 1
                self.report.unknown_articles[item.target] += 1
                self.problem(
                    item.line,
                    _("no article in this newsroom has {target!r}").format(target=item.target),
                )
                continue
            totals[(article_id, item.hour)] += item.views
        self.views += store.replace_csv_counts(self.session, totals)


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
                raw = b"".join(lines)
                try:
                    text = raw.decode("utf-8-sig")
                except UnicodeDecodeError as error:
                    raise ValidationError(
                        _(
                            "{path} is not UTF-8 text (byte {start}); save it as a UTF-8 CSV and "
                            "import it again."
                        ).format(path=path, start=error.start)
                    ) from error
                try:
                    work.csv(text, zone)
                except CsvHeaderError as error:
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
    return report
