"""The newsroom's word list and rupiah style: kept by editors, audited, used by the checker."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from editor.database import Database
from editor.demo import load_demo
from editor.errors import NotFoundError, PermissionDenied, ValidationError
from editor.people import create_person
from editor.spelling.checker import make_checker
from editor.spelling.words import (
    add_words,
    currency_style,
    list_words,
    newsroom_words,
    remove_word,
    set_currency_style,
)
from editor.workflow.audit import audit_log


def test_editors_keep_the_list_and_every_change_is_audited(db: Database) -> None:
    admin = create_person(db, "Adi Admin", role="admin")
    editor = create_person(db, "Rina Editor", role="editor")
    reporter = create_person(db, "Sarah Gunawan", role="reporter")
    assert add_words(db, ["KPK", "Polri", "KPK"], actor_id=editor.id) == ["KPK", "Polri"]
    assert add_words(db, ["Polri", "Kalijodo"], actor_id=admin.id) == ["Kalijodo"]
    listed = list_words(db)
    assert [(w.word, w.added_by) for w in listed] == [
        ("KPK", "Rina Editor"),
        ("Kalijodo", "Adi Admin"),
        ("Polri", "Rina Editor"),
    ]
    with pytest.raises(PermissionDenied, match="editor"):
        add_words(db, ["Salah"], actor_id=reporter.id)
    with pytest.raises(PermissionDenied):
        add_words(db, ["Salah"], actor_id=None)  # the newsroom has an admin: say who acts
    remove_word(db, "Kalijodo", actor_id=editor.id)
    with pytest.raises(NotFoundError):
        remove_word(db, "Kalijodo", actor_id=editor.id)
    assert sorted(newsroom_words(db)) == ["KPK", "Polri"]
    notes = [(e.action, e.outcome, e.note) for e in audit_log(db)]
    assert ("manage_words", "done", "added KPK, Polri") in notes
    assert ("manage_words", "done", "removed Kalijodo") in notes
    assert any(action == "manage_words" and outcome == "refused" for action, outcome, _ in notes)


def test_bad_words_are_refused_and_nothing_is_written(db: Database) -> None:
    editor = create_person(db, "Rina Editor", role="editor")
    for bad in (["dua kata"], ["baik", ""], ["x" * 101]):
        with pytest.raises(ValidationError):
            add_words(db, bad, actor_id=editor.id)
    assert newsroom_words(db) == []


def test_the_rupiah_style_is_a_newsroom_setting(db: Database) -> None:
    editor = create_person(db, "Rina Editor", role="editor")
    assert currency_style(db) == "puebi"
    set_currency_style(db, "spaced", actor_id=editor.id)
    assert currency_style(db) == "spaced"
    with pytest.raises(ValidationError, match="puebi"):
        set_currency_style(db, "dollar", actor_id=editor.id)
    checker, _ = make_checker("id", accepted=newsroom_words(db), currency=currency_style(db))
    assert checker.check_line("Dana Rp 4,5 triliun cair.") == []


def test_the_demo_ships_a_word_list_that_covers_its_articles(sqlite_db: Database) -> None:
    from editor.articles import find_by_source_key
    from editor.demo import demo_newsroom, source_key
    from editor.spelling.checker import SPELLING

    report = load_demo(sqlite_db, now=datetime(2023, 5, 4, 1, tzinfo=UTC))
    assert "Polri" in report.words and "Stoltenberg" in report.words
    assert any("word list" in line for line in report.lines())
    checker, _ = make_checker("id", accepted=newsroom_words(sqlite_db))
    nato = find_by_source_key(sqlite_db, source_key(demo_newsroom()["articles"][0]["headline"]))
    assert nato is not None
    found = checker.check_article(nato)
    # The sample page's own slip is the one left: "Nikke Asia" for "Nikkei Asia".
    assert [(loc.problem.text, loc.problem.kind) for loc in found] == [("Nikke", SPELLING)]
    assert load_demo(sqlite_db).words == []  # a second load adds nothing
