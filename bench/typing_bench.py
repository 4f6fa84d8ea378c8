"""Typing benchmark: keystroke to preview, and how long a keystroke keeps the GUI busy.

Run with ``.venv/bin/python bench/typing_bench.py``. It builds an 800-word and an
8,000-word article, wires the real editor and preview panes as the main window does
(every edit hands ``current_record()`` to the preview), and prints for each:

- keystroke to preview: from one typed key to the new page on screen, which includes the
  preview's debounce (ui.preview_pane.DEBOUNCE_MS) — median and max;
- page build: the worker-thread part alone (Markdown, sanitising, template);
- keystroke handler while the preview re-renders: the time one key press takes on the GUI
  thread (highlighting, change tracking, the preview's timer), measured while pages are
  being built in the background — median and max (target: under 16 ms);
- GUI thread stalls during that typing: the gaps between ticks of a 2 ms heartbeat timer,
  so everything that kept the GUI thread busy counts (swapping in the new page included)
  — median and max.

Spell checking is on throughout, as in the app (ui.spelling): a keystroke re-checks its
paragraph inside the keystroke handler. Also printed: the time from opening the article to
its last underline (the dictionary loads on a worker, then the editor checks a slice at a
time), and the core's check of 8,000 words from cold (dictionary load included) on the
bench text and on 8,000 different dictionary words (the worst case for the word cache).
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.config import Settings
from editor.records import ArticleRecord, PersonRef

PARAGRAPH = (
    "Pakta Pertahanan Atlantik Utara (NATO) berencana **melebarkan sayapnya** dengan membuka "
    "kantor penghubung di Jepang, menurut [Nikkei Asia](https://asia.nikkei.com). Kantor "
    "pertama NATO di Asia ini ditujukan untuk memfasilitasi konsultasi di kawasan "
    "Indo-Pasifik, kata pejabat yang *tidak mau disebut namanya*."
)
KEYSTROKES = 40
RENDER_SAMPLES = 15


def article(words: int) -> ArticleRecord:
    per_paragraph = len(PARAGRAPH.split())
    paragraphs = []
    for n in range(words // per_paragraph + 1):
        if n % 6 == 3:
            paragraphs.append("## Subjudul bagian " + str(n))
        if n % 9 == 5:
            paragraphs.append(
                "> [!kutipan] Kantor penghubung memudahkan diskusi.\n> — Jens Stoltenberg"
            )
        paragraphs.append(PARAGRAPH)
    now = datetime(2023, 5, 4, 0, 56, tzinfo=UTC)
    return ArticleRecord(
        id=uuid.uuid4(),
        version=1,
        headline="Hadapi Ancaman China dan Rusia, NATO akan Buka Kantor di Jepang",
        body="\n\n".join(paragraphs),
        kicker="",
        slug="",
        lead="",
        section_id=None,
        language="id",
        status="draft",
        bylines=(PersonRef(uuid.uuid4(), "Sarah Meiliana Gunawan", "sarah"),),
        tags=(),
        lead_image="",
        lead_image_caption="",
        lead_image_credit="",
        published_at=now,
        scheduled_at=None,
        embargo_until=None,
        created_at=now,
        updated_at=now,
        word_count=words,
        section_name="Dunia",
        section_path="berita/dunia",
    )


def wait(milliseconds: int) -> None:
    """Run the event loop for a while (QTest.qWait sleeps in 10 ms steps, which would
    show up as stalls in the heartbeat)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def ms(seconds: float) -> float:
    return seconds * 1000


def report(label: str, samples: list[float]) -> None:
    print(f"  {label:<44} median {statistics.median(samples):7.1f} ms   max {max(samples):7.1f} ms")


def run(words: int) -> None:
    from ui.actions import ActionRegistry
    from ui.editor_pane import EditorPane
    from ui.preview.document import build_preview
    from ui.preview_pane import PreviewPane
    from ui.spelling.service import SpellingService

    record = article(words)
    settings = Settings(database_url="sqlite://")
    editor = EditorPane(ActionRegistry())
    preview = PreviewPane()
    editor.resize(640, 800)
    preview.resize(640, 800)
    editor.show()
    preview.show()
    editor.set_spelling(SpellingService(editor))
    opened = time.perf_counter()
    editor.load(record, [], [])
    while editor.body.checker() is None or editor.body.spell_check_running():
        wait(1)
    checked = ms(time.perf_counter() - opened)
    editor.contentChanged.connect(lambda: preview.show_record(editor.current_record(), settings))
    preview.show_record(editor.current_record(), settings)
    wait(50)
    while preview.is_pending():
        wait(10)
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    editor.body.setFocus()

    builds = []
    for _ in range(RENDER_SAMPLES):
        start = time.perf_counter()
        build_preview(replace(record, body=record.body + "x"), settings)
        builds.append(ms(time.perf_counter() - start))

    to_preview: list[float] = []
    for n in range(RENDER_SAMPLES):
        done: list[float] = []
        preview.rendered.connect(lambda done=done: done.append(time.perf_counter()))
        start = time.perf_counter()
        QTest.keyClick(editor.body, Qt.Key.Key_A if n % 2 else Qt.Key.Key_B)
        while not done:
            wait(1)
        to_preview.append(ms(done[0] - start))
        preview.rendered.disconnect()

    # Type on while pages are being built: a pause long enough for the debounce to fire,
    # then keys every 30 ms while the worker renders.
    handlers: list[float] = []
    ticks: list[float] = []
    heartbeat = QTimer(interval=2, timerType=Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()
    for burst in range(KEYSTROKES // 8):
        wait(320)
        for n in range(8):
            start = time.perf_counter()
            QTest.keyClick(editor.body, Qt.Key.Key_C if (burst + n) % 2 else Qt.Key.Key_D)
            handlers.append(ms(time.perf_counter() - start))
            wait(30)
    while preview.is_pending():
        wait(10)
    heartbeat.stop()
    stalls = [ms(b - a) for a, b in itertools.pairwise(ticks)]

    print(f"{words:,}-word article ({len(record.body):,} characters)")
    print(f"  {'open to last underline (spelling on)':<44} {checked:7.1f} ms")
    report("keystroke to preview (incl. 300 ms debounce)", to_preview)
    report("page build on the worker thread", builds)
    report("keystroke handler while re-rendering", handlers)
    report("GUI thread gap between 2 ms heartbeats", stalls)
    editor.close()
    preview.close()


def cold_spelling(words: int) -> None:
    """The core's whole-article check with nothing loaded or cached yet."""
    import random

    from editor.spelling.checker import make_checker
    from editor.spelling.dictionary import dictionaries_dir, load_dictionary
    from editor.spelling.house_style import load_house_style

    entries = (dictionaries_dir() / "id_ID.dic").read_text(encoding="latin-1").split("\n")[1:]
    vocabulary = [entry.split("/")[0] for entry in entries if entry]
    rng = random.Random(17)
    varied = "\n\n".join(
        " ".join(rng.choice(vocabulary) for _ in range(60)) + "." for _ in range(words // 60)
    )
    for label, text in (("bench text", article(words).body), ("different words", varied)):
        load_dictionary.cache_clear()
        load_house_style.cache_clear()
        start = time.perf_counter()
        checker, _ = make_checker("id")
        loaded = time.perf_counter()
        problems = checker.check_document(text)
        done = time.perf_counter()
        print(
            f"  cold check of {words:,} words, {label:<16} {ms(done - start):7.1f} ms "
            f"(dictionary {ms(loaded - start):.1f} ms, checking {ms(done - loaded):.1f} ms, "
            f"{len(problems)} problems)"
        )


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings_dir = tempfile.mkdtemp(prefix="redaksi-bench-")
    QCoreApplication.setOrganizationName("RedaksiBench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    try:
        from ui.theme import apply_fonts

        apply_fonts(app)
    except ImportError:
        pass
    print("spelling, core only")
    cold_spelling(8000)
    for words in (800, 8000):
        run(words)
    print("target: keystroke handler under 16 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
