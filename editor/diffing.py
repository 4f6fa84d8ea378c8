"""The difference between two revisions, as data (the GUI decides how to draw it).

Metadata differences are ``FieldChange`` values in a fixed, readable order; the body
difference is the list of difflib opcodes over its lines, "equal" runs included, so a
side-by-side view can be drawn from it without diffing again.
"""

from __future__ import annotations

import difflib
from datetime import datetime

from editor.records import FieldChange, LineChange, RevisionDiff, RevisionRecord

#: Fields compared, in the order a reader scans an article.
DIFF_FIELDS = (
    "headline",
    "kicker",
    "lead",
    "slug",
    "section",
    "bylines",
    "tags",
    "language",
    "lead_image",
    "lead_image_caption",
    "lead_image_credit",
    "status",
    "published_at",
    "scheduled_at",
    "embargo_until",
)
TIME_FIELDS = ("published_at", "scheduled_at", "embargo_until")


def field_value(revision: RevisionRecord, name: str) -> object:
    """One field of a revision in a form meant for comparing and showing.

    Bylines become a tuple of names, lists become tuples and stored ISO times become
    timezone-aware datetimes, so equal values compare equal whatever JSON made of them.
    """
    if name in ("headline", "kicker", "lead"):
        return getattr(revision, name)
    value = revision.metadata.get(name)
    if name == "bylines":
        people = value if isinstance(value, list) else []
        return tuple(str(p.get("name", "")) for p in people if isinstance(p, dict))
    if isinstance(value, list):
        return tuple(value)
    if name in TIME_FIELDS and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def diff_body(old: str, new: str) -> tuple[LineChange, ...]:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    # autojunk off: in long articles, blank lines and common words are not junk to a reader.
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    return tuple(
        LineChange(
            op=op,
            old_start=i1,
            old_lines=tuple(old_lines[i1:i2]),
            new_start=j1,
            new_lines=tuple(new_lines[j1:j2]),
        )
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def diff_revisions(old: RevisionRecord, new: RevisionRecord) -> RevisionDiff:
    """What changed from ``old`` to ``new``: metadata fields and body line hunks."""
    changes = []
    for name in DIFF_FIELDS:
        before, after = field_value(old, name), field_value(new, name)
        if before != after:
            changes.append(FieldChange(name=name, old=before, new=after))
    return RevisionDiff(
        old_number=old.number,
        new_number=new.number,
        fields=tuple(changes),
        body=diff_body(old.body, new.body),
    )


def body_changed(diff: RevisionDiff) -> bool:
    return any(change.op != "equal" for change in diff.body)
