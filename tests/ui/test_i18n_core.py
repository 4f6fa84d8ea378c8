"""The GUI shows the core's messages in the interface language."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from editor import i18n
from ui.app import run_gui


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def newer_database(tmp_path):
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    return newer


def test_a_core_refusal_reads_in_indonesian_with_lang_id(tmp_path, qapp, qt_messages):
    assert run_gui(["--db", str(newer_database(tmp_path)), "--lang", "id"]) == 1
    kind, text = qt_messages[0]
    assert kind == "critical"
    assert "milik program lain (skema 9999)" in text
    assert i18n.current_language() == "en", "closing the app leaves English behind"


def test_a_refusal_worded_before_the_window_exists_is_in_indonesian_too(
    tmp_path, qapp, qt_messages, monkeypatch
):
    """The database opens beside Qt's start-up; here it finishes before the window is built,
    so its error is worded before the window installs the interface language."""
    from ui.app import StartupLoader

    monkeypatch.setattr(StartupLoader, "start", StartupLoader.run)
    assert run_gui(["--db", str(newer_database(tmp_path)), "--lang", "id"]) == 1
    assert "milik program lain (skema 9999)" in qt_messages[0][1]


def test_the_same_refusal_reads_in_english_with_lang_en(tmp_path, qapp, qt_messages):
    assert run_gui(["--db", str(newer_database(tmp_path)), "--lang", "en"]) == 1
    assert "belongs to another program (schema 9999)" in qt_messages[0][1]


def test_switching_the_interface_language_switches_the_core(qapp):
    from ui.i18n import Translations

    translations = Translations()
    try:
        translations.install("id")
        assert i18n._("Untitled") == "Tanpa judul"
    finally:
        translations.uninstall()
    assert i18n._("Untitled") == "Untitled"
