"""Shared Qt fixtures: offscreen platform, private settings, shipped fonts, a demo database.

QT_QPA_PLATFORM=offscreen is set by tests/conftest.py before anything imports Qt.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from editor.database import Database, open_database
from ui.theme import apply_fonts

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TEST_ORGANIZATION = "RedaksiTests"
TEST_APPLICATION = "RedaksiTest"


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["redaksi-tests"]


@pytest.fixture(autouse=True)
def _fonts(qapp: QApplication) -> None:
    """Every UI test uses the shipped DejaVu fonts, so sizes and pixels are stable."""
    apply_fonts(qapp)
    # A test that closes its last window outside an event loop (run_gui in-process) would
    # otherwise leave a pending quit that ends every later qtbot wait at once.
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture(autouse=True)
def qt_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes never block a test: each one is recorded here as (kind, text).

    A modal box nobody can click would hang the whole suite; tests that expect a message
    assert on this list (or patch the box themselves).
    """
    from PySide6.QtWidgets import QMessageBox

    seen: list[tuple[str, str]] = []

    def record(kind: str, answer: object) -> object:
        def box(_parent: object, _title: str, text: str, *_args: object, **_kw: object) -> object:
            seen.append((kind, text))
            return answer

        return box

    button = QMessageBox.StandardButton
    monkeypatch.setattr(QMessageBox, "warning", record("warning", button.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", button.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", button.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", button.No))
    monkeypatch.setattr(QMessageBox, "about", record("about", None))
    return seen


@pytest.fixture(autouse=True)
def _answers_of_this_test() -> None:
    """Dialog answers a test scheduled (tests.ui.driving) end with it."""
    from tests.ui.driving import TEST_NUMBER

    TEST_NUMBER[0] += 1


@pytest.fixture(autouse=True)
def _icons_drawn() -> None:
    """Icons draw in every test (the app holds them back only until its first paint)."""
    from ui import icons

    icons._State.held = False


@pytest.fixture(autouse=True)
def app_settings(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Iterator[Path]:
    """A private QSettings scope in a temp folder: tests never touch the user's settings.

    Yields the folder holding the settings file; ``QSettings()`` anywhere in the code
    under test reads and writes there.
    """
    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName(TEST_ORGANIZATION)
    QCoreApplication.setApplicationName(TEST_APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    QSettings().clear()
    yield folder
    QSettings().clear()


def _fill_with_core_api(db: Database) -> None:
    """A small newsroom made with the core API, for when editor.demo is not there."""
    from editor.articles import create_article
    from editor.people import ensure_person
    from editor.records import ArticleDraft
    from editor.sections import create_section

    news = create_section(db, "Berita")
    world = create_section(db, "Dunia", parent_id=news.id)
    sport = create_section(db, "Olahraga")
    sarah = ensure_person(db, "Sarah Meiliana Gunawan")
    budi = ensure_person(db, "Budi Santoso")
    samples = [
        ("Hadapi Ancaman China dan Rusia, NATO Perkuat Pertahanan", world, sarah, "published"),
        ("Harga Beras Naik Jelang Lebaran", news, budi, "draft"),
        ("Timnas Indonesia Menang 2-0 atas Vietnam", sport, budi, "in_review"),
        ("Banjir Rendam Ribuan Rumah di Jakarta Utara", news, sarah, "submitted"),
        ("Pemerintah Siapkan Rp 4,5 Triliun untuk Subsidi Listrik", news, sarah, "approved"),
    ]
    for headline, section, person, status in samples:
        create_article(
            db,
            ArticleDraft(
                headline=headline,
                body=f"{headline}.\n\nParagraf pertama berita ini.",
                section_id=section.id,
                byline_ids=(person.id,),
                status=status,
            ),
        )


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo newsroom, built once per test session; each test gets its own copy."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    db = open_database(f"sqlite:///{path}")
    try:
        from editor.demo import load_demo
    except ImportError:
        _fill_with_core_api(db)
    else:
        load_demo(db)
    db.close()  # the last connection checkpoints the WAL: the file alone is complete
    return path


@pytest.fixture
def demo_db(_demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite newsroom with sections, people and articles in several statuses."""
    path = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.close()


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    """Main windows a test opened (``open_window``), shut down after it."""
    opened: list[MainWindow] = []
    yield opened
    for main in opened:
        main.autosave.shutdown()
        main.workflow.shutdown()
        main.context.translations.uninstall()


def open_laptop_window(qtbot, db: Database, tmp_path: Path, language: str = "en") -> MainWindow:
    """The main window on ``db`` at 1366x768 (the common newsroom laptop), in
    ``language``, shown, active, with the first article open."""
    from editor.config import Settings
    from ui.main_window import AppContext, MainWindow

    context = AppContext(settings=Settings(database_url=db.url), data_dir=tmp_path / "data")
    context.translations.install(language)
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.fit_splitter(1366)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    main.attach_database(db)
    return main


@pytest.fixture
def laptop_window(qtbot, demo_db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window on the demo newsroom at 1366x768, in English."""
    main = open_laptop_window(qtbot, demo_db, tmp_path)
    context = main.context
    yield main
    if main.autosave is not None:
        main.autosave.shutdown()
    if main.workflow is not None:
        main.workflow.shutdown()
    context.translations.uninstall()
