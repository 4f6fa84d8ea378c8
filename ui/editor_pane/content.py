"""What the reporter edits in an article, as opposed to its version, state and dates:
what "is there anything left to save?" compares."""

from __future__ import annotations

from dataclasses import replace

from editor.records import ArticleRecord

#: What the reporter edits (with the section's and bylines' names that go with them).
CONTENT_FIELDS = (
    "headline",
    "kicker",
    "slug",
    "body",
    "section_id",
    "section_name",
    "section_path",
    "language",
    "bylines",
    "tags",
    "lead_image",
    "lead_image_caption",
    "lead_image_credit",
)


def content(record: ArticleRecord) -> tuple[object, ...]:
    """What the reporter edits, for "is there anything left to save?"."""
    return tuple(getattr(record, name) for name in CONTENT_FIELDS)


def with_content(record: ArticleRecord, source: ArticleRecord) -> ArticleRecord:
    """``record`` (its version, state and dates) with what ``source`` says."""
    return replace(record, **{name: getattr(source, name) for name in CONTENT_FIELDS})
