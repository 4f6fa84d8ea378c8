"""Where a picture is used, and giving every article a new version of it at once.

An article names a library picture as its lead image (``lead_image``) or in its body
(``![alt](media:<sha256>)``). Replacing a picture keeps the new file in the library,
gives it the old one's description where the new one has none, and points every
article that used the old picture at the new one, in one unit of work with one audit
entry: all articles change or none. The replacer must be allowed to edit every one of
them (a reporter cannot change the photo of an editor's published story this way).
The old picture stays in the library: revisions and other newsrooms may still name it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from editor.articles import _load, store_article, to_record
from editor.database import Database
from editor.errors import NotFoundError, ValidationError
from editor.i18n import _
from editor.media.intake import Picture
from editor.media.library import (
    LIMITS,
    MediaRecord,
    _record,
    _refusal,
    _refuse,
    keep_picture,
)
from editor.media.refs import media_ref
from editor.media.tables import MediaItem
from editor.models import Article, ArticleBody


@dataclass(frozen=True)
class Use:
    article_id: uuid.UUID
    headline: str
    status: str


@dataclass(frozen=True)
class Replaced:
    record: MediaRecord
    #: The articles now showing the new picture.
    articles: tuple[Use, ...]


def _using(session: Session, sha256: str) -> list[Article]:
    ref = media_ref(sha256)
    body_ids = select(ArticleBody.article_id).where(ArticleBody.markdown.contains(ref))
    query = (
        select(Article.id)
        .where(
            Article.status != "trashed",
            or_(Article.lead_image == ref, Article.id.in_(body_ids)),
        )
        .order_by(Article.updated_at.desc(), Article.id)
    )
    # Loaded with their bodies, bylines and tags, as a save needs them.
    return [_load(session, article_id) for article_id in session.scalars(query)]


def articles_using(db: Database, sha256: str) -> list[Use]:
    """The articles (not in the trash) whose lead image or body shows the picture."""
    with db.transaction() as session:
        return [Use(a.id, a.headline, a.status) for a in _using(session, sha256)]


def replace_media(
    db: Database, old_sha256: str, picture: Picture, *, actor_id: uuid.UUID | None = None
) -> Replaced:
    """Keep ``picture`` and point every article showing ``old_sha256`` at it."""
    from editor.workflow.audit import add_entry
    from editor.workflow.roles import edit_refusal, load_actor

    if picture.sha256 == old_sha256:
        raise ValidationError(_("That is the same picture; nothing was replaced."))
    with db.transaction() as session:
        refusal = _refusal(session, actor_id)
        if not refusal:
            old = session.get(MediaItem, old_sha256)
            if old is None:
                raise NotFoundError(
                    _("No picture {sha} in the media library.").format(sha=old_sha256)
                )
            articles = _using(session, old_sha256)
            if actor_id is not None:
                actor = load_actor(session, actor_id)
                for article in articles:
                    denied = edit_refusal(session, article, actor)
                    if denied is not None:
                        refusal = _(
                            "{name} may not change “{headline}”, which shows this picture; "
                            "nothing was replaced."
                        ).format(name=actor.name, headline=article.headline or _("Untitled"))
                        break
        if not refusal:
            description = {field: getattr(old, field) for field in LIMITS}
            item, _new = keep_picture(session, picture, actor_id, description)
            old_ref, new_ref = media_ref(old_sha256), media_ref(picture.sha256)
            for article in articles:
                record = to_record(session, article)
                store_article(
                    session,
                    replace(
                        record,
                        lead_image=new_ref if record.lead_image == old_ref else record.lead_image,
                        body=record.body.replace(old_ref, new_ref),
                    ),
                    saved_by=actor_id,
                )
            add_entry(
                session,
                action="media_replace",
                actor_id=actor_id,
                # Audit notes are kept as written, like the library's other entries.
                note=f"{old_sha256[:12]} replaced by {picture.name} "
                f"({picture.sha256[:12]}), articles: {len(articles)}",
            )
            session.flush()
            uses = tuple(Use(a.id, a.headline, a.status) for a in articles)
            return Replaced(_record(item), uses)
    raise _refuse(db, actor_id, refusal)
