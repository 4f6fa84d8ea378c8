"""Production (stacked bars), speed (box plot per section) and the pipeline."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QWidget

from editor.dashboard.pipeline import Pipeline
from editor.dashboard.production import ProductionSeries
from editor.dashboard.speed import SpeedDistribution
from editor.dashboard.tables import Table, pipeline_table, production_table, speed_table
from ui.dashboard.audience_charts import sparse_ticks
from ui.dashboard.panel import ChartPanel, count_axes, tooltip_item

#: Groups drawn one by one; the rest are summed into "Other" so the legend stays readable.
MOST_GROUPS = 6


def _clear(plot: pg.PlotItem) -> None:
    for item in list(plot.items):
        if isinstance(
            item, (pg.BarGraphItem, pg.ErrorBarItem, pg.ScatterPlotItem, pg.PlotDataItem)
        ):
            plot.removeItem(item)
    if plot.legend is not None:
        plot.legend.clear()


def log_hours(hours: list[float]) -> np.ndarray:
    """Hours on the speed chart's log scale (anything under 6 minutes drawn at 6 minutes)."""
    return np.log10(np.maximum(np.array(hours, dtype=float), 0.1))


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _number(value: float) -> str:
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


class ProductionChart(ChartPanel):
    name = "production"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: ProductionSeries | None = None
        self.stacks: dict[str, list[float]] = {}
        legend = self.plot.addLegend(offset=(8, 2), labelTextSize="8pt")
        legend.setColumnCount(4)  # wide and short: it sits above the bars, not on them
        self.plot.setMouseEnabled(x=False, y=False)
        self.apply_style()

    def show_series(self, series: ProductionSeries) -> None:
        self.series = series
        _clear(self.plot)
        named = list(series.groups[:MOST_GROUPS])
        rest = series.groups[MOST_GROUPS:]
        layers = [(group.name or self.tr("No section"), list(group.counts)) for group in named]
        if rest:
            other = [sum(group.counts[i] for group in rest) for i in range(len(series.periods))]
            layers.append((self.tr("Other"), other))
        base = np.zeros(len(series.periods))
        x = np.arange(len(series.periods), dtype=float)
        self.stacks = {}
        for index, (label, counts) in enumerate(layers):
            heights = np.array(counts, dtype=float)
            bars = pg.BarGraphItem(
                x=x, y0=base.copy(), height=heights, width=0.75,
                brush=pg.mkBrush(self.style_.series(index)), pen=pg.mkPen(None), name=label,
            )  # fmt: skip
            self.plot.addItem(bars)
            self.stacks[label] = [float(v) for v in heights]
            base += heights
        fmt = "%d/%m" if series.period == "day" else "%d/%m/%y"
        self.plot.getAxis("bottom").setTicks(
            [sparse_ticks([start.strftime(fmt) for start in series.periods], most=10)]
        )
        self.plot.setXRange(-0.6, max(len(series.periods), 1) - 0.4, padding=0)
        self.plot.setYRange(0, max(1.0, float(base.max()) if len(base) else 1.0) * 1.4, padding=0)
        if self.plot.legend is not None:
            self.plot.legend.setLabelTextColor(self.style_.text)
        published = bool(layers) and bool(base.any())
        self.note_empty(None if published else self.tr("No article was published in this window."))

    def drawn_totals(self) -> list[float]:
        if not self.stacks:
            return []
        return [float(sum(column)) for column in zip(*self.stacks.values(), strict=True)]

    def table(self) -> Table:
        assert self.series is not None
        return production_table(self.series)


class SpeedChart(ChartPanel):
    name = "speed"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.distribution: SpeedDistribution | None = None
        self.medians: list[float] = []
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getAxis("left").setWidth(58)
        self.hover = tooltip_item(self.style_)
        self.plot.addItem(self.hover, ignoreBounds=True)
        self.graphics.scene().sigMouseMoved.connect(self._mouse_moved)
        self.key = pg.LabelItem(justify="left", size="8pt")
        self.graphics.addItem(self.key, row=1, col=0)
        self.apply_style()

    def restyle(self) -> None:
        if hasattr(self, "key"):
            self.key.setText(
                self.tr("box: middle half · line: median · dot: 90 % · whiskers: min–max"),
                color=self.style_.text.name(),
            )

    def show_distribution(self, distribution: SpeedDistribution) -> None:
        """Boxes on a log scale of hours: half an hour and a week both stay readable."""
        self.distribution = distribution
        _clear(self.plot)
        items = distribution.sections
        self.note_empty(None if items else self.tr("No article was published in this window."))
        x = np.arange(len(items), dtype=float)
        p25 = log_hours([s.p25 for s in items])
        p75 = log_hours([s.p75 for s in items])
        self.medians = [s.median for s in items]
        median = log_hours(self.medians)
        colour = self.style_.series(2)
        fill = pg.mkColor(colour)
        fill.setAlpha(110)
        self.plot.addItem(
            pg.BarGraphItem(x=x, y0=p25, height=p75 - p25, width=0.5,
                            brush=pg.mkBrush(fill), pen=pg.mkPen(colour))
        )  # fmt: skip
        self.plot.addItem(
            pg.ErrorBarItem(
                x=x, y=median,
                top=log_hours([s.maximum for s in items]) - median,
                bottom=median - log_hours([s.minimum for s in items]),
                beam=0.2, pen=pg.mkPen(self.style_.text),
            )
        )  # fmt: skip
        median_x = np.repeat(x, 2) + np.tile([-0.25, 0.25], len(items))
        self.plot.addItem(
            pg.PlotDataItem(
                median_x, np.repeat(median, 2), connect="pairs",
                pen=pg.mkPen(self.style_.text, width=3),
            )
        )  # fmt: skip
        self.plot.addItem(
            pg.ScatterPlotItem(x=x, y=log_hours([s.p90 for s in items]), symbol="o", size=8,
                               brush=pg.mkBrush(self.style_.series(3)), pen=pg.mkPen(None))
        )  # fmt: skip
        labels = [_short(s.name or self.tr("No section"), 10) for s in items]
        self.plot.getAxis("bottom").setTicks([[(float(i), t) for i, t in enumerate(labels)]])
        self.plot.getAxis("left").setTicks([self.hour_ticks()])
        top = max((s.maximum for s in items), default=1.0)
        self.plot.setXRange(-0.6, max(len(items), 1) - 0.4, padding=0)
        self.plot.setYRange(float(log_hours([0.1])[0]), float(log_hours([max(top, 2)])[0]) + 0.15)
        self.hover.hide()

    def hour_ticks(self) -> list[tuple[float, str]]:
        marks = (
            (0.1, self.tr("6 min")),
            (0.5, self.tr("30 min")),
            (1, self.tr("1 h")),
            (4, self.tr("4 h")),
            (24, self.tr("1 day")),
            (168, self.tr("1 week")),
            (720, self.tr("30 days")),
        )
        return [(float(log_hours([hours])[0]), label) for hours, label in marks]

    def describe(self, index: int) -> str:
        assert self.distribution is not None
        s = self.distribution.sections[index]
        text = self.tr(
            "%1: %2 articles\nmedian %3 h, middle half %4–%5 h\n90 % within %6 h, slowest %7 h"
        )
        values = (
            s.name or self.tr("No section"),
            str(s.count),
            *map(_number, (s.median, s.p25, s.p75, s.p90, s.maximum)),
        )
        for number, value in enumerate(values, start=1):
            text = text.replace(f"%{number}", value)
        return text

    def _mouse_moved(self, position: QPointF) -> None:
        if self.distribution is None or not self.plot.vb.sceneBoundingRect().contains(position):
            self.hover.hide()
            return
        point = self.plot.vb.mapSceneToView(position)
        index = round(point.x())
        if not 0 <= index < len(self.distribution.sections):
            self.hover.hide()
            return
        self.hover.setText(self.describe(index))
        self.hover.setAnchor((1, 0) if index >= len(self.distribution.sections) / 2 else (0, 0))
        self.hover.setPos(point.x(), point.y())
        self.hover.show()

    def table(self) -> Table:
        assert self.distribution is not None
        return speed_table(self.distribution)


class PipelineChart(ChartPanel):
    name = "pipeline"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: Pipeline | None = None
        self.status_counts: list[float] = []
        self.coming = self.graphics.addPlot(row=0, col=1, axisItems=count_axes())
        self.coming.setMenuEnabled(False)
        self.coming.hideButtons()
        self.coming.setMouseEnabled(x=False, y=False)
        # One row, in the headroom above the tallest bar rather than over it.
        self.coming.addLegend(offset=(8, 2), labelTextSize="8pt").setColumnCount(2)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.invertY(True)
        self.plot.getAxis("left").setWidth(150)
        self.plot.hideAxis("bottom")  # the counts are in the labels
        self.graphics.ci.layout.setColumnStretchFactor(0, 1)
        self.graphics.ci.layout.setColumnStretchFactor(1, 1)
        self.apply_style()

    def plots(self) -> list[pg.PlotItem]:
        return [self.plot, self.coming] if hasattr(self, "coming") else [self.plot]

    def status_names(self) -> dict[str, str]:
        return {
            "draft": self.tr("draft"),
            "submitted": self.tr("submitted"),
            "in_review": self.tr("in review"),
            "sent_back": self.tr("sent back"),
            "approved": self.tr("approved"),
            "scheduled": self.tr("scheduled"),
            "published": self.tr("published"),
            "corrected": self.tr("corrected"),
            "killed": self.tr("killed"),
            "trashed": self.tr("trashed"),
        }

    def show_pipeline(self, state: Pipeline) -> None:
        self.state = state
        _clear(self.plot)
        _clear(self.coming)
        names = self.status_names()
        counts = [float(n) for _status, n in state.statuses]
        self.status_counts = counts
        y = np.arange(len(counts), dtype=float)
        self.plot.addItem(
            pg.BarGraphItem(x0=np.zeros(len(counts)), y=y, width=counts, height=0.7,
                            brush=pg.mkBrush(self.style_.series(0)), pen=pg.mkPen(None))
        )  # fmt: skip
        ticks = [
            (float(i), f"{names.get(status, status)} ({n})")
            for i, (status, n) in enumerate(state.statuses)
        ]
        self.plot.getAxis("left").setTicks([ticks])
        self.plot.setYRange(-0.6, len(counts) - 0.4, padding=0)
        self.plot.setXRange(0, max(1.0, max(counts, default=1.0)) * 1.05, padding=0)
        days = np.arange(len(state.coming), dtype=float)
        scheduled = np.array([d.scheduled for d in state.coming], dtype=float)
        embargoed = np.array([d.embargoed for d in state.coming], dtype=float)
        self.coming.addItem(
            pg.BarGraphItem(x=days, height=scheduled, width=0.7, name=self.tr("scheduled"),
                            brush=pg.mkBrush(self.style_.series(5)), pen=pg.mkPen(None))
        )  # fmt: skip
        self.coming.addItem(
            pg.BarGraphItem(x=days, y0=scheduled, height=embargoed, width=0.7,
                            name=self.tr("embargo ends"),
                            brush=pg.mkBrush(self.style_.series(6)), pen=pg.mkPen(None))
        )  # fmt: skip
        self.coming.getAxis("bottom").setTicks(
            [[(float(i), d.day.strftime("%d/%m")) for i, d in enumerate(state.coming)]]
        )
        self.coming.setXRange(-0.6, max(len(state.coming), 1) - 0.4, padding=0)
        top = float((scheduled + embargoed).max()) if len(days) else 1.0
        self.coming.setYRange(0, max(1.0, top) * 1.4, padding=0)
        if self.coming.legend is not None:
            self.coming.legend.setLabelTextColor(self.style_.text)

    def coming_values(self) -> list[tuple[int, int]]:
        assert self.state is not None
        return [(d.scheduled, d.embargoed) for d in self.state.coming]

    def table(self) -> Table:
        assert self.state is not None
        return pipeline_table(self.state)
