"""An import report as lines a person reads: the command line prints them, the app's
import dialog shows them (editor.cli.transfer, ui.import_dialog).

Per file: imported (``+``), updated (``~``), unchanged (``=``), passed over (``-``) or
refused with every reason; the keys kept and what the import guessed or converted; then
what the whole import wants said (keys used and kept, sections made, images missing).
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.i18n import _
from editor.importer import ImportReport


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
