"""The preview follows the editor: typing, headline, section and byline changes show up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QTextCursor

from editor.articles import create_article
from editor.config import Settings
from editor.database import Database
from editor.people import ensure_person, list_people
from editor.records import ArticleDraft
from editor.sections import create_section, list_sections
from ui.actions import ActionRegistry
from ui.editor_pane import EditorPane
from ui.preview_pane import PreviewPane


@pytest.fixture
def panes(qtbot, sqlite_db: Database) -> tuple[EditorPane, PreviewPane]:
    news = create_section(sqlite_db, "Berita")
    world = create_section(sqlite_db, "Dunia", parent_id=news.id)
    create_section(sqlite_db, "Olahraga")
    sarah = ensure_person(sqlite_db, "Sarah Meiliana Gunawan")
    ensure_person(sqlite_db, "Budi Santoso")
    record = create_article(
        sqlite_db,
        ArticleDraft(
            headline="NATO akan Buka Kantor di Jepang",
            body="Pakta Pertahanan Atlantik Utara berencana melebarkan sayapnya.",
            section_id=world.id,
            byline_ids=(sarah.id,),
        ),
    )
    editor = EditorPane(ActionRegistry())
    preview = PreviewPane()
    for widget in (editor, preview):
        qtbot.addWidget(widget)
        widget.resize(640, 700)
        widget.show()
    sections = list_sections(sqlite_db)
    editor.load(record, sections, list_people(sqlite_db))
    preview.set_sections(sections)
    settings = Settings(database_url=sqlite_db.url)
    editor.contentChanged.connect(lambda: preview.show_record(editor.current_record(), settings))
    editor.scrollFractionChanged.connect(preview.set_scroll_fraction)
    with qtbot.waitSignal(preview.rendered, timeout=5000):
        preview.show_record(editor.current_record(), settings)
    return editor, preview


def shown_text(preview: PreviewPane) -> str:
    return preview.browser.toPlainText()


def test_the_preview_has_the_published_page_anatomy(panes) -> None:
    _editor, preview = panes
    lines = [line.strip() for line in shown_text(preview).splitlines() if line.strip()]
    assert lines[0] == "Berita › Dunia"
    assert lines[1] == "NATO akan Buka Kantor di Jepang"
    assert lines[2].endswith("WIB | LAPORAN: SARAH MEILIANA GUNAWAN")
    assert lines[3].startswith("Pakta Pertahanan")


def test_typing_updates_the_preview_after_a_pause(qtbot, panes) -> None:
    editor, preview = panes
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, "Kantor pertama NATO di **Asia**.")
    assert "Kantor pertama" not in shown_text(preview)  # never rendered on the typing path
    qtbot.waitUntil(lambda: "Kantor pertama NATO di Asia." in shown_text(preview), timeout=5000)
    assert "<strong>Asia</strong>" in preview.html()


def test_headline_section_and_byline_changes_follow(qtbot, panes, sqlite_db: Database) -> None:
    editor, preview = panes
    editor.form.headline.setText("Timnas Menang")
    sport = next(s for s in list_sections(sqlite_db) if s.name == "Olahraga")
    editor.form.select_section(sport.id)
    budi = next(p for p in list_people(sqlite_db) if p.name == "Budi Santoso")
    editor.form.bylines.add_person(budi.id)

    def followed() -> bool:
        text = shown_text(preview)
        return (
            "Timnas Menang" in text
            and "Berita › Olahraga" in text
            and "LAPORAN: SARAH MEILIANA GUNAWAN DAN BUDI SANTOSO" in text
        )

    qtbot.waitUntil(followed, timeout=5000)


def test_a_stale_render_is_dropped(qtbot, panes) -> None:
    editor, preview = panes
    settings = Settings(database_url="sqlite://")
    from dataclasses import replace

    first = replace(editor.current_record(), body="Versi lama.")
    second = replace(editor.current_record(), body="Versi baru.")
    preview.show_record(first, settings)
    preview.show_now()  # a render of the first record is under way...
    preview.show_record(second, settings)  # ...when the reporter types on
    qtbot.waitUntil(lambda: "Versi baru." in shown_text(preview), timeout=5000)
    assert "Versi lama." not in shown_text(preview)


def test_scroll_follows_the_editor(qtbot, panes) -> None:
    editor, preview = panes
    editor.body.setPlainText("\n\n".join(f"Paragraf nomor {i}." for i in range(300)))
    qtbot.waitUntil(lambda: "Paragraf nomor 299." in shown_text(preview), timeout=5000)
    bar = editor.body.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert 0.4 < preview.scroll_fraction() < 0.6


def test_lead_image_with_caption_and_credit(qtbot, panes, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    photo = tmp_path / "foto.png"
    image.save(str(photo))
    editor, preview = panes
    editor.form.lead_image.setText(str(photo))
    editor.form.caption.setText("Sekjen NATO di Tokyo")
    editor.form.credit.setText("NATO/Net")
    qtbot.waitUntil(lambda: "Sekjen NATO di Tokyo/NATO/Net" in shown_text(preview), timeout=5000)
    assert photo.as_uri() in preview.html()


def test_a_missing_lead_image_is_reported_in_the_preview(qtbot, panes) -> None:
    editor, preview = panes
    editor.form.lead_image.setText("/nowhere/foto.jpg")
    qtbot.waitUntil(
        lambda: "image not found: /nowhere/foto.jpg" in shown_text(preview), timeout=5000
    )


def test_open_in_browser_writes_a_full_page(qtbot, panes, monkeypatch) -> None:
    _editor, preview = panes
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path = preview.open_in_browser()
    assert path is not None and opened[0].toLocalFile() == str(path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<html") and "<style>" in page
    assert "NATO akan Buka Kantor di Jepang" in page


def test_open_in_browser_uses_the_published_page_template(
    qtbot, panes, sqlite_db: Database, monkeypatch
) -> None:
    _editor, preview = panes
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    preview.set_database(sqlite_db)
    path = preview.open_in_browser()
    assert path is not None and path.suffix == ".html"
    assert preview.status.text() == ""  # no fallback to the preview page
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<h1 class="headline">NATO akan Buka Kantor di Jepang</h1>' in page
    assert "LAPORAN: SARAH MEILIANA GUNAWAN" in page
    stylesheet = path.parent / "assets" / "site.css"
    assert stylesheet.is_file() and stylesheet.as_uri() in page


def test_a_huge_body_is_previewed_only_in_part_with_a_notice(panes) -> None:
    from dataclasses import replace

    from ui.preview.document import PREVIEW_MAX_CHARS, build_preview

    editor, _preview = panes
    body = "\n\n".join(f"Paragraf {n}." for n in range(40_000)) + "\n\nEKOR TERAKHIR."
    assert len(body) > PREVIEW_MAX_CHARS
    page = build_preview(replace(editor.current_record(), body=body), Settings())
    assert "Paragraf 0." in page and "EKOR TERAKHIR" not in page
    assert f"dari {len(body):,} karakter" in page


def test_long_bodies_are_counted_in_pieces_with_the_same_result() -> None:
    from editor.text import word_count
    from ui.editor_pane.word_count import count_in_pieces

    text = "\n\n".join(f"Kata ke-{n} [tautan](https://x.id/{n}) dan *miring*" for n in range(5000))
    assert count_in_pieces(text, piece=1000) == word_count(text)


def gap_under(shot, colour) -> int:
    """Pixels between the bottom of the picture filled with ``colour`` and the first
    dark pixels (the caption's text) under it."""
    from PySide6.QtGui import QColor

    column = shot.width() // 3
    rows = [y for y in range(shot.height()) if shot.pixelColor(column, y) == QColor(colour)]
    assert rows, f"the {colour} picture is not shown"
    below = range(rows[-1] + 1, shot.height())
    caption_top = next(
        y
        for y in below
        if any(shot.pixelColor(x, y).lightness() < 160 for x in range(0, shot.width(), 2))
    )
    return caption_top - rows[-1]


def test_no_gap_under_the_lead_picture_nor_a_body_picture(qtbot, panes, tmp_path: Path) -> None:
    """Each caption sits right under its picture, as on the published page (a paragraph's
    line height once stretched the lead picture's line by half its height)."""
    from PySide6.QtGui import QColor, QImage

    from tests.ui.screens import save_screenshot

    photos = []
    for colour in ("steelblue", "darkorange"):
        image = QImage(800, 300, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        photos.append(tmp_path / f"{colour}.png")
        image.save(str(photos[-1]))
    editor, preview = panes
    form = editor.form
    form.set_more_visible(True)
    for field, text in ((form.lead_image, str(photos[0])), (form.caption, "Sekjen NATO")):
        field.setFocus()
        qtbot.keyClicks(field, text)
    editor.body.setFocus()
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    for line in ("", "", f"![Peta]({photos[1]})", "Keterangan peta", "Foto: Redaksi"):
        if line:
            qtbot.keyClicks(editor.body, line)
        qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Keterangan peta" in shown_text(preview), timeout=5000)
    qtbot.waitUntil(lambda: not preview.is_pending(), timeout=5000)
    preview.resize(640, 1100)
    qtbot.wait(100)
    shot = preview.browser.viewport().grab().toImage()
    save_screenshot(preview, "preview-pictures")
    assert gap_under(shot, "steelblue") < 30
    assert gap_under(shot, "darkorange") < 30


def test_a_body_picture_named_by_its_path_fits_the_preview_width(
    qtbot, panes, tmp_path: Path
) -> None:
    """A picture the body names by its file (not from the media library) is scaled to the
    preview's width, keeping its shape, as library pictures are: no sideways scrolling."""
    from PySide6.QtGui import QColor, QImage

    from tests.ui.screens import save_screenshot

    wide = QImage(2400, 1200, QImage.Format.Format_RGB32)
    wide.fill(QColor("seagreen"))
    path = tmp_path / "wide.png"
    wide.save(str(path))
    editor, preview = panes
    editor.body.setFocus()
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, f"![Sawah]({path})")
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, "Sawah di Karawang")
    qtbot.waitUntil(lambda: "Sawah di Karawang" in shown_text(preview), timeout=5000)
    qtbot.waitUntil(lambda: not preview.is_pending(), timeout=5000)
    qtbot.wait(100)
    save_screenshot(preview, "preview-picture-by-path")
    assert preview.browser.horizontalScrollBar().maximum() == 0
    viewport = preview.browser.viewport()
    shot = viewport.grab().toImage()
    green = QColor("seagreen")
    row = next(y for y in range(shot.height()) if shot.pixelColor(shot.width() // 2, y) == green)
    columns = [x for x in range(shot.width()) if shot.pixelColor(x, row) == green]
    rows = [y for y in range(shot.height()) if shot.pixelColor(columns[0] + 2, y) == green]
    width, height = len(columns), len(rows)
    assert 200 <= width <= viewport.width()
    assert abs(width / height - 2.0) < 0.05  # its shape kept
