"""Every dashboard series as a plain table, and tables as CSV files.

The CSV is what the chart shows, in the same order: a spreadsheet opened beside the chart
reads the same numbers. Times carry their UTC offset (ISO 8601) so no zone is guessed.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from editor.dashboard.audience import PopularEntry, ViewSeries
from editor.dashboard.pipeline import Pipeline
from editor.dashboard.production import ProductionSeries
from editor.dashboard.speed import SpeedDistribution

Cell = str | int | float


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def views_table(series: ViewSeries) -> Table:
    rows = tuple((point.start.isoformat(), point.value) for point in series.points)
    return Table((series.bucket, "views"), rows)


def popular_table(entries: list[PopularEntry]) -> Table:
    rows = tuple(
        (rank, str(entry.article_id), entry.headline, entry.published_at.isoformat(), entry.views)
        for rank, entry in enumerate(entries, start=1)
    )
    return Table(("rank", "article_id", "headline", "published_at", "views"), rows)


def production_table(series: ProductionSeries) -> Table:
    """One row per period; one column per section or reporter, then the total."""
    header = (series.period, *(group.name for group in series.groups), "total")
    totals = series.totals()
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (start.date().isoformat(), *(group.counts[slot] for group in series.groups), totals[slot])
        for slot, start in enumerate(series.periods)
    )
    return Table(header, rows)


def _bin_label(edges: tuple[float, ...], slot: int) -> str:
    low = edges[slot]
    if slot + 1 < len(edges):
        return f"bin_{low:g}h_{edges[slot + 1]:g}h"
    return f"bin_{low:g}h_plus"


def speed_table(distribution: SpeedDistribution) -> Table:
    edges = distribution.bin_edges
    header = (
        "section",
        "articles",
        "min_hours",
        "p25_hours",
        "median_hours",
        "p75_hours",
        "p90_hours",
        "max_hours",
        "mean_hours",
        *(_bin_label(edges, slot) for slot in range(len(edges))),
    )
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (
            item.name,
            item.count,
            *(
                round(value, 3)
                for value in (
                    item.minimum,
                    item.p25,
                    item.median,
                    item.p75,
                    item.p90,
                    item.maximum,
                    item.mean,
                )
            ),
            *item.bins,
        )
        for item in distribution.sections
    )
    return Table(header, rows)


def pipeline_table(state: Pipeline) -> Table:
    """Status counts first ("status", name, count), then the coming days
    ("scheduled"/"embargoed", day, count)."""
    rows: list[tuple[Cell, ...]] = [("status", status, count) for status, count in state.statuses]
    for day in state.coming:
        rows.append(("scheduled", day.day.isoformat(), day.scheduled))
        rows.append(("embargoed", day.day.isoformat(), day.embargoed))
    return Table(("kind", "key", "articles"), tuple(rows))


def csv_text(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return buffer.getvalue()


def write_csv(table: Table, path: Path) -> None:
    """Write ``table`` to ``path`` (UTF-8 with a BOM so spreadsheets read Indonesian text),
    through a temporary file, so a failed write never leaves half a file."""
    path = Path(path)
    text = csv_text(table)
    handle, temporary = tempfile.mkstemp(prefix=".redaksi-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
