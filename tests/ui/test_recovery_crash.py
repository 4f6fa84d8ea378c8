"""The real app is killed mid-typing (SIGKILL); the next start brings the text back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.articles import create_article, get_article
from editor.database import open_database
from editor.records import ArticleDraft
from ui.editor_pane.test_hook import TYPE_ENV, TYPED_MARKER

LAUNCH = "import sys; from ui.launcher import main; sys.exit(main())"
TYPED = " Kalimat yang belum sempat disimpan."


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)  # HOME and XDG folders already point into this test's temp dir
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


@pytest.mark.slow  # two real app starts: about 7 s
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_text_typed_before_a_kill_is_back_after_restart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    db = open_database(url)
    article = create_article(db, ArticleDraft(headline="Gempa Cianjur", body="Awal berita."))
    db.close()

    app = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, "--db", url, "--article", str(article.id)],
        env=_env(**{TYPE_ENV: TYPED}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        assert app.stdout is not None
        for line in app.stdout:
            if line.strip() == TYPED_MARKER or time.monotonic() > deadline:
                break
        else:
            pytest.fail(f"the app ended before typing: {app.stderr.read() if app.stderr else ''}")
        app.send_signal(signal.SIGKILL)
    finally:
        app.kill()
        app.wait(timeout=10)
    assert app.returncode == -signal.SIGKILL

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
        env=_env(),
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
