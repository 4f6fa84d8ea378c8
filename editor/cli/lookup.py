"""Finding an article from what a person types: a full UUID or a unique prefix, like git."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import String, cast, select

from editor.database import Database
from editor.errors import NotFoundError, ValidationError
from editor.i18n import _
from editor.models import Article

MIN_PREFIX = 4
_HEX = re.compile(r"^[0-9a-f]+$")
#: Where the dashes go in the text form of a UUID (8-4-4-4-12).
_DASHES_AFTER = (8, 12, 16, 20)


def _dashed(hex_prefix: str) -> str:
    parts, start = [], 0
    for end in (*_DASHES_AFTER, 32):
        if start >= len(hex_prefix):
            break
        parts.append(hex_prefix[start:end])
        start = end
    return "-".join(parts)


def resolve_article_id(db: Database, typed: str) -> uuid.UUID:
    """The one article whose id starts with ``typed``; a clear error when none or several."""
    hex_prefix = typed.strip().lower().replace("-", "")
    if not _HEX.match(hex_prefix) or len(hex_prefix) > 32:
        raise ValidationError(
            _(
                "'{typed}' is not an article id. Use the id (or its first characters) "
                "that 'redaksi list' shows."
            ).format(typed=typed)
        )
    if len(hex_prefix) == 32:
        return uuid.UUID(hex_prefix)
    if len(hex_prefix) < MIN_PREFIX:
        raise ValidationError(
            _("Give at least {min_prefix} characters of the article id.").format(
                min_prefix=MIN_PREFIX
            )
        )
    # SQLite keeps UUIDs as 32 hex digits, PostgreSQL's text form has dashes.
    pattern = hex_prefix if db.dialect == "sqlite" else _dashed(hex_prefix)
    with db.transaction() as session:
        matches = list(
            session.execute(
                select(Article.id, Article.headline)
                .where(cast(Article.id, String).like(pattern + "%"))
                .order_by(Article.id)
                .limit(6)
            ).all()
        )
    if not matches:
        raise NotFoundError(
            _("No article id starts with '{typed}'. Run 'redaksi list' to see ids.").format(
                typed=typed
            )
        )
    if len(matches) > 1:
        shown = "; ".join(f"{row[0]} {row[1]}" for row in matches[:5])
        raise ValidationError(
            _(
                "The id prefix '{typed}' matches more than one article ({shown}). Type "
                "more characters."
            ).format(typed=typed, shown=shown)
        )
    return uuid.UUID(str(matches[0][0]))
