"""The dashboard driven like an editor would: change each filter, read what every chart
draws (the plot items' data), hover, click, export; the hand-made newsroom of the core
tests, so every number is known."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from editor.database import Database
from editor.people import list_people
from editor.sections import list_sections
from tests.core.test_dashboard_support import NOW, ZONE, Newsroom, make_newsroom
from ui.dashboard.panel import PNG_WIDTH
from ui.dashboard.view import DashboardView


@pytest.fixture
def room(sqlite_db: Database) -> Newsroom:
    return make_newsroom(sqlite_db)


@pytest.fixture
def view(qtbot, sqlite_db: Database, room: Newsroom) -> Iterator[DashboardView]:
    dashboard = DashboardView(
        sqlite_db,
        zone=ZONE,
        sections=list_sections(sqlite_db),
        people=list_people(sqlite_db),
        now=NOW,
    )
    qtbot.addWidget(dashboard)
    dashboard.resize(1280, 860)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    qtbot.waitUntil(lambda: not dashboard.is_pending())
    yield dashboard


def choose(box, data) -> None:
    """Pick ``data`` in ``box``; a filter box recomputes in the background: wait for it."""
    index = box.findData(None if data is None else str(data))
    assert index >= 0, f"{data!r} is not offered"
    view = box.window()
    box.setCurrentIndex(index)
    if box in (view.window_box, view.section_box, view.reporter_box):
        assert view.is_pending()
        deadline = time.monotonic() + 5
        while view.is_pending() and time.monotonic() < deadline:
            QTest.qWait(5)
        assert not view.is_pending()


def drawn(view: DashboardView) -> dict[str, object]:
    """What each chart has drawn, read back from its plot items."""
    return {
        "views": sum(view.views.drawn_values()),
        "points": len(view.views.drawn_values()),
        "popular": view.popular.drawn_values(),
        "produced": sum(view.production.drawn_totals()),
        "medians": list(view.speed.medians),
        "published": view.pipeline.status_counts[6],
        "scheduled": view.pipeline.status_counts[5],
    }


def test_every_chart_follows_each_filter(view, room):
    # Seven days, by day: the numbers worked out in tests/core/test_dashboard_support.py.
    assert drawn(view) == {
        "views": 225,
        "points": 8,
        "popular": [160, 50, 5, 3],
        "produced": 4,
        "medians": [0.5, 4, 48],
        "published": 6,
        "scheduled": 1,
    }
    choose(view.window_box, "24h")
    assert drawn(view) == {
        "views": 190,
        "points": 24,  # a day is drawn by the hour
        "popular": [160, 20, 3],
        "produced": 1,
        "medians": [6],
        "published": 6,  # the pipeline is the state now, whatever the window
        "scheduled": 1,
    }
    choose(view.window_box, "7d")
    choose(view.section_box, room.olahraga.id)
    assert drawn(view)["views"] == 5
    assert drawn(view)["popular"] == [5]
    assert (drawn(view)["produced"], drawn(view)["medians"]) == (1, [48])
    assert (drawn(view)["published"], drawn(view)["scheduled"]) == (1, 0)
    choose(view.section_box, None)
    choose(view.reporter_box, room.sarah.id)
    assert drawn(view)["views"] == 172
    assert drawn(view)["popular"] == [160, 5]
    assert (drawn(view)["published"], drawn(view)["scheduled"]) == (3, 1)
    assert [d.scheduled for d in view.pipeline.state.coming][:2] == [0, 1]


def test_chart_choices_change_only_their_chart(view, room):
    # One article from the Populer list on its own.
    choose(view.article_box, room.ids["dunia"])
    assert sum(view.views.drawn_values()) == 160
    assert "Berita dunia" in view.views.title.text()
    choose(view.bucket_box, "hour")
    assert len(view.views.drawn_values()) == 7 * 24
    choose(view.section_box, room.dunia.id)  # another filter keeps the user's "per hour"
    assert len(view.views.drawn_values()) == 7 * 24
    assert sum(view.views.drawn_values()) == 160
    choose(view.section_box, None)
    choose(view.grouping_box, "reporter")
    assert list(view.production.stacks) == ["Budi", "Sarah"]
    assert sum(view.production.stacks["Budi"]) == 3
    choose(view.period_box, "week")
    assert len(view.production.drawn_totals()) == 2
    assert view.popular.drawn_values() == [160, 50, 5, 3]  # untouched


def test_crosshair_shows_the_value_under_the_mouse(view, qtbot):
    chart = view.views
    last = len(chart.drawn_values()) - 1  # the 15th: 190 views
    scene_point = chart.plot.vb.mapViewToScene(QPointF(last, 100))
    chart.graphics.scene().sigMouseMoved.emit(scene_point)
    assert chart.v_line.isVisible()
    assert chart.v_line.value() == last
    assert chart.h_line.value() == 190
    assert "190" in chart.crosshair_text()
    assert "15/01/2026" in chart.crosshair_text()
    chart.graphics.scene().sigMouseMoved.emit(QPointF(-50, -50))  # outside the plot
    assert not chart.v_line.isVisible()


class _Click:
    def __init__(self, position: QPointF) -> None:
        self._position = position

    def scenePos(self) -> QPointF:
        return self._position


def test_populer_hover_names_the_article_and_a_click_opens_it(view, qtbot, room):
    chart = view.popular
    second_bar = chart.plot.vb.mapViewToScene(QPointF(10, 1))  # inside "berita" (50 views)
    chart.graphics.scene().sigMouseMoved.emit(second_bar)
    assert chart.hover.isVisible()
    text = chart.hover.textItem.toPlainText()
    assert "Berita berita" in text and "50" in text
    with qtbot.waitSignal(view.openArticle) as opened:
        chart._mouse_clicked(_Click(second_bar))
    assert opened.args == [room.ids["berita"]]
    # Beyond the end of a bar is not a click on it.
    with qtbot.assertNotEmitted(view.openArticle):
        chart._mouse_clicked(_Click(chart.plot.vb.mapViewToScene(QPointF(120, 1))))


def test_each_chart_exports_png_and_csv(view, tmp_path):
    for chart in view.charts():
        picture = tmp_path / f"{chart.name}.png"
        chart.export_png(picture)
        image = QImage(str(picture))
        assert image.width() == PNG_WIDTH, chart.name
        table = tmp_path / f"{chart.name}.csv"
        chart.export_csv(table)
        with table.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == list(chart.table().header)
        assert len(rows) == 1 + len(chart.table().rows)
    with (tmp_path / "popular.csv").open(encoding="utf-8-sig") as handle:
        assert "Berita dunia" in handle.read()


def test_charts_follow_the_theme(view, qapp):
    from ui.theme import apply_theme

    apply_theme(qapp, "dark")
    try:
        qapp.processEvents()
        assert view.views.style_.background.lightness() < 80
        assert view.views.graphics.backgroundBrush().color().lightness() < 80
    finally:
        apply_theme(qapp, "light")
        qapp.processEvents()
    assert view.views.graphics.backgroundBrush().color().lightness() > 200


def test_main_window_opens_the_dashboard_and_a_click_selects_the_article(qtbot, demo_db, tmp_path):
    from editor.config import Settings
    from ui.main_window import AppContext, MainWindow

    context = AppContext(settings=Settings(database_url=demo_db.url), data_dir=tmp_path / "d")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    main.attach_database(demo_db)
    try:
        action = main.registry.action("view.dashboard")
        assert action.isEnabled()
        action.trigger()
        dashboard = main.dashboard
        assert dashboard.isVisible() and dashboard.isWindow()
        qtbot.waitUntil(lambda: not dashboard.is_pending())
        assert dashboard.pipeline.state is not None
        first = main.list_pane.model.summary(1).id
        dashboard.openArticle.emit(first)
        assert main.list_pane.current_id() == first
        action.trigger()  # asked again: the same window comes forward
        assert main.dashboard is dashboard
    finally:
        main.autosave.shutdown()


def test_screenshot_of_the_dashboard_from_the_command_line(demo_db, tmp_path):
    shot = tmp_path / "dashboard.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = "import sys; from ui.app import run_gui; sys.exit(run_gui(sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", code, "--db", demo_db.url, "--screenshot", str(shot),
         "--view", "dashboard", "--size", "1200x800", "--theme", "dark"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1200, 800)
    assert image.pixelColor(600, 400).lightness() < 100  # dark chart backgrounds


def test_a_filter_changed_again_before_the_numbers_arrive_shows_the_last_choice(view):
    view.window_box.setCurrentIndex(view.window_box.findData("24h"))
    view.section_box.setCurrentIndex(view.section_box.findData(str(view.section_box.itemData(1))))
    choose(view.window_box, "30d")  # all three computed; only the last one is drawn
    assert view.window_box.currentData() == "30d"
    berita_and_dunia = 100 + 50 + 10 + 30 + 20 + 7 + 3
    assert sum(view.views.drawn_values()) == berita_and_dunia
    assert "30" in view.views.title.text()


def test_a_chart_choice_made_while_numbers_are_on_their_way_is_kept(view):
    view.window_box.setCurrentIndex(view.window_box.findData("30d"))
    assert view.is_pending()
    view.grouping_box.setCurrentIndex(view.grouping_box.findData("reporter"))
    choose(view.window_box, "30d")
    assert list(view.production.stacks) == ["Budi", "Sarah"]
    assert view.production.series.grouping == "reporter"


def test_an_empty_newsroom_draws_empty_charts(qtbot, tmp_path):
    from editor.database import open_database

    empty = open_database(f"sqlite:///{tmp_path / 'empty.db'}")
    dashboard = DashboardView(empty, zone=ZONE, sections=[], people=[], now=NOW)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitUntil(lambda: not dashboard.is_pending())
    assert dashboard.status.text() == ""  # no error shown
    assert sum(dashboard.views.drawn_values()) == 0
    assert dashboard.popular.drawn_values() == []
    assert dashboard.speed.medians == []
    assert dashboard.production.drawn_totals() == []
    assert sum(dashboard.pipeline.status_counts) == 0
    # A blank chart says why over the plot; the pipeline (all zeros) is a real answer.
    for chart in (dashboard.views, dashboard.popular, dashboard.production, dashboard.speed):
        assert chart.empty_note.isVisible() and chart.empty_note.text()
        assert chart.empty_note.geometry() == chart.graphics.rect()
    assert not dashboard.pipeline.empty_note.isVisible()
    dashboard.speed.export_csv(tmp_path / "speed.csv")
    assert (tmp_path / "speed.csv").read_text(encoding="utf-8-sig").startswith("section,")
    empty.close()


def test_charts_with_data_show_no_empty_note(view):
    for chart in (view.views, view.popular, view.production, view.speed):
        assert not chart.empty_note.isVisible(), chart.name


def test_every_populer_bar_keeps_its_label_on_a_laptop_screen(view, room, qtbot):
    """pyqtgraph drops a tick label wider than its axis: long headlines must be cut."""
    from PySide6.QtGui import QPainter

    from editor.dashboard.audience import PopularEntry

    long = "Pemerintah Provinsi Mengumumkan Kebijakan Baru tentang Harga Beras di Pasar"
    entries = tuple(
        PopularEntry(article_id=entry.article_id, headline=f"{long} {n}", views=1000 - n,
                     published_at=entry.published_at)
        for n, entry in enumerate([view.popular.entries[0]] * 7)
    )  # fmt: skip
    view.resize(1366, 700)
    view.popular.show_entries(entries)
    qtbot.wait(50)
    axis = view.popular.plot.getAxis("left")
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    drawn_labels = [text for _rect, _flags, text in texts]
    assert len(drawn_labels) == 7
    assert all(label.startswith(f"{n + 1}. Pemerintah") for n, label in enumerate(drawn_labels))
    assert all(label.endswith("…") for label in drawn_labels)


def _axis_ink(chart, side: str) -> int:
    """How many pixels of the axis's strip of the plot differ from the chart's background
    (the plot alone: the empty note floating over it is a widget of its own)."""
    from PySide6.QtGui import QPainter

    area = chart.plot.getAxis(side).sceneBoundingRect()
    image = QImage(int(area.width()) + 1, int(area.height()) + 1, QImage.Format.Format_RGB32)
    image.fill(chart.style_.background)
    painter = QPainter(image)
    try:
        chart.graphics.scene().render(painter, QRectF(image.rect()), area)
    finally:
        painter.end()
    background = chart.style_.background.rgb()
    return sum(
        image.pixel(x, y) != background for x in range(image.width()) for y in range(image.height())
    )


def test_an_empty_chart_draws_no_ticks_under_its_note_until_data_comes(view, qtbot):
    chart = view.popular
    entries = chart.entries
    view.resize(1366, 700)
    qtbot.wait(50)
    assert _axis_ink(chart, "left") > 0
    chart.show_entries(())
    assert chart.empty_note.isVisible()
    assert _axis_ink(chart, "left") == 0, "ticks drawn under the empty note"
    assert _axis_ink(chart, "bottom") == 0
    chart.show_entries(entries)
    assert _axis_ink(chart, "left") > 0, "the ticks did not come back with the data"
