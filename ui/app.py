"""Start the desktop app: paint the window first, then open the database and fill it.

``run_gui`` is what ``redaksi`` runs when no subcommand is given. Start-up is a budget
(docs/architecture.md §1): Qt paints an empty window in about 0.3 s, so SQLAlchemy, Alembic,
Markdown and qtawesome are imported only after that first paint.

``--screenshot FILE.png`` renders the window offscreen at ``--size`` and exits; with
``REDAKSI_BENCH_READY=1`` in the environment the app prints ``REDAKSI_READY <unix time>``
once the list is filled and painted, then quits (bench/startup_bench.py measures that).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from editor.config import Settings
    from editor.database import Database
    from ui.main_window import MainWindow

ORGANIZATION = "Redaksi"
APPLICATION = "Redaksi"
BENCH_ENV = "REDAKSI_BENCH_READY"
VIEWS = ("editor", "dashboard")
#: How long a screenshot waits for the preview to finish rendering.
SCREENSHOT_WAIT_S = 5.0


@dataclass(frozen=True)
class Options:
    db: str | None
    screenshot: Path | None
    size: tuple[int, int] | None
    article: str | None
    theme: str | None
    lang: str | None
    view: str


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _BadArguments(f"redaksi: {message}. See 'redaksi --help'.")


class _BadArguments(Exception):
    pass


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size '{text}' must look like 1366x768") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"size '{text}' is out of range (320x240 to 7680x4320)")
    return width, height


def parse_options(argv: Sequence[str]) -> Options:
    parser = _Parser(prog="redaksi", description="Redaksi desktop newsroom editor.")
    parser.add_argument("--db", help="database: a file path or a postgresql:// address")
    parser.add_argument("--screenshot", type=Path, help="render the window to this PNG and exit")
    parser.add_argument("--size", type=_size, help="window size for --screenshot, e.g. 1366x768")
    parser.add_argument("--article", help="article id to open (a full or leading part of the id)")
    parser.add_argument("--theme", choices=("light", "dark", "system"))
    parser.add_argument("--lang", choices=("id", "en"))
    parser.add_argument("--view", choices=VIEWS, default="editor")
    args = parser.parse_args(list(argv))
    return Options(
        db=args.db,
        screenshot=args.screenshot,
        size=args.size,
        article=args.article,
        theme=args.theme,
        lang=args.lang,
        view=args.view,
    )


def run_gui(argv: list[str]) -> int:
    started = time.perf_counter()
    try:
        options = parse_options(argv)
    except _BadArguments as error:
        print(error, file=sys.stderr)
        return 2
    if options.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not _has_display():
        print(
            "redaksi: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset). "
            "Run it on a desktop, use 'redaksi --screenshot FILE.png', or see 'redaksi --help' "
            "for the command-line tools.",
            file=sys.stderr,
        )
        return 1
    # The database opens on a thread while Qt starts and paints: SQLite's checks and the
    # first list query run in C with the GIL released, so the two overlap on 2+ cores.
    # The loader words its refusals (corrupt, newer, locked) before the window installs
    # the interface language: start the core in the language the window will most
    # likely choose (the preference is read again, through Qt, when it does).
    from editor.i18n import command_line_language, set_language

    set_language(options.lang or command_line_language())
    from editor.sysconfig import SystemConfigError
    from editor.userconfig import load_settings_with_problems

    try:
        settings, problems = load_settings_with_problems(options.db)
    except SystemConfigError as error:
        # Started from the menu, nobody reads stderr: the refusal needs a window of its own.
        _refuse_to_start(_make_app(options), str(error), options)
        return 1
    loader = StartupLoader(options.db, options.article)
    loader.start()
    for problem in problems:
        print(f"redaksi: {problem}", file=sys.stderr)
    app = _make_app(options)
    window = _make_window(app, options, settings)
    window.show()
    if problems:
        # Started from the menu, nobody reads stderr: the window says it too, above the
        # list, until it is clicked away.
        window.list_pane.show_notice("\n".join(problems))
    # Let Qt expose and paint the window before anything slow is needed.
    app.processEvents()
    from PySide6.QtCore import QTimer

    from ui import icons

    # Painted: load the icon font now, while the database thread works (its SQLite work
    # runs without the GIL), and before anything takes a snapshot of an icon.
    icons.release()

    outcome: dict[str, int] = {"code": 0}
    poll = QTimer(app)
    poll.setInterval(5)

    def attach_when_loaded() -> None:
        if loader.is_alive():
            return
        poll.stop()
        try:
            outcome["code"] = _attach(app, window, loader, options, started)
        except Exception as error:  # a start-up bug must end the app, not leave it hanging
            outcome["code"] = 1
            _report_start_failure(window, _unexpected(error), screenshot=True)
            app.quit()

    poll.timeout.connect(attach_when_loaded)
    poll.start()
    try:
        code = app.exec()
    finally:
        # Leave a shared QApplication (tests, embedding) as it was found.
        window.context.translations.uninstall()
        window.deleteLater()
    return outcome["code"] or code


def _has_display() -> bool:
    """False on a Linux machine with no display server, where Qt would abort."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@dataclass
class Prefetched:
    """What start-up reads from the database while the window is being built."""

    query: object
    first_page: object
    sections: list[object]
    people: list[object]


class StartupLoader(threading.Thread):
    """Opens the database and fetches the list's first page off the GUI thread."""

    def __init__(self, database_option: str | None, article: str | None) -> None:
        """``database_option``: what ``--db`` said (None: the user config decides)."""
        super().__init__(name="redaksi-startup", daemon=True)
        self.database_option = database_option
        self.article_text = article
        self.db: object = None
        self.article: object = None
        self.prefetched: Prefetched | None = None
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            from editor.database import open_database
            from editor.listing import list_articles
            from editor.people import list_people
            from editor.records import ArticleQuery
            from editor.sections import list_sections
            from editor.sysconfig import apply_system_presets
            from editor.userconfig import load_settings
            from ui.article_list import PAGE_SIZE

            db = open_database(load_settings(self.database_option).database_url)
            self.db = db
            apply_system_presets(db)  # sections IT preset in the system-wide config
            query = ArticleQuery(limit=PAGE_SIZE)
            self.prefetched = Prefetched(
                query=query,
                first_page=list_articles(db, query),
                sections=list(list_sections(db)),
                people=list(list_people(db)),
            )
            if self.article_text:
                self.article = find_article_id(db, self.article_text)
        except Exception as error:  # shown by the GUI thread as a clear message
            self.error = error


def _make_app(options: Options) -> QApplication:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from editor import __version__
    from ui.theme import apply_fonts

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    if options.screenshot is not None:
        # A screenshot neither reads nor changes the user's window layout and choices.
        folder = tempfile.mkdtemp(prefix="redaksi-shot-")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationDisplayName(APPLICATION)
    apply_fonts(app)
    return app


def _make_window(app: QApplication, options: Options, settings: Settings) -> MainWindow:
    from editor.config import default_data_dir
    from ui import icons
    from ui.main_window import AppContext, MainWindow
    from ui.theme import apply_theme, follow_system_changes, saved_theme_choice

    context = AppContext(settings=settings, data_dir=default_data_dir())
    context.theme_choice = options.theme or saved_theme_choice()
    apply_theme(app, context.theme_choice, context.theme)
    follow_system_changes(app, lambda: context.theme_choice, context.theme)
    context.translations.install(_interface_language(options))
    icons.hold_until_ready()  # blank until after the first paint: qtawesome is slow
    window = MainWindow(context)
    if options.size is not None or options.screenshot is not None:
        width, height = options.size or (1366, 768)
        window.resize(width, height)
        window.fit_splitter(width)
    return window


def _interface_language(options: Options) -> str:
    """--lang, IT's locked choice, the saved one, IT's preset; a first start with none of
    them (and no --db: tests and scripts name theirs) asks once."""
    from editor.sysconfig import load_system_config
    from ui.i18n import language_chosen, preferred_language

    system = load_system_config()
    preset = system.values.get("language", "")
    locked = system.is_locked("language")
    first_start = options.db is None and options.screenshot is None
    if (
        options.lang is None
        and first_start
        and not preset
        and not language_chosen()
        and os.environ.get(BENCH_ENV) != "1"
    ):
        from ui.first_language import ask_language

        return ask_language()
    return preferred_language(options.lang, preset=preset, locked=locked)


def _attach(
    app: QApplication,
    window: MainWindow,
    loader: StartupLoader,
    options: Options,
    started: float,
) -> int:
    """Put the loaded database into the window; the exit code if the app must stop."""
    from editor.errors import RedaksiError
    from ui import icons

    error = loader.error
    if error is not None:
        icons.release()
        message = str(error) if isinstance(error, RedaksiError) else _unexpected(error)
        _report_start_failure(window, message, screenshot=options.screenshot is not None)
        app.quit()
        return 1
    window.attach_database(
        loader.db,  # type: ignore[arg-type]
        select=loader.article,  # type: ignore[arg-type]
        prefetched=loader.prefetched,
    )
    if os.environ.get(BENCH_ENV) == "1":
        window.repaint()
        print(f"REDAKSI_READY {time.time():.6f} {time.perf_counter() - started:.3f}", flush=True)
        icons.release()
        window.repaint()
        print(f"REDAKSI_ICONS {time.time():.6f} {time.perf_counter() - started:.3f}", flush=True)
        window.close()  # a normal close, as a user's: the database is closed cleanly
        app.quit()
        return 0
    if options.view == "dashboard":
        window.tools.show_dashboard()
        if options.size is not None or options.screenshot is not None:
            window.dashboard.resize(*(options.size or (1366, 768)))
    if options.screenshot is None and options.db is None:
        from PySide6.QtCore import QTimer

        # After the window shows: a new install is asked once about a newsroom server.
        QTimer.singleShot(0, window.sync.offer_first_start)
    if options.screenshot is not None:
        shown = window.dashboard if options.view == "dashboard" else None
        code = _take_screenshot(app, window, options.screenshot, shown)
        app.quit()
        return code
    return 0


def _unexpected(error: Exception) -> str:
    return (
        f"Redaksi could not start: {type(error).__name__}: {error}. Nothing was changed. "
        "Check the database location (redaksi config) and try again."
    )


def find_article_id(db: Database, text: str) -> uuid.UUID:
    """The article ``text`` names: a full id, or the leading hex digits of one."""
    from sqlalchemy import select

    from editor.errors import NotFoundError
    from editor.models import Article

    try:
        return uuid.UUID(text)
    except ValueError:
        pass
    prefix = text.lower().replace("-", "")
    if not prefix or any(ch not in "0123456789abcdef" for ch in prefix):
        raise NotFoundError(f"'{text}' is not an article id. Use 'redaksi list' to see the ids.")
    with db.transaction() as session:
        ids = [row for row in session.scalars(select(Article.id)) if row.hex.startswith(prefix)]
    if len(ids) != 1:
        raise NotFoundError(
            f"{len(ids)} articles have an id starting with '{text}'; give more of the id. "
            "Use 'redaksi list' to see the ids."
        )
    return ids[0]


def _refuse_to_start(app: QApplication, message: str, options: Options) -> None:
    """Say why Redaksi cannot start at all, before any window exists."""
    print(f"redaksi: {message}", file=sys.stderr)
    if options.screenshot is not None or os.environ.get(BENCH_ENV) == "1":
        return
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from ui.i18n import Translations, preferred_language

    translations = Translations()
    translations.install(preferred_language(options.lang))
    try:
        title = QCoreApplication.translate("MainWindow", "Redaksi cannot start")
        QMessageBox.critical(None, title, message)
    finally:
        translations.uninstall()


def _report_start_failure(window: MainWindow, message: str, *, screenshot: bool) -> None:
    if screenshot or os.environ.get(BENCH_ENV) == "1":
        print(f"redaksi: {message}", file=sys.stderr)
        return
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("MainWindow", "Cannot open the newsroom database")
    QMessageBox.critical(window, title, message)


def _take_screenshot(
    app: QApplication, window: MainWindow, path: Path, shown: QWidget | None = None
) -> int:
    """Write ``shown`` (the dashboard) or else the main window to ``path`` as a PNG."""
    deadline = time.monotonic() + SCREENSHOT_WAIT_S
    while time.monotonic() < deadline:
        app.processEvents()
        if not window.preview.is_pending() and not getattr(shown, "is_pending", bool)():
            break
        time.sleep(0.01)
    app.processEvents()
    image = (shown or window).grab().toImage()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        print(f"redaksi: could not write the screenshot to {path}.", file=sys.stderr)
        return 1
    print(f"Screenshot {image.width()}x{image.height()} written to {path}")
    return 0
