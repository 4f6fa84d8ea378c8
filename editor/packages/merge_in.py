"""Importing a story package: each article goes through the sync's own merge.

An article the database does not have yet arrives as a new draft (a ``create`` op); one
it has is a ``save`` op from the package's base, carried out by
``editor.sync.apply.apply_op`` as the person importing: their role and the article's
state are checked as for any change, the newsroom's copy is merged field by field and
paragraph by paragraph, and a clash keeps both texts (the article is marked in conflict,
the package's text kept as a revision). The op id comes from the package's own bytes, so
importing the same package again changes nothing. The pictures go into the media library
first (once each, by content).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from editor.articles import get_article
from editor.database import Database
from editor.errors import NotFoundError, ValidationError
from editor.i18n import _
from editor.media.library import add_picture
from editor.models import Person, Section
from editor.packages.layout import OP_NAMESPACE
from editor.packages.reader import PackagedArticle, read_package
from editor.sync.apply import apply_op
from editor.sync.feed import stored_result
from editor.sync.states import dumps
from editor.sync.tables import SyncShadow


@dataclass(frozen=True)
class ImportedArticle:
    id: uuid.UUID
    headline: str
    #: "created", "applied", "merged", "conflict" or "refused".
    outcome: str
    reason: str
    #: The same package was imported before: nothing changed this time.
    again: bool


@dataclass(frozen=True)
class ImportedPackage:
    path: Path
    articles: tuple[ImportedArticle, ...]
    pictures_added: int

    @property
    def refused(self) -> int:
        return sum(1 for a in self.articles if a.outcome == "refused")


def _known(db: Database, content: dict[str, Any]) -> dict[str, Any]:
    """The content with a section or bylines this database does not know left out: a
    package may come from another newsroom's copy."""
    with db.transaction() as session:
        section = content.get("section_id")
        known_section = False
        if section:
            try:
                known_section = session.get(Section, uuid.UUID(str(section))) is not None
            except ValueError:
                known_section = False
        people = {str(p) for p in session.scalars(select(Person.id))}
    bylines = [str(p) for p in content.get("bylines") or () if str(p) in people]
    return {
        **content,
        "section_id": section if known_section else None,
        "bylines": bylines,
    }


def _exists(db: Database, article_id: uuid.UUID) -> bool:
    try:
        get_article(db, article_id)
    except NotFoundError:
        return False
    return True


def _op(db: Database, article: PackagedArticle) -> dict[str, Any]:
    op_id = uuid.uuid5(OP_NAMESPACE, f"{article.id}:{article.digest}")
    content = _known(db, article.content)
    payload: dict[str, Any] = {"article_id": str(article.id), "content": content}
    if not _exists(db, article.id):
        return {"op_id": str(op_id), "kind": "create", "base_version": 0, "payload": payload}
    # No base: made elsewhere and never seen here, yet an article of that id is here (an
    # earlier import): every field that differs is a clash for a person to settle.
    payload["base"] = _known(db, article.base) if article.base is not None else {}
    return {
        "op_id": str(op_id),
        "kind": "save",
        "base_version": article.base_version,
        "payload": payload,
    }


def _keep_base(db: Database, article: PackagedArticle) -> None:
    """Remember what came in as the article's base here: a package sent back from this
    database then merges from it (``writer``). A replica's shadows belong to its sync."""
    with db.transaction() as session:
        shadow = session.get(SyncShadow, article.id)
        if shadow is None:
            shadow = SyncShadow(article_id=article.id)
            session.add(shadow)
        shadow.server_version = article.base_version
        shadow.has_body = True
        # As the import read it here: a section or byline this database does not know
        # stays out of the base too, so sending it back does not remove it there.
        shadow.state_json = dumps(_known(db, article.content))


def import_package(db: Database, path: Path, *, actor_id: uuid.UUID | None) -> ImportedPackage:
    """Check the package whole (``read_package``), then take its pictures and articles."""
    package = read_package(path)
    if actor_id is None:
        raise ValidationError(
            _("Say who imports the package (--as PERSON): its changes are made as them.")
        )
    added = 0
    for item in package.pictures:
        about = item.description
        added += int(
            add_picture(
                db,
                item.picture,
                actor_id=actor_id,
                caption=about["caption"],
                credit=about["credit"],
                alt_text=about["alt_text"],
                license=about["license"],
            ).new
        )
    results = []
    for article in package.articles:
        op = _op(db, article)
        with db.transaction() as session:
            again = stored_result(session, uuid.UUID(op["op_id"])) is not None
        result = apply_op(db, actor_id, op)
        outcome = str(result.get("outcome", "applied"))
        if outcome != "refused" and db.sync_role == "":
            _keep_base(db, article)
        if op["kind"] == "create" and outcome == "applied":
            outcome = "created"
        results.append(
            ImportedArticle(
                id=article.id,
                headline=article.headline,
                outcome=outcome,
                reason=str(result.get("reason") or ""),
                again=again,
            )
        )
    return ImportedPackage(path=package.path, articles=tuple(results), pictures_added=added)
