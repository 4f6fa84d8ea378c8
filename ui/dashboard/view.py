"""The dashboard: filters for window, section and reporter, and five charts that follow them.

A filter change recomputes every series (``editor.dashboard.snapshot``) and redraws every
chart at once; a chart's own choice (hour or day, per day or week, by section or reporter,
one article) recomputes only that chart. Clicking a Populer bar emits ``openArticle``.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.dashboard.filters import WINDOWS, DashboardFilter
from editor.dashboard.snapshot import (
    ChartChoices,
    DashboardSnapshot,
    production_for,
    snapshot,
    views_for,
)
from editor.database import Database
from editor.records import PersonRecord, SectionRecord
from ui.dashboard.audience_charts import PopularChart, ViewsChart
from ui.dashboard.style import current_style
from ui.dashboard.work_charts import PipelineChart, ProductionChart, SpeedChart

DEFAULT_WINDOW = "7d"


class DashboardView(QWidget):
    #: The user asked to open an article (a Populer bar was clicked): its uuid.UUID.
    openArticle = Signal(object)
    #: Every chart was redrawn for a new filter.
    refreshed = Signal()

    def __init__(
        self,
        db: Database,
        *,
        zone: str,
        sections: list[SectionRecord],
        people: list[PersonRecord],
        now: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.db = db
        self.zone = zone
        #: A fixed clock (tests, screenshots, the bench); None means the real time.
        self.fixed_now: datetime | None = now
        self.choices = ChartChoices()
        self.snapshot: DashboardSnapshot | None = None
        self.window_box = QComboBox(self)
        self.window_box.setObjectName("dashboardWindow")
        self.section_box = QComboBox(self)
        self.section_box.setObjectName("dashboardSection")
        self.reporter_box = QComboBox(self)
        self.reporter_box.setObjectName("dashboardReporter")
        self.bucket_box = QComboBox(self)
        self.bucket_box.setObjectName("dashboardBucket")
        self.article_box = QComboBox(self)
        self.article_box.setObjectName("dashboardArticle")
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("dashboardPeriod")
        self.grouping_box = QComboBox(self)
        self.grouping_box.setObjectName("dashboardGrouping")
        self.labels = {key: QLabel(self) for key in ("window", "section", "reporter")}
        self.status = QLabel(self)
        self.status.setObjectName("dashboardStatus")
        self._ticket = 0
        self._drawn_ticket = 0
        self.views = ViewsChart(self)
        self.popular = PopularChart(self)
        self.production = ProductionChart(self)
        self.speed = SpeedChart(self)
        self.pipeline = PipelineChart(self)
        self._fill_choices(sections, people)
        self._suit_bucket_to_window()
        self._lay_out()
        self.retranslate()
        self._connect()
        self.refresh()

    # --- layout -------------------------------------------------------------------------

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for key, box in (
            ("window", self.window_box),
            ("section", self.section_box),
            ("reporter", self.reporter_box),
        ):
            self.labels[key].setBuddy(box)
            filters.addWidget(self.labels[key])
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.status)
        self.views.header.insertWidget(1, self.article_box)
        self.views.header.insertWidget(2, self.bucket_box)
        self.production.header.insertWidget(1, self.period_box)
        self.production.header.insertWidget(2, self.grouping_box)
        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.views, 0, 0, 1, 2)
        grid.addWidget(self.popular, 1, 0)
        grid.addWidget(self.production, 1, 1)
        grid.addWidget(self.speed, 2, 0)
        grid.addWidget(self.pipeline, 2, 1)
        for row in range(3):
            grid.setRowStretch(row, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        # The charts scroll inside the window rather than set its least size: on a small
        # screen the window fits, and a row that does not is scrolled to, not cut off.
        charts = QWidget()
        charts.setObjectName("dashboardCharts")
        charts.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(charts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(scroll, 1)

    def _fill_choices(self, sections: list[SectionRecord], people: list[PersonRecord]) -> None:
        for name in WINDOWS:
            self.window_box.addItem("", name)
        self.window_box.setCurrentIndex(list(WINDOWS).index(DEFAULT_WINDOW))
        self.section_box.addItem("", None)
        for section in sections:
            depth = section.path.count("/")
            self.section_box.addItem("    " * depth + section.name, str(section.id))
        self.reporter_box.addItem("", None)
        for person in sorted(people, key=lambda p: p.name.casefold()):
            self.reporter_box.addItem(person.name, str(person.id))
        for bucket in ("hour", "day"):
            self.bucket_box.addItem("", bucket)
        for period in ("day", "week"):
            self.period_box.addItem("", period)
        for grouping in ("section", "reporter"):
            self.grouping_box.addItem("", grouping)
        self.article_box.addItem("", None)

    def _connect(self) -> None:
        self.window_box.currentIndexChanged.connect(self._window_changed)
        for box in (self.section_box, self.reporter_box):
            box.currentIndexChanged.connect(self.refresh)
        self.bucket_box.currentIndexChanged.connect(self._views_choice_changed)
        self.article_box.currentIndexChanged.connect(self._views_choice_changed)
        self.period_box.currentIndexChanged.connect(self._production_choice_changed)
        self.grouping_box.currentIndexChanged.connect(self._production_choice_changed)
        self.popular.articleClicked.connect(self.openArticle)

    # --- data ---------------------------------------------------------------------------

    def current_filter(self) -> DashboardFilter:
        now = self.fixed_now or datetime.now(UTC)
        return DashboardFilter(
            window=WINDOWS[self.window_box.currentData()],
            section_id=_chosen_id(self.section_box),
            reporter_id=_chosen_id(self.reporter_box),
            now=now,
        )

    def refresh(self) -> None:
        """Recompute every series for the filters as they are now, off the GUI thread (a
        90-day window sums millions of rows), and redraw when the numbers arrive. A result
        overtaken by a newer filter change is dropped."""
        from ui.workers import run_in_background

        flt = self.current_filter()
        self.choices = replace(self.choices, bucket=self.bucket_box.currentData())
        self._ticket += 1
        ticket = self._ticket
        self.status.setText(self.tr("Updating…"))
        run_in_background(
            snapshot,
            self.db,
            flt,
            zone=self.zone,
            choices=self.choices,
            on_done=lambda data: self._arrived(ticket, data),
            on_error=lambda message, _error: self._failed(ticket, message),
            parent=self,
        )

    def is_pending(self) -> bool:
        """Whether a refresh is still being computed (screenshots wait for it)."""
        return self._drawn_ticket != self._ticket

    def _failed(self, ticket: int, message: str) -> None:
        if ticket != self._ticket:
            return
        self._drawn_ticket = ticket
        self.status.setText(
            self.tr(
                "Could not read the numbers: %1. Check the database and choose a filter again."
            ).replace("%1", message)
        )

    def _arrived(self, ticket: int, data: DashboardSnapshot) -> None:
        if ticket != self._ticket:
            return
        self._drawn_ticket = ticket
        self.status.setText("")
        self.snapshot = data
        self.views.show_series(data.views)
        self.popular.show_entries(data.popular)
        self.production.show_series(data.production)
        self.speed.show_distribution(data.speed)
        self.pipeline.show_pipeline(data.pipeline)
        self._fill_articles(data)
        # A chart choice made while the numbers were on their way: that chart again.
        if (data.choices.bucket, data.choices.article_id) != (
            self.choices.bucket,
            self.choices.article_id,
        ):
            self._views_choice_changed()
        if (data.choices.period, data.choices.grouping) != (
            self.choices.period,
            self.choices.grouping,
        ):
            self._production_choice_changed()
        self._retitle()
        self.refreshed.emit()

    def _fill_articles(self, data: DashboardSnapshot) -> None:
        """The views chart can show one of the Populer articles on its own."""
        chosen = self.choices.article_id
        self.article_box.blockSignals(True)
        while self.article_box.count() > 1:
            self.article_box.removeItem(1)
        for entry in data.popular:
            self.article_box.addItem(entry.headline[:50], str(entry.article_id))
        index = self.article_box.findData(str(chosen)) if chosen is not None else 0
        self.article_box.setCurrentIndex(max(index, 0))
        self.article_box.blockSignals(False)
        if chosen is not None and index < 0:  # no longer in the ranking: back to all
            self._views_choice_changed()

    def _window_changed(self) -> None:
        self._suit_bucket_to_window()
        self.refresh()

    def _suit_bucket_to_window(self) -> None:
        """Hours for a day, days beyond: a month of hours is an unreadable comb."""
        self.bucket_box.blockSignals(True)
        self.bucket_box.setCurrentIndex(0 if self.window_box.currentData() == "24h" else 1)
        self.bucket_box.blockSignals(False)

    def _views_choice_changed(self) -> None:
        article_id = _chosen_id(self.article_box)
        self.choices = replace(
            self.choices, bucket=self.bucket_box.currentData(), article_id=article_id
        )
        self.views.show_series(views_for(self.db, self.current_filter(), self.choices, self.zone))
        self._retitle()

    def _production_choice_changed(self) -> None:
        self.choices = replace(
            self.choices,
            period=self.period_box.currentData(),
            grouping=self.grouping_box.currentData(),
        )
        series = production_for(self.db, self.current_filter(), self.choices, self.zone)
        self.production.show_series(series)
        self._retitle()

    # --- look and language --------------------------------------------------------------

    def apply_theme(self) -> None:
        """Recolour every chart from the app palette (after a theme change)."""
        for chart in self.charts():
            chart.apply_style()
        if self.snapshot is not None:  # redraw what is shown, in the new colours
            data = self.snapshot
            self.views.show_series(self.views.series or data.views)
            self.popular.show_entries(data.popular)
            self.production.show_series(self.production.series or data.production)
            self.speed.show_distribution(data.speed)
            self.pipeline.show_pipeline(data.pipeline)

    def charts(self) -> list[Any]:
        return [self.views, self.popular, self.production, self.speed, self.pipeline]

    def _retitle(self) -> None:
        window = self.window_box.currentText()
        scope = self.article_box.currentText() if self.choices.article_id else ""
        views = self.tr("Page views, %1").replace("%1", window)
        self.views.set_title(f"{views} — {scope}" if scope else views)
        self.popular.set_title(self.tr("Populer, %1").replace("%1", window))
        self.production.set_title(self.tr("Articles published, %1").replace("%1", window))
        self.speed.set_title(
            self.tr("From first draft to publication, per section, %1").replace("%1", window)
        )
        self.pipeline.set_title(self.tr("Pipeline now, and the coming days"))

    def retranslate(self) -> None:
        self.labels["window"].setText(self.tr("&Window:"))
        self.labels["section"].setText(self.tr("&Section:"))
        self.labels["reporter"].setText(self.tr("&Reporter:"))
        names = {
            "24h": self.tr("last 24 hours"),
            "7d": self.tr("last 7 days"),
            "30d": self.tr("last 30 days"),
            "90d": self.tr("last 90 days"),
        }
        for index, key in enumerate(WINDOWS):
            self.window_box.setItemText(index, names[key])
        self.section_box.setItemText(0, self.tr("All sections"))
        self.reporter_box.setItemText(0, self.tr("All reporters"))
        self.article_box.setItemText(0, self.tr("All articles"))
        self.bucket_box.setItemText(0, self.tr("per hour"))
        self.bucket_box.setItemText(1, self.tr("per day"))
        self.period_box.setItemText(0, self.tr("per day"))
        self.period_box.setItemText(1, self.tr("per week"))
        self.grouping_box.setItemText(0, self.tr("by section"))
        self.grouping_box.setItemText(1, self.tr("by reporter"))
        for chart in self.charts():
            chart.retranslate_panel()
        self.setWindowTitle(self.tr("Newsroom dashboard"))
        self._retitle()

    def _palette_moved(self) -> bool:
        return self.views.style_.background != current_style().background

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange and self._palette_moved():
            self.apply_theme()
        super().changeEvent(event)


def _chosen_id(box: QComboBox) -> uuid.UUID | None:
    """The id a combo box holds as text (Qt compares text data; Python objects it does not)."""
    value = box.currentData()
    return uuid.UUID(value) if value else None
