"""The newsroom's word list and rupiah style reach every replica, and go up from one."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.errors import PermissionDenied
from editor.spelling.words import (
    add_words,
    currency_style,
    newsroom_words,
    remove_word,
    set_currency_style,
)
from tests.core.test_workflow_support import described_picture
from tests.sync.harness import Newsroom, ServerProcess, replica, sync


def test_words_travel_between_replicas_through_the_server(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    rina = replica(tmp_path / "rina", server.url, "rina-editor")
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(rina)
    sync(sarah)
    # An operator's change on the server's database, and an editor's on her laptop.
    add_words(newsroom.db, ["Polri"], actor_id=newsroom.editor.id)
    set_currency_style(newsroom.db, "spaced", actor_id=newsroom.admin.id)
    add_words(rina, ["Kalijodo", "Basarnas"], actor_id=newsroom.editor.id)
    sync(rina)
    sync(sarah)
    assert {"Polri", "Kalijodo", "Basarnas"} <= set(newsroom_words(newsroom.db))
    assert {"Polri", "Kalijodo", "Basarnas"} <= set(newsroom_words(sarah))
    assert currency_style(sarah) == "spaced"
    # A reporter cannot add to it, on her replica either.
    with pytest.raises(PermissionDenied):
        add_words(sarah, ["Salah"], actor_id=newsroom.reporter.id)
    # A removal travels too, and removing again elsewhere is no error.
    remove_word(rina, "Kalijodo", actor_id=newsroom.editor.id)
    sync(rina)
    sync(sarah)
    assert "Kalijodo" not in newsroom_words(newsroom.db)
    assert "Kalijodo" not in newsroom_words(sarah)
    assert "Basarnas" in newsroom_words(sarah)


def test_the_server_checks_a_pushed_word_as_its_pusher(newsroom: Newsroom) -> None:
    import uuid

    from editor.sync.apply import apply_op

    def push(person_id: uuid.UUID, kind: str, word: str) -> str:
        op = {"op_id": str(uuid.uuid4()), "kind": kind, "payload": {"word": word}}
        return str(apply_op(newsroom.db, person_id, op)["outcome"])

    assert push(newsroom.reporter.id, "word_add", "Palsu") == "refused"
    assert "Palsu" not in newsroom_words(newsroom.db)
    assert push(newsroom.editor.id, "word_add", "Gibran") == "applied"
    assert push(newsroom.editor.id, "word_add", "Gibran") == "applied"  # already there
    assert push(newsroom.reporter.id, "word_remove", "Gibran") == "refused"
    assert push(newsroom.editor.id, "word_remove", "Gibran") == "applied"
    assert push(newsroom.editor.id, "word_remove", "Gibran") == "applied"  # gone already
    assert "Gibran" not in newsroom_words(newsroom.db)


def test_the_server_counts_spelling_with_the_words_the_editor_settled(newsroom: Newsroom) -> None:
    """A publish queued on a replica carries the editor's own and ignored words, so the
    server's blocking checklist judges the article as the editor's window did."""
    import uuid

    from editor.articles import create_article, get_article
    from editor.records import ArticleDraft
    from editor.sections import create_section
    from editor.sync.apply import apply_op
    from editor.workflow.spelling_item import WordExceptions, set_spelling_rule

    section = create_section(newsroom.db, "Metro")
    article = create_article(
        newsroom.db,
        ArticleDraft(
            headline="Banjir Rob di Utara Jakarta",
            body=" ".join(["Warga mengungsi ke masjid terdekat."] * 20) + " Menurut Kalijodo.",
            section_id=section.id,
            byline_ids=(newsroom.reporter.id,),
            lead_image=described_picture(newsroom.db, "Warga mengungsi di masjid"),
            lead_image_caption="Warga mengungsi",
            lead_image_credit="Redaksi",
            status="approved",
        ),
    )

    def publish(exceptions: WordExceptions) -> str:
        payload = {"article_id": str(article.id), "to": "published", **exceptions.payload()}
        op = {"op_id": str(uuid.uuid4()), "kind": "status", "payload": payload}
        return str(apply_op(newsroom.db, newsroom.editor.id, op)["outcome"])

    set_spelling_rule(newsroom.db, "block", actor_id=newsroom.admin.id)
    try:
        assert publish(WordExceptions()) == "refused"
        assert publish(WordExceptions.of(accepted=["Kalijodo"])) == "applied"
    finally:
        set_spelling_rule(newsroom.db, "warn", actor_id=newsroom.admin.id)
    assert get_article(newsroom.db, article.id).status == "published"


def test_spelling_settings_go_up_from_an_editors_replica(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    """The rupiah style and the checklist rule set in Tools → Newsroom dictionary on a
    laptop reach the server and every other replica; a reporter's push is refused there."""
    import uuid

    from editor.sync.apply import apply_op
    from editor.workflow.spelling_item import SETTING, set_spelling_rule, spelling_rule

    set_currency_style(newsroom.db, "puebi", actor_id=newsroom.admin.id)
    set_spelling_rule(newsroom.db, "warn", actor_id=newsroom.admin.id)
    rina = replica(tmp_path / "rina", server.url, "rina-editor")
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(rina)
    sync(sarah)
    assert currency_style(sarah) == "puebi" and spelling_rule(sarah) == "warn"
    try:
        set_currency_style(rina, "spaced", actor_id=newsroom.editor.id)
        set_spelling_rule(rina, "block", actor_id=newsroom.editor.id)
        sync(rina)
        sync(sarah)
        assert currency_style(newsroom.db) == "spaced" and spelling_rule(newsroom.db) == "block"
        assert currency_style(sarah) == "spaced" and spelling_rule(sarah) == "block"
        with pytest.raises(PermissionDenied):
            set_spelling_rule(sarah, "off", actor_id=newsroom.reporter.id)
        op = {
            "op_id": str(uuid.uuid4()),
            "kind": "setting",
            "payload": {"key": SETTING, "value": "off"},
        }
        assert apply_op(newsroom.db, newsroom.reporter.id, op)["outcome"] == "refused"
        zone = {"op_id": str(uuid.uuid4()), "kind": "setting", "payload": {"key": "zone"}}
        assert apply_op(newsroom.db, newsroom.editor.id, zone)["outcome"] == "refused"
        assert spelling_rule(newsroom.db) == "block"
    finally:
        set_currency_style(newsroom.db, "puebi", actor_id=newsroom.admin.id)
        set_spelling_rule(newsroom.db, "warn", actor_id=newsroom.admin.id)
