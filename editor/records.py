"""Plain data the core hands out. Widgets and commands get these, never ORM objects."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from editor.i18n import N_, _

#: Every status an article can have, in workflow order.
STATUSES = (
    "draft",
    "submitted",
    "in_review",
    "sent_back",
    "approved",
    "scheduled",
    "published",
    "corrected",
    "killed",
    "trashed",
)
#: Statuses whose articles readers may see (once past any embargo).
PUBLIC_STATUSES = ("published", "corrected")
ROLES = ("reporter", "editor", "admin")
LANGUAGES = ("id", "en")
#: Status names in messages; English keeps the stored id ("in_review"), which the
#: command line also accepts.
_STATUS_WORDS = {
    "draft": N_("draft"),
    "submitted": N_("submitted"),
    "in_review": N_("in_review"),
    "sent_back": N_("sent_back"),
    "approved": N_("approved"),
    "scheduled": N_("scheduled"),
    "published": N_("published"),
    "corrected": N_("corrected"),
    "killed": N_("killed"),
    "trashed": N_("trashed"),
}
_ROLE_WORDS = {"reporter": N_("reporter"), "editor": N_("editor"), "admin": N_("admin")}


def status_label(status: str) -> str:
    """A status in the messages' language; an unknown one as stored."""
    return _(_STATUS_WORDS[status]) if status in _STATUS_WORDS else status


def role_label(role: str) -> str:
    return _(_ROLE_WORDS[role]) if role in _ROLE_WORDS else role


@dataclass(frozen=True)
class PersonRef:
    id: uuid.UUID
    name: str
    handle: str


@dataclass(frozen=True)
class PersonRecord:
    id: uuid.UUID
    name: str
    handle: str
    role: str
    email: str | None
    active: bool
    version: int


@dataclass(frozen=True)
class SectionRecord:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    slug: str
    #: Slugs from the root down, joined by "/": "berita/dunia".
    path: str
    position: int
    word_target: int
    version: int


@dataclass(frozen=True)
class ArticleDraft:
    """What a user provides for a new article; everything has a sensible default."""

    headline: str = ""
    body: str = ""
    kicker: str = ""
    slug: str = ""
    lead: str = ""
    section_id: uuid.UUID | None = None
    language: str = "id"
    status: str = "draft"
    byline_ids: tuple[uuid.UUID, ...] = ()
    tags: tuple[str, ...] = ()
    lead_image: str = ""
    lead_image_caption: str = ""
    lead_image_credit: str = ""
    published_at: datetime | None = None
    scheduled_at: datetime | None = None
    embargo_until: datetime | None = None
    source_key: str | None = None
    #: The same page in other languages shares it (editor.translations).
    translation_group: str | None = None
    #: Front matter keys an import kept (editor.old_addresses), as a JSON object.
    kept_fields: str = "{}"
    #: The page's own modified time (an imported ``lastmod``); None: its updated time.
    modified_at: datetime | None = None


@dataclass(frozen=True)
class ArticleRecord:
    """One article as stored. Edit with ``dataclasses.replace`` and hand back to ``save``."""

    id: uuid.UUID
    version: int
    headline: str
    body: str
    kicker: str
    slug: str
    lead: str
    section_id: uuid.UUID | None
    language: str
    status: str
    bylines: tuple[PersonRef, ...]
    tags: tuple[str, ...]
    lead_image: str
    lead_image_caption: str
    lead_image_credit: str
    published_at: datetime | None
    scheduled_at: datetime | None
    embargo_until: datetime | None
    created_at: datetime
    updated_at: datetime
    word_count: int
    source_key: str | None = None
    #: The same page in other languages shares it (editor.translations); the publish links
    #: the public articles of a group to each other.
    translation_group: str | None = None
    #: Front matter keys an import kept, as a JSON object: the old addresses the publish
    #: redirects (editor.old_addresses), and what an export writes back.
    kept_fields: str = "{}"
    #: The page's own modified time as its source said, until the article is next changed
    #: here (editor.import_writer); None: ``updated_at`` is the page's modified time.
    modified_at: datetime | None = None
    #: Derived, read-only: the section's name and path ("berita/dunia").
    section_name: str = ""
    section_path: str = ""

    @property
    def byline_ids(self) -> tuple[uuid.UUID, ...]:
        return tuple(person.id for person in self.bylines)


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list: no body, cheap to fetch by the thousand."""

    id: uuid.UUID
    version: int
    headline: str
    section_name: str
    status: str
    byline: str
    updated_at: datetime
    published_at: datetime | None
    word_count: int
    language: str


SORT_KEYS = ("updated_at", "created_at", "published_at", "headline", "section", "status", "byline")


@dataclass(frozen=True)
class ArticleQuery:
    """Filter, sort and page the article list. ``None`` means "any"."""

    statuses: tuple[str, ...] | None = None
    section_id: uuid.UUID | None = None
    #: Include articles of the section's subsections too.
    include_subsections: bool = True
    author_id: uuid.UUID | None = None
    tag: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    #: Which time the date range applies to.
    date_field: str = "updated_at"
    text: str | None = None
    include_trashed: bool = False
    sort: str = "updated_at"
    descending: bool = True
    offset: int = 0
    limit: int = 100


@dataclass(frozen=True)
class ArticlePage:
    items: tuple[ArticleSummary, ...]
    total: int
    offset: int


@dataclass(frozen=True)
class SearchHit:
    id: uuid.UUID
    headline: str
    status: str
    #: Plain text with the matched words wrapped in ``[`` and ``]`` markers.
    snippet: str
    rank: float


@dataclass(frozen=True)
class RevisionRecord:
    id: uuid.UUID
    article_id: uuid.UUID
    number: int
    created_at: datetime
    kind: str
    note: str
    author: str
    article_version: int
    headline: str
    kicker: str
    lead: str
    body: str
    metadata: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: object
    new: object


@dataclass(frozen=True)
class LineChange:
    """One hunk of a body difference, as difflib opcodes describe it."""

    op: str  # "equal", "replace", "delete", "insert"
    old_start: int
    old_lines: tuple[str, ...]
    new_start: int
    new_lines: tuple[str, ...]


@dataclass(frozen=True)
class RevisionDiff:
    old_number: int
    new_number: int
    fields: tuple[FieldChange, ...]
    body: tuple[LineChange, ...]
