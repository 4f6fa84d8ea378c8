"""One dashboard chart in a frame: a title, its plot, and PNG/CSV export buttons.

PNG goes through pyqtgraph's ImageExporter (its SVG export is broken with this Qt);
CSV is the core's table of the series drawn, so the file holds the chart's numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.dashboard.tables import Table, write_csv
from ui.dashboard.style import ChartStyle, current_style
from ui.file_dialogs import save_file_name

#: Width of an exported PNG, in pixels: sharp enough for a report or a slide.
PNG_WIDTH = 1600


class ChartPanel(QFrame):
    """Base for the five charts: subclasses draw into ``self.plot`` and give a table."""

    #: A short stable name, used for object names and suggested file names.
    name = "chart"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"dashboard-{self.name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.png_button = QToolButton(self)
        self.png_button.setObjectName(f"{self.name}-png")
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button = QToolButton(self)
        self.csv_button.setObjectName(f"{self.name}-csv")
        self.csv_button.clicked.connect(self._ask_csv)
        self.header = QHBoxLayout()
        self.header.addWidget(self.title, 1)
        self.header.addWidget(self.png_button)
        self.header.addWidget(self.csv_button)
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setMinimumHeight(160)
        self.plot: pg.PlotItem = self.graphics.addPlot(axisItems=count_axes())
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        # Floats over the plot when there is nothing to draw, so a blank chart says why.
        self.empty_note = QLabel(self.graphics)
        self.empty_note.setObjectName(f"{self.name}-empty")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setWordWrap(True)
        self.empty_note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_note.hide()
        self.graphics.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addWidget(self.graphics, 1)
        self.style_ = current_style()
        self.retranslate_panel()
        self.apply_style()

    # --- for subclasses ------------------------------------------------------------------

    def table(self) -> Table:
        raise NotImplementedError

    def plots(self) -> list[pg.PlotItem]:
        return [self.plot]

    def restyle(self) -> None:
        """Recolour what the subclass drew (called after the theme changed)."""

    # --- look ---------------------------------------------------------------------------

    def apply_style(self) -> None:
        self.style_ = style = current_style()
        self.graphics.setBackground(style.background)
        for plot in self.plots():
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                axis.setPen(pg.mkPen(style.grid))
                axis.setTextPen(pg.mkPen(style.text))
            plot.showGrid(x=False, y=True, alpha=0.25)
            if plot.legend is not None:
                plot.legend.setLabelTextColor(style.text)
        self.empty_note.setStyleSheet(f"color: {style.text.name()}; background: transparent;")
        self.restyle()

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def note_empty(self, text: str | None) -> None:
        """Say over the plot why it is blank; None when it has something to show."""
        self.empty_note.setText(text or "")
        self.empty_note.setGeometry(self.graphics.rect())
        self.empty_note.setVisible(bool(text))
        # Ticks and grid lines under "No article…" read as data: hidden until data comes.
        # Opacity, not hideAxis: the plot keeps its place, and axes hidden on purpose
        # (the pipeline's bottom one) stay hidden.
        for plot in self.plots():
            for side in ("left", "bottom"):
                plot.getAxis(side).setOpacity(0.0 if text else 1.0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.graphics and event.type() == QEvent.Type.Resize:
            self.empty_note.setGeometry(self.graphics.rect())
        return super().eventFilter(watched, event)

    def retranslate_panel(self) -> None:
        self.png_button.setText(self.tr("PNG…"))
        self.png_button.setToolTip(self.tr("Save this chart as a PNG picture"))
        self.csv_button.setText(self.tr("CSV…"))
        self.csv_button.setToolTip(self.tr("Save this chart's numbers as a CSV file"))

    # --- export -------------------------------------------------------------------------

    def export_png(self, path: Path) -> None:
        from pyqtgraph.exporters import ImageExporter

        exporter: Any = ImageExporter(self.graphics.ci)
        exporter.parameters()["width"] = PNG_WIDTH
        exporter.parameters()["background"] = self.style_.background
        exporter.export(str(path))
        if not Path(path).exists():
            raise OSError(f"could not write {path}")

    def export_csv(self, path: Path) -> None:
        write_csv(self.table(), path)

    def _ask_png(self) -> None:
        self._ask(
            self.tr("Save chart as PNG"), "png", self.tr("PNG pictures (*.png)"), self.export_png
        )

    def _ask_csv(self) -> None:
        self._ask(
            self.tr("Save chart data as CSV"), "csv", self.tr("CSV files (*.csv)"), self.export_csv
        )

    def _ask(self, caption: str, suffix: str, filters: str, save: Any) -> None:
        suggested = str(Path.home() / f"redaksi-{self.name}.{suffix}")
        path = save_file_name(self, caption, suggested, filters)
        if not path:
            return
        if not path.lower().endswith(f".{suffix}"):
            path += f".{suffix}"
        try:
            save(Path(path))
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Export failed"),
                self.tr("Could not save %1: %2. Choose another folder and try again.")
                .replace("%1", path)
                .replace("%2", str(error)),
            )


class CountAxis(pg.AxisItem):
    """Counts written out with Indonesian thousands dots ("1.500.000"), never "1.5e+06"."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing < 1:
            return [str(text) for text in super().tickStrings(values, scale, spacing)]
        return [f"{round(value * scale):,}".replace(",", ".") for value in values]


def count_axes() -> dict[str, pg.AxisItem]:
    return {"left": CountAxis("left"), "bottom": CountAxis("bottom")}


def tooltip_item(style: ChartStyle) -> pg.TextItem:
    """A small text box that follows the mouse inside a plot."""
    item = pg.TextItem(
        "", color=style.text, fill=pg.mkBrush(style.background), border=pg.mkPen(style.grid)
    )
    item.setZValue(100)
    item.hide()
    return item


def align_right(label: QLabel) -> None:
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
