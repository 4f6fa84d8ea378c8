"""The editor pane driven like a reporter would: typing, shortcuts, the metadata form."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor.articles import create_article
from editor.database import Database
from editor.people import ensure_person, list_people
from editor.records import ArticleDraft, ArticleRecord
from editor.sections import create_section, list_sections
from editor.slugs import slugify
from ui.actions import ActionRegistry
from ui.editor_pane import EditorPane
from ui.editor_pane.metadata_form import HEADLINE_BUDGET, WARNING_STYLE


@pytest.fixture
def demo_db(sqlite_db: Database) -> Database:
    """A small newsroom: a section tree and two reporters (lighter than the full demo)."""
    news = create_section(sqlite_db, "Berita")
    create_section(sqlite_db, "Dunia", parent_id=news.id, word_target=500)
    ensure_person(sqlite_db, "Sarah Meiliana Gunawan")
    ensure_person(sqlite_db, "Budi Santoso")
    return sqlite_db


@pytest.fixture
def article(demo_db: Database) -> ArticleRecord:
    section = create_section(demo_db, "Ekonomi Digital", word_target=600)
    people = list_people(demo_db)
    return create_article(
        demo_db,
        ArticleDraft(
            headline="Harga Cabai Naik",
            body="Paragraf pertama.\n\nParagraf kedua.",
            section_id=section.id,
            byline_ids=(people[0].id,),
        ),
    )


@pytest.fixture
def pane(qtbot, demo_db: Database, article: ArticleRecord) -> EditorPane:
    widget = EditorPane(ActionRegistry())
    qtbot.addWidget(widget)
    widget.resize(800, 700)
    widget.load(article, list_sections(demo_db), list_people(demo_db))
    widget.show()
    widget.activateWindow()  # shortcuts only reach the active window
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def select(pane: EditorPane, start: int, end: int) -> None:
    cursor = pane.body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    pane.body.setTextCursor(cursor)


def test_typing_marks_the_article_dirty_and_reaches_the_record(qtbot, pane: EditorPane) -> None:
    assert not pane.is_dirty()
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(pane.contentChanged):
        qtbot.keyClicks(pane.body, " Tambahan")
    assert pane.is_dirty()
    assert pane.current_record().body.endswith("Paragraf kedua. Tambahan")


def test_ctrl_b_wraps_the_selection_in_bold(qtbot, pane: EditorPane) -> None:
    select(pane, 0, len("Paragraf"))
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert pane.body.toPlainText().startswith("**Paragraf** pertama.")
    assert pane.body.textCursor().selectedText() == "Paragraf"
    pane.body.undo()
    assert pane.body.toPlainText().startswith("Paragraf pertama.")


def test_heading_and_quote_prefix_the_selected_lines_and_toggle_off(pane: EditorPane) -> None:
    select(pane, 0, 1)
    pane.heading()
    assert pane.body.toPlainText().splitlines()[0] == "## Paragraf pertama."
    pane.heading()
    assert pane.body.toPlainText().splitlines()[0] == "Paragraf pertama."
    select(pane, 0, len(pane.body.toPlainText()))
    pane.quote()
    lines = pane.body.toPlainText().splitlines()
    assert lines == ["> Paragraf pertama.", "> ", "> Paragraf kedua."]


def test_pull_quote_and_related_link_use_the_renderer_syntax(pane: EditorPane) -> None:
    from editor.render import markdown_to_html

    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    pane.pull_quote()
    pane.related_link(("Harga Beras Naik", "/read/2026/01/02/abcd1234/harga-beras-naik/"))
    html = markdown_to_html(pane.body.toPlainText())
    assert 'class="pullquote"' in html
    assert 'class="related"' in html and "Harga Beras Naik" in html


def test_headline_budget_counts_and_warns_past_the_limit(qtbot, pane: EditorPane) -> None:
    form = pane.form
    assert form.budget.text() == f"{len('Harga Cabai Naik')}/{HEADLINE_BUDGET}"
    form.headline.setText("x" * (HEADLINE_BUDGET + 1))
    assert form.budget.text() == f"{HEADLINE_BUDGET + 1}/{HEADLINE_BUDGET}"
    assert form.budget.styleSheet() == WARNING_STYLE


def test_slug_follows_the_headline_until_edited_by_hand(qtbot, pane: EditorPane) -> None:
    form = pane.form
    form.headline.clear()
    qtbot.keyClicks(form.headline, "Rp 4,5 Triliun untuk Jum'at")
    assert form.slug.text() == slugify("Rp 4,5 Triliun untuk Jum'at")
    form.slug.clear()
    qtbot.keyClicks(form.slug, "slug-saya")
    qtbot.keyClicks(form.headline, " Depan")
    assert form.slug.text() == "slug-saya"
    assert pane.current_record().slug == "slug-saya"


def test_section_combo_shows_the_tree_and_sets_the_word_target(
    qtbot, pane: EditorPane, demo_db: Database
) -> None:
    combo = pane.form.section
    labels = [combo.itemText(i) for i in range(combo.count())]
    world = next(s for s in list_sections(demo_db) if s.path.count("/") == 1)
    assert f"Berita › {world.name}" in labels
    economy = next(s for s in list_sections(demo_db) if s.name == "Ekonomi Digital")
    assert pane.form.current_section() == economy
    assert pane.target_label.text().startswith("4 / 600 ")  # "words" or "kata"
    pane.form.select_section(world.id)
    record = pane.current_record()
    assert record.section_id == world.id and record.section_path == world.path
    expected = f"4 / {world.word_target} " if world.word_target else "4 "
    assert pane.target_label.text().startswith(expected)


def test_word_count_follows_typing(qtbot, pane: EditorPane) -> None:
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(pane.statsChanged, timeout=2000) as signal:
        qtbot.keyClicks(pane.body, " satu dua")
    assert signal.args == [6, len(pane.body.toPlainText())]


def test_bylines_add_reorder_and_remove(qtbot, pane: EditorPane, demo_db: Database) -> None:
    people = list_people(demo_db)
    editor = pane.form.bylines
    first = pane.current_record().bylines[0]
    other = next(p for p in people if p.id != first.id)
    editor.add_person(other.id)
    assert [ref.id for ref in pane.current_record().bylines] == [first.id, other.id]
    editor.list.setCurrentRow(1)
    editor.move_current(-1)
    assert [ref.id for ref in pane.current_record().bylines] == [other.id, first.id]
    editor.remove_current()
    assert [ref.id for ref in pane.current_record().bylines] == [first.id]


def test_tags_complete_the_tag_being_typed(qtbot, pane: EditorPane) -> None:
    form = pane.form
    form.set_known_tags(["pemilu", "pendidikan", "banjir"])
    form.set_more_visible(True)
    form.tags.setText("banjir, pe")
    completer = form.tag_completer
    completer.setCompletionPrefix(completer.splitPath(form.tags.text())[0])
    matches = [completer.completionModel().index(i, 0).data() for i in range(2)]
    assert sorted(matches) == ["pemilu", "pendidikan"]
    index = completer.completionModel().index(0, 0)
    assert completer.pathFromIndex(index) == f"banjir, {index.data()}"
    form.tags.setText("banjir, pemilu ,  ")
    assert pane.current_record().tags == ("banjir", "pemilu")


def test_lead_image_caption_credit_and_language_reach_the_record(pane: EditorPane) -> None:
    form = pane.form
    form.lead_image.setText("/tmp/foto.jpg")
    form.caption.setText("Sekjen NATO di Tokyo")
    form.credit.setText("NATO/Net")
    form.language.setCurrentIndex(form.language.findData("en"))
    record = pane.current_record()
    assert (record.lead_image, record.lead_image_caption, record.lead_image_credit) == (
        "/tmp/foto.jpg",
        "Sekjen NATO di Tokyo",
        "NATO/Net",
    )
    assert record.language == "en"


def test_mark_saved_takes_the_new_version_and_clears_dirty(pane: EditorPane) -> None:
    from dataclasses import replace

    pane.body.appendPlainText("Baru.")
    mine = pane.current_record()
    assert pane.is_dirty()
    pane.mark_saved(replace(mine, version=mine.version + 1))
    assert not pane.is_dirty()
    assert pane.current_record().version == mine.version + 1


def test_a_five_megabyte_paste_keeps_every_character(qtbot, pane: EditorPane) -> None:
    text = ("Paragraf panjang dengan **tebal** dan [tautan](https://contoh.id).\n\n") * 75_000
    assert len(text) > 5_000_000
    QApplication.clipboard().setText(text)
    pane.body.selectAll()
    pane.body.paste()
    assert pane.body.toPlainText() == text
    assert not pane.body.highlighting()
    assert pane.is_dirty()


def test_qt_void_calls_keep_the_reference_to_none() -> None:
    """PySide6 6.12.0 dropped a reference to None on each void call and aborted the app."""
    from PySide6.QtWidgets import QPlainTextEdit

    editor = QPlainTextEdit()
    before = sys.getrefcount(None)
    for _ in range(2000):
        editor.setPlainText("x")
    assert sys.getrefcount(None) >= before - 50


def test_the_more_section_is_folded_by_default_and_remembers_the_choice(
    qtbot, pane: EditorPane, article: ArticleRecord
) -> None:
    assert not pane.form.more.isVisibleTo(pane)
    pane.form.more_button.click()
    assert pane.form.more.isVisibleTo(pane)
    again = EditorPane(ActionRegistry())
    qtbot.addWidget(again)
    again.load(article, [], [])
    assert again.form.more.isVisibleTo(again)


def test_image_inserts_a_figure_with_caption_and_credit(
    pane: EditorPane, demo_db: Database, tmp_path
) -> None:
    from PySide6.QtGui import QColor, QImage

    from editor.media.library import add_file
    from editor.render import markdown_to_html
    from tests.ui.driving import describe_when_asked

    photo = tmp_path / "foto banjir.jpg"
    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(photo))
    reporter = list_people(demo_db)[0]
    pane.set_picture_intake(
        lambda path, alt: add_file(demo_db, Path(path), actor_id=reporter.id, alt_text=alt).record
    )
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    describe_when_asked("Air setinggi lutut di Jakarta Utara")
    pane.image(str(photo))
    assert "![Air setinggi lutut di Jakarta Utara](media:" in pane.body.toPlainText()
    pane.body.textCursor().insertText("Banjir di Jakarta Utara")
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    pane.body.insertPlainText("Antara")
    html = markdown_to_html(pane.body.toPlainText())
    figcaption = html[html.index("<figcaption") : html.index("</figcaption>")]
    assert "Banjir di Jakarta Utara" in figcaption and "Antara" in figcaption


def test_related_article_dialog_searches_the_newsroom(qtbot, demo_db: Database) -> None:
    from editor.search import search_articles
    from ui.editor_pane.related_dialog import RelatedArticleDialog

    create_article(demo_db, ArticleDraft(headline="Banjir Rob di Jakarta Utara", body="Air laut."))
    dialog = RelatedArticleDialog(lambda words: search_articles(demo_db, words))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, "banjir")
    qtbot.waitUntil(lambda: dialog.hits.count() == 1, timeout=3000)
    chosen = dialog.chosen()
    assert chosen is not None and chosen.headline == "Banjir Rob di Jakarta Utara"
