"""The checklist's spelling item: counted in every field, warning or blocking as the
newsroom chose, with the newsroom's words, the person's own and the article's ignored ones."""

from __future__ import annotations

import pytest

from editor.articles import get_article
from editor.errors import PermissionDenied, ValidationError
from editor.spelling.words import add_words, set_currency_style
from editor.workflow.audit import audit_log
from editor.workflow.checklist import (
    ChecklistError,
    checklist_for,
    missing_items,
    warning_items,
)
from editor.workflow.spelling_item import (
    MAX_EXCEPTIONS,
    WordExceptions,
    set_spelling_rule,
    spelling_rule,
)
from editor.workflow.transitions import change_status
from tests.core.test_workflow_support import force_status, make_newsroom, ready_story

CLEAN_BODY = " ".join(
    ["Pemerintah provinsi menyalurkan bantuan beras kepada warga yang terkena banjir."] * 12
)
#: One slip per field: a house-style word in the headline, kicker and caption, a misspelt
#: word in the lead, and in the body a house-style word, a misspelling and a name.
SLIPPED = {
    "headline": "Warga Antri Bantuan Beras",
    "kicker": "Banjir Kemaren",
    "lead": "Pemerintha provinsi menyalurkan bantuan beras kepada warga.",
    "lead_image_caption": "Warga antri di kantor kelurahan",
    "body": CLEAN_BODY + "\n\nMenurut Kalijodo, bantuan dibagikan kemaren oleh pemerintha.",
}


def _spelling(db, record, exceptions=None):
    [item] = [i for i in checklist_for(db, record, exceptions) if i.key == "spelling"]
    return item


def test_a_clean_article_passes_and_slips_in_every_field_are_counted(sqlite_db):
    room = make_newsroom(sqlite_db)
    clean = ready_story(sqlite_db, room, body=CLEAN_BODY, lead_image_caption="Markas NATO")
    assert _spelling(sqlite_db, clean).ok

    slipped = ready_story(sqlite_db, room, **SLIPPED)
    item = _spelling(sqlite_db, slipped)
    assert not item.ok and not item.blocking  # the default rule only warns
    assert item.problem.startswith("7 unresolved spelling and house-style problems")
    for place in (
        "headline: 1 style",
        "kicker: 1 style",
        "lead: 1 spelling",
        "caption: 1 style",
        "body: 2 spelling, 1 style",
    ):
        assert place in item.problem
    items = checklist_for(sqlite_db, slipped)
    assert warning_items(items) == (item,) and missing_items(items) == ()


def test_newsroom_words_personal_words_and_ignored_words_are_not_counted(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, **SLIPPED)
    add_words(sqlite_db, ["Kalijodo"], actor_id=room.editor.id)
    assert "body: 1 spelling, 1 style" in _spelling(sqlite_db, story).problem

    mine = WordExceptions.of(accepted=["pemerintha", "Pemerintha"])
    assert "spelling" not in _spelling(sqlite_db, story, mine).problem.split("(")[1]

    settled = WordExceptions.of(
        accepted=["pemerintha", "Pemerintha"], ignored=["Antri", "antri", "Kemaren", "kemaren"]
    )
    assert _spelling(sqlite_db, story, settled).ok


def test_the_house_rupiah_style_and_kindergarten_names_are_not_flagged(sqlite_db):
    room = make_newsroom(sqlite_db)
    body = CLEAN_BODY + "\n\nAnggaran Rp 4,5 triliun disiapkan untuk TK Pertiwi."
    story = ready_story(sqlite_db, room, body=body, lead_image_caption="Markas NATO")
    assert "body: 1 style" in _spelling(sqlite_db, story).problem  # PUEBI: Rp4,5
    set_currency_style(sqlite_db, "spaced", actor_id=room.editor.id)
    assert _spelling(sqlite_db, story).ok


def test_a_blocking_rule_stops_a_publish_until_overridden_or_settled(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, **SLIPPED)
    force_status(sqlite_db, story, "approved")
    set_spelling_rule(sqlite_db, "block", actor_id=room.editor.id)
    assert spelling_rule(sqlite_db) == "block"

    with pytest.raises(ChecklistError) as refused:
        change_status(sqlite_db, story.id, "published", actor_id=room.editor.id)
    assert [item.key for item in refused.value.missing] == ["spelling"]
    assert "7 unresolved spelling" in str(refused.value)
    assert get_article(sqlite_db, story.id).status == "approved"

    settled = WordExceptions.of(
        accepted=["Kalijodo", "pemerintha", "Pemerintha"],
        ignored=["Antri", "antri", "Kemaren", "kemaren"],
    )
    published = change_status(
        sqlite_db, story.id, "published", actor_id=room.editor.id, exceptions=settled
    )
    assert published.status == "published"


def test_an_editor_overrides_a_blocking_rule_with_a_reason(sqlite_db):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room, **SLIPPED)
    force_status(sqlite_db, story, "approved")
    set_spelling_rule(sqlite_db, "block", actor_id=room.admin.id)
    change_status(
        sqlite_db,
        story.id,
        "published",
        actor_id=room.editor.id,
        override_reason="Kutipan langsung, ejaan narasumber",
    )
    entry = audit_log(sqlite_db, story.id)[0]
    assert entry.outcome == "override" and "unresolved spelling" in entry.note


def test_warn_and_off_never_stop_a_publish(sqlite_db):
    room = make_newsroom(sqlite_db)
    for rule in ("warn", "off"):
        set_spelling_rule(sqlite_db, rule, actor_id=room.editor.id)
        story = ready_story(sqlite_db, room, **SLIPPED)
        force_status(sqlite_db, story, "approved")
        assert change_status(sqlite_db, story.id, "published", actor_id=room.editor.id)
        keys = {i.key for i in checklist_for(sqlite_db, story)}
        assert ("spelling" in keys) == (rule == "warn")


def test_only_editors_choose_the_rule_and_it_is_audited(sqlite_db):
    room = make_newsroom(sqlite_db)
    with pytest.raises(PermissionDenied):
        set_spelling_rule(sqlite_db, "off", actor_id=room.reporter.id)
    with pytest.raises(ValidationError, match="block"):
        set_spelling_rule(sqlite_db, "strict", actor_id=room.editor.id)
    assert spelling_rule(sqlite_db) == "warn"
    set_spelling_rule(sqlite_db, "block", actor_id=room.editor.id)
    notes = [
        e.note for e in audit_log(sqlite_db) if e.action == "manage_words" and e.outcome == "done"
    ]
    assert notes == ["checklist.spelling = block"]


def test_exceptions_from_a_sync_payload_are_bounded_and_typed():
    hostile = {
        "accepted_words": ["KPK", 7, None, "x" * 500, *[f"w{n}" for n in range(9_000)]],
        "ignored_words": "kemaren",
    }
    exceptions = WordExceptions.from_payload(hostile)
    assert "KPK" in exceptions.accepted and len(exceptions.accepted) == MAX_EXCEPTIONS
    assert all(isinstance(w, str) and len(w) <= 100 for w in exceptions.accepted)
    assert exceptions.ignored == ()
    again = WordExceptions.from_payload(exceptions.payload())
    assert again == exceptions
