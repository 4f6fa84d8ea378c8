"""Views over time (with a crosshair) and the Populer bar chart (hover, click to open)."""

from __future__ import annotations

import uuid
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from editor.dashboard.audience import PopularEntry, ViewSeries
from editor.dashboard.tables import Table, popular_table, views_table
from ui.dashboard.panel import ChartPanel, tooltip_item

#: Longest headline shown beside a Populer bar; the full one is in the hover text.
#: The Populer chart's label column, and what the axis keeps for its tick marks.
LABEL_WIDTH = 230
LABEL_MARGIN = 16


def time_label(start: datetime, bucket: str) -> str:
    return start.strftime("%d/%m %H:%M") if bucket == "hour" else start.strftime("%d/%m/%Y")


def sparse_ticks(labels: list[str], most: int = 8) -> list[tuple[float, str]]:
    step = max(1, -(-len(labels) // most))
    return [(float(i), label) for i, label in enumerate(labels) if i % step == 0]


class ViewsChart(ChartPanel):
    name = "views"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: ViewSeries | None = None
        self.curve = self.plot.plot([], [], stepMode=None, fillLevel=0)
        self.v_line = pg.InfiniteLine(angle=90, movable=False)
        self.h_line = pg.InfiniteLine(angle=0, movable=False)
        for line in (self.v_line, self.h_line):
            line.hide()
            self.plot.addItem(line, ignoreBounds=True)
        self.readout = tooltip_item(self.style_)
        self.plot.addItem(self.readout, ignoreBounds=True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getAxis("left").setWidth(84)
        self.graphics.scene().sigMouseMoved.connect(self._mouse_moved)
        self.restyle()

    def restyle(self) -> None:
        if not hasattr(self, "curve"):
            return
        colour = self.style_.series(0)
        fill = pg.mkColor(colour)
        fill.setAlpha(60)
        self.curve.setPen(pg.mkPen(colour, width=2))
        self.curve.setBrush(pg.mkBrush(fill))
        for line in (self.v_line, self.h_line):
            line.setPen(pg.mkPen(self.style_.text, width=1, style=Qt.PenStyle.DashLine))
        self.readout.fill = pg.mkBrush(self.style_.background)
        self.readout.border = pg.mkPen(self.style_.grid)
        self.readout.setColor(self.style_.text)

    def show_series(self, series: ViewSeries) -> None:
        self.series = series
        values = np.array([point.value for point in series.points], dtype=float)
        self.curve.setData(np.arange(len(values), dtype=float), values)
        labels = [time_label(point.start, series.bucket) for point in series.points]
        self.plot.getAxis("bottom").setTicks([sparse_ticks(labels)])
        self.plot.setXRange(0, max(1, len(values) - 1), padding=0.02)
        self.plot.setYRange(0, max(1.0, float(values.max()) if len(values) else 1.0), padding=0.05)
        self.readout.hide()
        self.note_empty(
            None
            if series.total
            else self.tr("No page views in this window. Import them with: redaksi views import")
        )

    def drawn_values(self) -> list[float]:
        _x, y = self.curve.getData()
        return [] if y is None else [float(v) for v in y]

    def value_at(self, x: float) -> tuple[int, datetime, int] | None:
        """The bucket nearest to ``x`` on the chart: its index, start and views."""
        if self.series is None or not self.series.points:
            return None
        index = min(max(round(x), 0), len(self.series.points) - 1)
        point = self.series.points[index]
        return index, point.start, point.value

    def _mouse_moved(self, position: QPointF) -> None:
        box = self.plot.vb.sceneBoundingRect()
        found = self.value_at(self.plot.vb.mapSceneToView(position).x())
        if not box.contains(position) or found is None or self.series is None:
            for item in (self.v_line, self.h_line, self.readout):
                item.hide()
            return
        index, start, value = found
        self.show_crosshair(index, start, value)

    def show_crosshair(self, index: int, start: datetime, value: int) -> None:
        assert self.series is not None
        self.v_line.setPos(index)
        self.h_line.setPos(value)
        text = self.tr("%1: %2 views").replace("%1", time_label(start, self.series.bucket))
        self.readout.setText(text.replace("%2", f"{value:,}".replace(",", ".")))
        # Keep the text inside the plot: to the left of the line past the middle.
        left = index > len(self.series.points) / 2
        self.readout.setAnchor((1, 0) if left else (0, 0))
        self.readout.setPos(index, value)
        for item in (self.v_line, self.h_line, self.readout):
            item.show()

    def crosshair_text(self) -> str:
        return self.readout.textItem.toPlainText() if self.readout.isVisible() else ""

    def table(self) -> Table:
        return views_table(self.series) if self.series else Table(("hour", "views"), ())


class PopularChart(ChartPanel):
    name = "popular"
    #: The article a user clicked.
    articleClicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: tuple[PopularEntry, ...] = ()
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7)
        self.plot.addItem(self.bars)
        self.plot.invertY(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.hover = tooltip_item(self.style_)
        self.plot.addItem(self.hover, ignoreBounds=True)
        self.plot.getAxis("left").setWidth(LABEL_WIDTH)
        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._mouse_moved)
        scene.sigMouseClicked.connect(self._mouse_clicked)
        self.restyle()

    def restyle(self) -> None:
        if not hasattr(self, "bars"):
            return
        self.bars.setOpts(brush=pg.mkBrush(self.style_.series(1)), pen=pg.mkPen(None))
        self.hover.fill = pg.mkBrush(self.style_.background)
        self.hover.border = pg.mkPen(self.style_.grid)
        self.hover.setColor(self.style_.text)

    def show_entries(self, entries: tuple[PopularEntry, ...]) -> None:
        self.entries = entries
        positions = list(range(len(entries)))
        widths = [entry.views for entry in entries]
        self.bars.setOpts(x0=[0] * len(entries), y=positions, width=widths, height=0.7)
        # pyqtgraph silently drops a tick label wider than the axis: headlines are cut to
        # the pixels there are, in the font the axis draws with.
        metrics = QFontMetrics(self.plot.getAxis("left").style.get("tickFont") or self.font())
        room = LABEL_WIDTH - LABEL_MARGIN
        ticks = [
            (
                float(i),
                metrics.elidedText(f"{i + 1}. {e.headline}", Qt.TextElideMode.ElideRight, room),
            )
            for i, e in enumerate(entries)
        ]
        self.plot.getAxis("left").setTicks([ticks])
        self.plot.setYRange(-0.6, max(len(entries), 1) - 0.4, padding=0)
        self.plot.setXRange(0, max(widths, default=1), padding=0.05)
        self.hover.hide()
        self.note_empty(None if entries else self.tr("No article was read in this window."))

    def drawn_values(self) -> list[float]:
        return [float(w) for w in self.bars.opts.get("width", [])]

    def entry_at(self, y: float) -> PopularEntry | None:
        index = round(y)
        if 0 <= index < len(self.entries) and abs(y - index) <= 0.35:
            return self.entries[index]
        return None

    def describe(self, entry: PopularEntry) -> str:
        views = f"{entry.views:,}".replace(",", ".")
        return (
            self.tr("%1\n%2 views — click to open")
            .replace("%1", entry.headline)
            .replace("%2", views)
        )

    def _entry_under(self, position: QPointF) -> PopularEntry | None:
        if not self.plot.vb.sceneBoundingRect().contains(position):
            return None
        point = self.plot.vb.mapSceneToView(position)
        entry = self.entry_at(point.y())
        return entry if entry is not None and 0 <= point.x() <= entry.views else None

    def _mouse_moved(self, position: QPointF) -> None:
        entry = self._entry_under(position)
        if entry is None:
            self.hover.hide()
            self.graphics.unsetCursor()
            return
        self.hover.setText(self.describe(entry))
        point = self.plot.vb.mapSceneToView(position)
        self.hover.setAnchor((1, 1) if point.x() > entry.views / 2 else (0, 1))
        self.hover.setPos(point.x(), point.y())
        self.hover.show()
        self.graphics.setCursor(Qt.CursorShape.PointingHandCursor)

    def _mouse_clicked(self, event: object) -> None:
        entry = self._entry_under(event.scenePos())  # type: ignore[attr-defined]
        if entry is not None:
            self.articleClicked.emit(entry.article_id)

    def open_index(self, index: int) -> uuid.UUID:
        """Emit the click for the bar at ``index`` (the keyboard and tests use this)."""
        article_id = self.entries[index].article_id
        self.articleClicked.emit(article_id)
        return article_id

    def table(self) -> Table:
        return popular_table(list(self.entries))
