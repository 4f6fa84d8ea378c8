"""The newsroom's word list and house-style settings, kept in the database.

Editors and admins change them (``manage_words``), every change is audited, and both reach
every replica with the newsroom's data: words as kind ``word`` of the change feed, the
rupiah style as the ``house.currency_style`` setting (docs/sync.md).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from editor.database import Database
from editor.errors import NotFoundError, ValidationError
from editor.i18n import _
from editor.models import NewsroomWord, Person, Setting
from editor.spelling.house_style import CURRENCY_STYLES, DEFAULT_CURRENCY_STYLE
from editor.spelling.personal import checked_word
from editor.workflow.audit import add_entry
from editor.workflow.roles import management_note, managing

CURRENCY_SETTING = "house.currency_style"
PERMISSION = "manage_words"
#: A list is a few thousand names; one command adding more is a mistake (a whole file
#: of prose passed by accident), refused before anything is written.
MAX_WORDS_AT_ONCE = 20_000


@dataclass(frozen=True)
class WordRecord:
    word: str
    added_by: str
    added_at: datetime


def list_words(db: Database) -> list[WordRecord]:
    with db.transaction() as session:
        rows = session.execute(
            select(NewsroomWord, Person.name)
            .outerjoin(Person, Person.id == NewsroomWord.added_by_id)
            .order_by(NewsroomWord.word)
        ).all()
        return [WordRecord(row.word, name or "", row.added_at) for row, name in rows]


def newsroom_words(db: Database) -> list[str]:
    with db.transaction() as session:
        return list(session.scalars(select(NewsroomWord.word)))


def add_words(db: Database, words: Iterable[str], *, actor_id: uuid.UUID | None) -> list[str]:
    """Add words (each checked first; nothing is written if one is refused). Returns
    the ones that were new."""
    wanted = list(dict.fromkeys(checked_word(word) for word in words))
    if len(wanted) > MAX_WORDS_AT_ONCE:
        raise ValidationError(
            _("{count} words at once is more than a word list takes ({limit}).").format(
                count=len(wanted), limit=MAX_WORDS_AT_ONCE
            )
        )
    with managing(db, actor_id, PERMISSION) as session:
        present = set(session.scalars(select(NewsroomWord.word)))
        added = [word for word in wanted if word not in present]
        for word in added:
            session.add(NewsroomWord(word=word, added_by_id=actor_id))
        if added:
            add_entry(
                session,
                action=PERMISSION,
                actor_id=actor_id,
                note=management_note(actor_id, "added " + ", ".join(added)[:2000]),
            )
    return added


def remove_word(db: Database, word: str, *, actor_id: uuid.UUID | None) -> None:
    with managing(db, actor_id, PERMISSION) as session:
        found = session.get(NewsroomWord, word)
        if found is None:
            raise NotFoundError(_("“{word}” is not in the newsroom's word list.").format(word=word))
        session.delete(found)
        add_entry(
            session,
            action=PERMISSION,
            actor_id=actor_id,
            note=management_note(actor_id, f"removed {word}"),
        )


def currency_style(db: Database) -> str:
    with db.transaction() as session:
        setting = session.get(Setting, CURRENCY_SETTING)
        value = setting.value if setting is not None else ""
    return value if value in CURRENCY_STYLES else DEFAULT_CURRENCY_STYLE


def set_currency_style(db: Database, style: str, *, actor_id: uuid.UUID | None) -> None:
    if style not in CURRENCY_STYLES:
        raise ValidationError(
            _(
                "Unknown rupiah style '{style}': use puebi (Rp4,5 triliun) or spaced "
                "(Rp 4,5 triliun)."
            ).format(style=style)
        )
    store_setting(db, CURRENCY_SETTING, style, actor_id=actor_id)


def store_setting(db: Database, key: str, value: str, *, actor_id: uuid.UUID | None) -> None:
    """Set a newsroom-wide spelling setting (editors and admins), audited as ``key = value``."""
    with managing(db, actor_id, PERMISSION) as session:
        setting = session.get(Setting, key)
        if setting is None:
            session.add(Setting(key=key, value=value))
        else:
            setting.value = value
        add_entry(
            session,
            action=PERMISSION,
            actor_id=actor_id,
            note=management_note(actor_id, f"{key} = {value}"),
        )
