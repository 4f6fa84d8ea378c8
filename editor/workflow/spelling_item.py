"""The checklist's spelling item: spelling and house-style problems still in the article.

The newsroom decides (the synced setting ``checklist.spelling``) whether they stop a
publish like any other missing item ("block"), are shown before it without stopping it
("warn", the default) or are not counted ("off"). The count covers the headline, kicker,
lead, lead-image caption and body, with what the core can know: the newsroom's word list
and rupiah style from the database, and what the caller passes for the person (their own
dictionary) and the article (words ignored in it in the app).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import N_, _, ngettext
from editor.models import NewsroomWord, Setting
from editor.records import ArticleRecord
from editor.spelling.checker import SPELLING, Located, make_checker
from editor.spelling.house_style import CURRENCY_STYLES, DEFAULT_CURRENCY_STYLE
from editor.spelling.words import CURRENCY_SETTING, store_setting
from editor.workflow.checklist import ChecklistItem

SETTING = "checklist.spelling"
RULES = ("block", "warn", "off")
DEFAULT_RULE = "warn"
KEY = "spelling"
#: A person's dictionary and an article's ignored words are a few hundred; a status
#: change carrying more is cut to this (it travels in the sync payload).
MAX_EXCEPTIONS = 5_000
FIELD_LABELS = {
    "headline": N_("headline"),
    "kicker": N_("kicker"),
    "lead": N_("lead"),
    "caption": N_("caption"),
    "body": N_("body"),
}


@dataclass(frozen=True)
class WordExceptions:
    """What the person settled: ``accepted`` words (their own dictionary) are spelt
    right; a problem whose text is in ``ignored`` (ignored in this article) is not counted."""

    accepted: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()

    @classmethod
    def of(cls, accepted: Iterable[str] = (), ignored: Iterable[str] = ()) -> WordExceptions:
        return cls(_bounded(accepted), _bounded(ignored))

    def payload(self) -> dict[str, list[str]]:
        return {"accepted_words": list(self.accepted), "ignored_words": list(self.ignored)}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> WordExceptions:
        def strings(key: str) -> list[str]:
            value = payload.get(key)
            return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

        return cls.of(strings("accepted_words"), strings("ignored_words"))


def _bounded(words: Iterable[str]) -> tuple[str, ...]:
    kept: list[str] = []
    for word in words:
        if len(kept) >= MAX_EXCEPTIONS:
            break
        if word and len(word) <= 100:
            kept.append(word)
    return tuple(sorted(set(kept)))


def _setting(session: Session, key: str) -> str:
    setting = session.get(Setting, key)
    return setting.value if setting is not None else ""


def rule_in(session: Session) -> str:
    value = _setting(session, SETTING)
    return value if value in RULES else DEFAULT_RULE


def spelling_rule(db: Database) -> str:
    with db.transaction() as session:
        return rule_in(session)


def set_spelling_rule(db: Database, rule: str, *, actor_id: uuid.UUID | None) -> None:
    """Editors and admins choose whether unresolved problems block a publish."""
    if rule not in RULES:
        raise ValidationError(
            _(
                "Unknown checklist rule '{rule}': use block (problems stop a publish), "
                "warn (they are shown first) or off."
            ).format(rule=rule)
        )
    store_setting(db, SETTING, rule, actor_id=actor_id)


def unresolved_problems(
    session: Session, record: ArticleRecord, exceptions: WordExceptions
) -> tuple[list[Located], list[str]]:
    """The problems of every checked field, and messages for what could not be loaded."""
    currency = _setting(session, CURRENCY_SETTING)
    accepted = list(session.scalars(select(NewsroomWord.word))) + list(exceptions.accepted)
    checker, messages = make_checker(
        record.language,
        accepted=accepted,
        currency=currency if currency in CURRENCY_STYLES else DEFAULT_CURRENCY_STYLE,
    )
    ignored = set(exceptions.ignored)
    found = [f for f in checker.check_article(record) if f.problem.text not in ignored]
    return found, messages


def describe(found: list[Located]) -> str:
    """ "3 unresolved spelling and house-style problems (body: 2 spelling, 1 style)"."""
    by_field: Counter[tuple[str, bool]] = Counter(
        (f.field, f.problem.kind == SPELLING) for f in found
    )
    places = []
    for field, label in FIELD_LABELS.items():
        parts = []
        if by_field[(field, True)]:
            parts.append(_("{count} spelling").format(count=by_field[(field, True)]))
        if by_field[(field, False)]:
            parts.append(_("{count} style").format(count=by_field[(field, False)]))
        if parts:
            places.append(f"{_(label)}: {', '.join(parts)}")
    return ngettext(
        "{count} unresolved spelling or house-style problem ({places}); fix it in the "
        "editor (right-click) or see redaksi check",
        "{count} unresolved spelling and house-style problems ({places}); fix them in the "
        "editor (right-click) or see redaksi check",
        len(found),
    ).format(count=len(found), places="; ".join(places))


def spelling_item(
    session: Session,
    record: ArticleRecord,
    exceptions: WordExceptions,
    *,
    counted: tuple[str, ...] = ("block", "warn"),
) -> ChecklistItem | None:
    """The item, or None when the newsroom's rule is not one of ``counted``.

    A failed item blocks under "block"; under "warn" it is a warning (``blocking`` False).
    """
    rule = rule_in(session)
    if rule not in counted:
        return None
    found, _messages = unresolved_problems(session, record, exceptions)
    return ChecklistItem(KEY, not found, describe(found) if found else "", rule == "block")
