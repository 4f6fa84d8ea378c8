"""The real app is killed mid-typing (SIGKILL); the next start brings the text back.

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
from editor.database import open_database
from editor.records import ArticleDraft

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
def test_text_typed_before_a_kill_is_back_after_restart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    db = open_database(url)
    article = create_article(db, ArticleDraft(headline="Gempa Cianjur", body="Awal berita."))
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
        assert get_article(db, article.id).body == "Awal berita." + TYPED
    finally:
        db.close()
