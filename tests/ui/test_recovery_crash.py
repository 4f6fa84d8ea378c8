"""The real app is killed mid-typing (SIGKILL); the next start keeps the text aside until
someone signs in, then brings it back as theirs.

The app runs in its own process, typed into from outside its code: tests/ui/crash_typist.py
presses keys into the real window (on Xvfb when it is installed, else offscreen), as a
person at the keyboard does. Nothing in the shipped app knows about the test.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.articles import create_article, get_article
from editor.config import Settings, default_data_dir
from editor.database import open_database
from editor.models import Article
from editor.people import ensure_person
from editor.records import ArticleDraft
from editor.revisions import list_revisions
from tests.ui.driving import menu_action, when_modal
from ui.main_window import AppContext, MainWindow
from ui.workflow.profile import ProfileDialog

LAUNCH = "import sys; from ui.launcher import main; sys.exit(main())"
TYPIST = Path(__file__).with_name("crash_typist.py")
TYPED = " Kalimat yang belum sempat disimpan."
XVFB = shutil.which("xvfb-run")


def _env(platform: str) -> dict[str, str]:
    env = dict(os.environ)  # HOME and XDG folders already point into this test's temp dir
    env["QT_QPA_PLATFORM"] = platform
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[2]), *sys.path])
    return env


def _start_typing(url: str, article_id: str) -> subprocess.Popen[str]:
    command = [sys.executable, str(TYPIST), TYPED, "--db", url, "--article", article_id]
    if XVFB:  # a real X server and window, sized like the common newsroom laptop
        command = [XVFB, "-a", "-s", "-screen 0 1366x768x24", *command]
    return subprocess.Popen(
        command,
        env=_env("xcb" if XVFB else "offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow  # two real app starts: about 7 s
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_text_typed_before_a_kill_is_back_as_whoever_signs_in_after_restart(
    qtbot, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    db = open_database(url)
    article = create_article(db, ArticleDraft(headline="Gempa Cianjur", body="Awal berita."))
    sarah = ensure_person(db, "Sarah Meiliana Gunawan")
    db.close()

    app = _start_typing(url, str(article.id))
    pid = None
    try:
        deadline = time.monotonic() + 90
        assert app.stdout is not None
        for line in app.stdout:
            if line.startswith("PID "):
                pid = int(line.split()[1])
            if line.startswith("TYPIST_FAILED"):
                pytest.fail(line)
            if line.strip() == "TYPED" or time.monotonic() > deadline:
                break
        else:
            pytest.fail(f"the app ended before typing: {app.stderr.read() if app.stderr else ''}")
        assert pid is not None, "the typist never said which process to kill"
        os.kill(pid, signal.SIGKILL)
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)

    db = open_database(url)
    try:
        # Killed before the autosave pause was over: only the journal has the text.
        assert get_article(db, article.id).body == "Awal berita."
    finally:
        db.close()

    restart = subprocess.run(
        [
            sys.executable,
            "-c",
            LAUNCH,
            "--db",
            url,
            "--article",
            str(article.id),
            "--screenshot",
            str(tmp_path / "after.png"),
        ],
        env=_env("offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert restart.returncode == 0, restart.stderr
    db = open_database(url)
    try:
        # Nobody signed in at that start: the text waits aside, nothing saved by nobody.
        assert get_article(db, article.id).body == "Awal berita."
        journals = list((default_data_dir() / "recovery").glob("*.json"))
        assert any(TYPED in path.read_text(encoding="utf-8") for path in journals)

        # The next start, in this process: Sarah chooses her profile from the menu bar.
        main = MainWindow(AppContext(settings=Settings(database_url=url)))
        qtbot.addWidget(main)
        main.resize(1366, 768)
        main.show()
        qtbot.waitExposed(main)
        main.attach_database(db)
        assert get_article(db, article.id).body == "Awal berita."
        assert main.recovery.waiting()

        def choose(dialog: ProfileDialog) -> None:
            dialog.choose(sarah.id)
            dialog.accept()

        when_modal(ProfileDialog, choose)
        menu_action(main, "profile.switch").trigger()
        qtbot.waitUntil(lambda: get_article(db, article.id).body == "Awal berita." + TYPED)
        with db.transaction() as session:
            assert session.get(Article, article.id).updated_by_id == sarah.id
        assert [r.author for r in list_revisions(db, article.id)][:1] == [sarah.name]
        assert main.editor.body.toPlainText() == "Awal berita." + TYPED
        assert not list((default_data_dir() / "recovery").glob("*.json"))
        main.autosave.shutdown()
        main.workflow.shutdown()
    finally:
        db.close()
