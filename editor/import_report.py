"""An import's report: what became of each file, and the same as lines a person reads
(the command line prints them, the app's import dialog shows them: editor.cli.transfer,
ui.import_dialog).

Per file: imported (``+``), updated (``~``), unchanged (``=``), passed over (``-``) or
refused with every reason; the keys kept and what the import guessed or converted; then
what the whole import wants said (keys used and kept, sections made, images missing).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from editor.i18n import _


@dataclass(frozen=True)
class ImportProblem:
    path: Path
    #: 1-based line in the file, or None when the problem is the file as a whole.
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class ImportedFile:
    path: Path
    article_id: uuid.UUID
    headline: str
    #: Front matter keys Redaksi does not use but keeps (``aliases``, ``weight``…).
    kept_keys: tuple[str, ...] = ()
    #: The keys it reads.
    used_keys: tuple[str, ...] = ()
    #: What else the report says about the file: where a missing date came from, a
    #: schedule, old addresses that redirect…
    remarks: tuple[str, ...] = ()


@dataclass
class ImportReport:
    created: list[ImportedFile] = field(default_factory=list)
    updated: list[ImportedFile] = field(default_factory=list)
    unchanged: list[ImportedFile] = field(default_factory=list)
    #: Files passed over on purpose (Hugo ``_index.md`` section pages).
    skipped: list[Path] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    #: Paths of the sections the import created.
    sections_created: list[str] = field(default_factory=list)
    #: What the whole import wants said (images not found, items passed over…).
    notes: list[str] = field(default_factory=list)
    cancelled: bool = False

    def key_counts(self) -> tuple[str, str]:
        """The front matter keys used, and those kept, over the files read: ``title ×3``."""
        used: Counter[str] = Counter()
        kept: Counter[str] = Counter()
        for imported in self.created + self.updated:
            used.update(imported.used_keys)
            kept.update(imported.kept_keys)
        return _counted(used), _counted(kept)

    @property
    def imported(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)

    def summary(self) -> str:
        text = _("{created} new, {updated} updated, {unchanged} unchanged").format(
            created=len(self.created), updated=len(self.updated), unchanged=len(self.unchanged)
        )
        if self.problems:
            count = len({p.path for p in self.problems})
            text += _(", {count} with problems").format(count=count)
        return text + (_(" (cancelled)") if self.cancelled else "")


def _counted(counts: Counter[str]) -> str:
    return ", ".join(f"{key} ×{count}" for key, count in counts.most_common())


def _database_message(error: SQLAlchemyError) -> str:
    """The driver's first line, without the statement and its (possibly huge) parameters."""
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def write_reason(error: Exception) -> str:
    """Why a file the database or the rules refused was not imported."""
    if isinstance(error, SQLAlchemyError):
        return _("not imported, the database refused it: {error}").format(
            error=_database_message(error)
        )
    return _("not imported: {error}").format(error=error)


@dataclass(frozen=True)
class ReportLine:
    text: str
    #: A refused file's reason (the command line prints these to stderr).
    problem: bool = False


def report_lines(report: ImportReport) -> list[ReportLine]:
    lines: list[ReportLine] = []
    marks = (("+", report.created), ("~", report.updated), ("=", report.unchanged))
    for mark, files in marks:
        for imported in files:
            line = f"  {mark} {imported.headline or _('(untitled)')}  ({imported.path})"
            if imported.kept_keys:
                line += "  " + _("kept: {keys}").format(keys=", ".join(imported.kept_keys))
            if imported.remarks:
                line += "; " + "; ".join(imported.remarks)
            lines.append(ReportLine(line))
    for path in report.skipped:
        lines.append(
            ReportLine("  - " + _("{path}: a section page, not an article").format(path=path))
        )
    lines += [ReportLine(str(problem), problem=True) for problem in report.problems]
    lines += [ReportLine(note) for note in report.notes]
    used, kept = report.key_counts()
    if used:
        lines.append(ReportLine(_("Front matter keys Redaksi used: {keys}.").format(keys=used)))
    if kept:
        lines.append(
            ReportLine(_("Kept as they are and written back on export: {keys}.").format(keys=kept))
        )
    if report.sections_created:
        lines.append(
            ReportLine(_("New sections: {paths}.").format(paths=", ".join(report.sections_created)))
        )
    lines.append(ReportLine(_("Imported: {report}.").format(report=report.summary())))
    return lines
