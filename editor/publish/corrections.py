"""Corrections as readers see them: a "Koreksi" box under the body and in the feeds.

Each note is shown with its time in the list format (``Minggu, 11 Januari 2026 | 04:59``,
newsroom zone). Only corrections made up to the publish clock are shown, so a publish
stays a function of the data and the clock. Who wrote a correction is for the newsroom,
not for readers, and is left out.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape
from typing import NamedTuple

from markupsafe import Markup

from editor.database import Database
from editor.dates import list_time
from editor.workflow.corrections import corrections_for

TITLES = {"id": "Koreksi", "en": "Correction"}


class PublicCorrection(NamedTuple):
    corrected_at: datetime
    note: str


def load_corrections(
    db: Database, article_ids: Iterable[uuid.UUID], *, now: datetime
) -> dict[uuid.UUID, tuple[PublicCorrection, ...]]:
    """Each article's corrections up to ``now``, oldest first; articles without any left out."""
    found = corrections_for(db, article_ids, until=now)
    return {
        article_id: tuple(PublicCorrection(c.corrected_at, c.note) for c in items)
        for article_id, items in found.items()
    }


def corrections_key(corrections: Sequence[PublicCorrection]) -> str:
    """What the corrections show, as text for an article's fingerprint."""
    return "\x1e".join(f"{c.corrected_at.isoformat()}\x1d{c.note}" for c in corrections)


def title_for(language: str) -> str:
    return TITLES.get(language, TITLES["id"])


def corrections_html(
    corrections: Sequence[PublicCorrection], *, zone: str, language: str
) -> Markup:
    """The correction box (empty when there are none), for the page and the feeds alike."""
    if not corrections:
        return Markup("")
    lines = [
        '<aside class="corrections" aria-label="' + title_for(language) + '">',
        f"<h2>{title_for(language)}</h2>",
        "<ul>",
    ]
    for correction in corrections:
        when = correction.corrected_at
        stamp = when.isoformat().replace("+00:00", "Z")
        text = escape(list_time(when, zone=zone, language=language))
        lines.append(
            f'<li><time datetime="{stamp}">{text}</time> '
            f'<span class="note">{escape(correction.note)}</span></li>'
        )
    lines += ["</ul>", "</aside>"]
    return Markup("\n".join(lines))


def corrections_text(corrections: Sequence[PublicCorrection], *, zone: str, language: str) -> str:
    """The same notes as plain text lines (for a feed item's description)."""
    return "\n".join(
        f"{title_for(language)} ({list_time(c.corrected_at, zone=zone, language=language)}): "
        f"{c.note}"
        for c in corrections
    )
