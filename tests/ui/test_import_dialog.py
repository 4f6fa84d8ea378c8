"""File → Import from the menu bar: a site comes in with its report, the list shows the
new articles, and a cancelled import leaves what it imported whole."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from editor.config import Settings
from editor.database import Database, open_database
from editor.models import Article, Revision
from tests.ui.driving import menu_action
from ui.import_dialog import PROBLEM_COLOUR, ImportDialog
from ui.main_window import AppContext, MainWindow

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    """An empty newsroom, as a newsroom moving in has before its first import."""
    db = open_database(f"sqlite:///{tmp_path / 'newsroom.db'}")
    yield db
    db.close()


@pytest.fixture
def window(qtbot, fresh_db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    context = AppContext(settings=Settings(database_url=fresh_db.url), data_dir=tmp_path / "data")
    context.translations.install("en")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.attach_database(fresh_db)
    yield main
    dialog = getattr(main, "import_dialog", None)
    if dialog is not None:
        dialog.close()
    main.autosave.shutdown()
    context.translations.uninstall()


def open_dialog(qtbot, main: MainWindow) -> ImportDialog:
    menu_action(main, "file.import").trigger()
    dialog = main.import_dialog
    qtbot.waitExposed(dialog)
    return dialog


def import_from(qtbot, dialog: ImportDialog, source: Path) -> None:
    dialog.source_edit.clear()
    qtbot.keyClicks(dialog.source_edit, str(source))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def counts(db: Database) -> tuple[int, int]:
    """(articles, articles with at least one revision)."""
    with db.transaction() as session:
        articles = session.scalar(select(func.count()).select_from(Article))
        revised = session.scalar(select(func.count(func.distinct(Revision.article_id))))
    return articles or 0, revised or 0


def test_a_site_imports_from_the_menu_with_a_report_for_every_file(
    qtbot, window: MainWindow, fresh_db: Database, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "hugo", site)
    (site / "content/berita/rusak.md").write_text("---\ntitle: ''\ndate: kemarin\n---\n")

    dialog = open_dialog(qtbot, window)
    assert not dialog.import_button.isEnabled() or dialog.source_edit.text()
    import_from(qtbot, dialog, site)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)

    text = dialog.report_view.toPlainText()
    lines = text.splitlines()
    assert any(line.startswith("  + Hadapi Ancaman China") for line in lines)
    nato = next(line for line in lines if "Hadapi Ancaman" in line)
    assert "kept: lastmod, weight, aliases" in nato
    assert (
        "redirected from /2023/05/04/nato-jepang/, /berita/dunia/nato-buka-kantor-di-jepang/ "
        "once published" in nato
    )
    assert "_index.md: a section page, not an article" in text
    assert "rusak.md:2: has no title" in text and "rusak.md:3: 'date: kemarin'" in text
    assert "New sections: berita, berita/dunia." in text or "New sections:" in text
    assert lines[-1] == "Imported: 2 new, 0 updated, 0 unchanged, 1 with problems."
    assert dialog.status_label.text() == "Imported, with problems: see the lines in red."
    # The refused file's lines are red.
    document = dialog.report_view.document()
    red = [
        block.text()
        for block in (document.findBlockByNumber(n) for n in range(document.blockCount()))
        if any(
            fragment.charFormat().foreground().color().name() == PROBLEM_COLOUR
            for fragment in _fragments(block)
        )
    ]
    assert red and all("rusak.md" in line for line in red)

    # The list shows what came in, without reopening anything.
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 2, timeout=10_000)
    dialog.grab().save(str(tmp_path / "import-dialog.png"))

    # The import added the bylines' people: from now on an import acts as someone, and a
    # window nobody signed in to is told so in one line, with nothing changed.
    import_from(qtbot, dialog, site)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)
    assert dialog.status_label.text().startswith(
        "Nothing was imported: sign in first (Article → Switch profile…)"
    )
    assert dialog.report_view.toPlainText().startswith("Say who imports:")
    assert counts(fresh_db) == (2, 2)


def _fragments(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1


def test_cancel_keeps_what_was_imported_whole_and_the_next_import_finishes(
    qtbot, window: MainWindow, fresh_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    total = 3000
    for number in range(total):
        (folder / f"2020-01-01-berita-{number:04}.md").write_text(
            f"---\ntitle: Berita {number}\ncategories: [Arsip]\n---\n\nIsi berita {number}.\n"
        )
    dialog = open_dialog(qtbot, window)
    import_from(qtbot, dialog, folder)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=60_000)
    assert dialog.status_label.text().startswith("Importing ")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)

    report = dialog.last_report
    assert report.cancelled
    assert dialog.status_label.text().startswith("Cancelled.")
    assert dialog.report_view.toPlainText().splitlines()[-1].endswith("(cancelled).")
    articles, revised = counts(fresh_db)
    assert 0 < articles < total
    assert articles == revised == len(report.created)  # every article with its revision

    import_from(qtbot, dialog, folder)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120_000)
    again = dialog.last_report
    assert not again.cancelled
    assert len(again.created) + len(again.unchanged) == total
    assert counts(fresh_db) == (total, total)


def test_a_wordpress_export_imports_with_its_pictures_into_the_library(
    qtbot, window: MainWindow, fresh_db: Database, tmp_path: Path
) -> None:
    from editor.media.library import search_media

    site = tmp_path / "wordpress"
    shutil.copytree(FIXTURES / "wordpress", site)
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.uploads_edit, str(site / "uploads"))
    import_from(qtbot, dialog, site / "kabar.xml")
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)

    text = dialog.report_view.toPlainText()
    assert "  + Harga BBM Naik, Antrean Mengular di SPBU" in text
    assert "redirected from /2023/05/04/harga-bbm-naik/ once published" in text
    assert "grafik-hilang.png" in text  # listed, not fatal
    assert text.splitlines()[-1] == "Imported: 3 new, 0 updated, 0 unchanged."
    assert len(search_media(fresh_db)) == 2
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 3, timeout=10_000)
