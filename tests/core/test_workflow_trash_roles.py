"""Trash, restore and copy in the core: a change nobody signed in to make is taken only in
a newsroom that does not sign in, and every one is audited."""

from __future__ import annotations

import pytest

from editor.articles import create_article, get_article
from editor.errors import PermissionDenied
from editor.listing import list_articles
from editor.people import create_person
from editor.records import ArticleDraft, ArticleQuery
from editor.workflow import passwords
from editor.workflow.audit import audit_log
from editor.workflow.editing import duplicate_as, set_trashed
from editor.workflow.passwords import set_password


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "SCRYPT_N", 2**10)


def test_nobody_signed_in_trashes_or_copies_nothing_where_the_newsroom_signs_in(sqlite_db):
    sarah = create_person(sqlite_db, "Sarah", handle="sarah")
    set_password(sqlite_db, sarah.id, "kopi tubruk pagi", actor_id=sarah.id)
    story = create_article(sqlite_db, ArticleDraft(headline="Banjir", byline_ids=(sarah.id,)))

    with pytest.raises(PermissionDenied, match="nobody is signed in"):
        set_trashed(sqlite_db, story.id, True, actor_id=None)
    with pytest.raises(PermissionDenied, match="nobody is signed in"):
        duplicate_as(sqlite_db, story.id, actor_id=None)

    assert get_article(sqlite_db, story.id).status == "draft"
    assert list_articles(sqlite_db, ArticleQuery(include_trashed=True)).total == 1
    refused = [(e.action, e.outcome, e.actor) for e in audit_log(sqlite_db)[:2]]
    assert refused == [("draft", "refused", "system"), ("trash", "refused", "system")]


def test_a_newsroom_that_does_not_sign_in_trashes_for_nobody_and_audits_it(sqlite_db):
    story = create_article(sqlite_db, ArticleDraft(headline="Banjir"))

    set_trashed(sqlite_db, story.id, True, actor_id=None)
    set_trashed(sqlite_db, story.id, False, actor_id=None)
    copy = duplicate_as(sqlite_db, story.id, actor_id=None)

    assert get_article(sqlite_db, story.id).status == "draft"
    assert copy.headline == "Banjir (salinan)" and copy.id != story.id
    done = [(e.action, e.outcome) for e in audit_log(sqlite_db)[:2]]
    assert done == [("restore", "done"), ("trash", "done")]
