"""The database schema as SQLAlchemy 2.0 typed models.

Schema changes never happen here alone: every change gets an Alembic migration in
``editor/migrations/versions`` (``alembic revision --autogenerate`` from the repo root).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names so migrations read the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the core stores only timezone-aware times")
        value = value.astimezone(UTC)
        # SQLite compares times as text: store them naive and uniform so ordering holds.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    """Columns every user-edited row carries: times and an optimistic-locking version."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Section(Tracked, Base):
    __tablename__ = "sections"
    __table_args__ = (
        UniqueConstraint("parent_id", "slug", name="uq_sections_parent_slug"),
        # The article list sorted by section name starts here (migration 0018). Unique
        # (the id is), so SQLite knows each section's articles can follow in id order.
        Index("ix_sections_name_id", "name", "id", unique=True),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("sections.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: Words an article in this section should aim for (0 = no target).
    word_target: Mapped[int] = mapped_column(Integer, default=0)

    __mapper_args__ = {"version_id_col": Tracked.version}


class Person(Tracked, Base):
    __tablename__ = "people"
    # The article list sorted by byline starts here (migration 0018). Unique (the id
    # is), so SQLite knows each person's articles can follow in id order.
    __table_args__ = (Index("ix_people_name_id", "name", "id", unique=True),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    #: A stable handle for the command line and imports ("sarah-meiliana-gunawan").
    handle: Mapped[str] = mapped_column(String(200), unique=True)
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(20), default="reporter")
    password_hash: Mapped[str | None] = mapped_column(String(400))
    active: Mapped[bool] = mapped_column(default=True)

    __mapper_args__ = {"version_id_col": Tracked.version}


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(120), unique=True)


class Article(Tracked, Base):
    """One story. The body lives in ``article_bodies`` so list scans never read it."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_status_updated", "status", "updated_at"),
        Index("ix_articles_published", "published_at"),
        # The article list's default order: its first page reads the index, not a sort.
        Index("ix_articles_updated_id", "updated_at", "id"),
        # The list sorted by creation time or by headline (migration 0016).
        Index("ix_articles_created_id", "created_at", "id"),
        Index("ix_articles_headline_lower_id", func.lower(text("headline")), "id"),
        # By status, and each section's articles in id order: the list sorted by status
        # or by section name walks these (migration 0018).
        Index("ix_articles_status_id", "status", "id"),
        Index("ix_articles_section_id_id", "section_id", "id"),
        Index("ix_articles_embargo_until", "embargo_until"),
        # Covering for the dashboard's production and speed: a window's public articles,
        # their section and draft time, read from the index alone (migration 0009).
        Index(
            "ix_articles_published_dashboard",
            "published_at",
            "status",
            "embargo_until",
            "section_id",
            "created_at",
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    headline: Mapped[str] = mapped_column(String(500), default="")
    kicker: Mapped[str] = mapped_column(String(200), default="")
    slug: Mapped[str] = mapped_column(String(300), default="", index=True)
    lead: Mapped[str] = mapped_column(Text, default="")
    section_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("sections.id", ondelete="RESTRICT"), index=True
    )
    language: Mapped[str] = mapped_column(String(10), default="id")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    #: The status an article had before it went to the trash, so restore puts it back.
    status_before_trash: Mapped[str | None] = mapped_column(String(20))
    lead_image: Mapped[str] = mapped_column(String(1000), default="")
    lead_image_caption: Mapped[str] = mapped_column(String(1000), default="")
    lead_image_credit: Mapped[str] = mapped_column(String(300), default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    embargo_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    #: Where an imported article came from, so importing the same file again updates it.
    source_key: Mapped[str | None] = mapped_column(String(500), unique=True)
    #: Whose save made the stored version (empty: saved by nobody, or before 0010), so a
    #: version that loses a conflict is kept as a revision under its author's name.
    updated_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    #: The fingerprint of the source file (and settings) of the last import, and the
    #: version that import left: a re-import of the same bytes onto an article nobody saved
    #: since is unchanged without parsing the file again (migration 0012).
    source_digest: Mapped[str | None] = mapped_column(String(64))
    source_version: Mapped[int | None] = mapped_column(Integer)
    #: Front matter keys kept but not used (``aliases``, ``weight``…), as a JSON object, so
    #: an export writes them back.
    kept_fields: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    #: The same page in other languages shares it (editor.translations); None: no group.
    translation_group: Mapped[str | None] = mapped_column(String(500), index=True)
    #: The page's own modified time as its source said (an imported ``lastmod``, else its
    #: date) until the article is next changed here; None: ``updated_at`` is. The publish
    #: shows it; ``updated_at`` stays the change stamp sync orders by (migration 0023).
    modified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    body: Mapped[ArticleBody] = relationship(
        back_populates="article", cascade="all, delete-orphan", lazy="raise"
    )
    bylines: Mapped[list[Byline]] = relationship(
        order_by="Byline.position", cascade="all, delete-orphan", lazy="selectin"
    )
    tags: Mapped[list[ArticleTag]] = relationship(
        order_by="ArticleTag.position", cascade="all, delete-orphan", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": Tracked.version}


class ArticleBody(Base):
    __tablename__ = "article_bodies"

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    #: The Markdown exactly as typed; HTML is always derived from it.
    markdown: Mapped[str] = mapped_column(Text, default="")

    article: Mapped[Article] = relationship(back_populates="body")


class Byline(Base):
    __tablename__ = "bylines"
    # Each person's articles in id order, for the list sorted by byline (migration 0018).
    __table_args__ = (Index("ix_bylines_person_article", "person_id", "article_id"),)

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(lazy="joined")


class ArticleTag(Base):
    __tablename__ = "article_tags"

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tags.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    tag: Mapped[Tag] = relationship(lazy="joined")


class Revision(Base):
    """A save point: a full copy of what the user could see when they pressed save."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("article_id", "number", name="uq_revisions_article_number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id"))
    #: Why the revision exists: "save", "restore", "import", "takeover"...
    kind: Mapped[str] = mapped_column(String(20), default="save")
    note: Mapped[str] = mapped_column(Text, default="")
    article_version: Mapped[int] = mapped_column(Integer)
    headline: Mapped[str] = mapped_column(String(500))
    kicker: Mapped[str] = mapped_column(String(200))
    lead: Mapped[str] = mapped_column(Text)
    #: The rest of the metadata (section, bylines, tags, image...) as JSON text.
    metadata_json: Mapped[str] = mapped_column(Text, default="{}")
    body: Mapped[str] = mapped_column(Text)


class PageView(Base):
    """Page views of one article in one hour (UTC), filled by ``redaksi views import``."""

    __tablename__ = "page_views"
    #: Covering: the dashboard sums hours of views reading this index alone (migration 0006).
    __table_args__ = (Index("ix_page_views_hour_article_views", "hour", "article_id", "views"),)

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    hour: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    views: Mapped[int] = mapped_column(Integer, default=0)


class PageViewDay(Base):
    """Page views of one article in one UTC day: ``page_views`` summed per day (0007).

    Kept in step by ``editor.views.store.add_views`` in the same transaction, so long
    windows sum a row per article and day instead of 24 hourly rows.
    """

    __tablename__ = "page_view_days"
    #: Covering: a window's whole days are summed from this index alone.
    __table_args__ = (Index("ix_page_view_days_day_article_views", "day", "article_id", "views"),)

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    views: Mapped[int] = mapped_column(Integer, default=0)


class PageViewWeek(Base):
    """Page views of one article in one UTC week (from Monday): ``page_view_days`` summed
    per week (0009), kept in step with it. A 90-day window reads about a fifth as many rows
    per article as from the days."""

    __tablename__ = "page_view_weeks"
    #: Covering: a window's whole weeks are summed from this index alone.
    __table_args__ = (
        Index("ix_page_view_weeks_week_article_views", "week", "article_id", "views"),
    )

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    #: The Monday the week starts on.
    week: Mapped[date] = mapped_column(Date, primary_key=True)
    views: Mapped[int] = mapped_column(Integer, default=0)


class PageViewHour(Base):
    """Page views of the whole site in one UTC hour: ``page_views`` summed per hour (0009).

    Site-wide only: a per-section total would go stale when an article moves section.
    ``editor.views.store.add_views`` keeps it in step in the same transaction; a trigger
    takes away the rows a delete removes (an article deleted for good cascades).
    """

    __tablename__ = "page_view_hours"

    hour: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    views: Mapped[int] = mapped_column(Integer, default=0)


class PageViewSectionHour(Base):
    """Page views of one section's articles in one UTC hour (0020), so a section's chart
    reads a row per hour as the site's does.

    ``editor.views.store.add_views`` adds to it in the same transaction as to the hourly
    rows; triggers on ``articles`` move an article's hours when it changes section and take
    them away when it is deleted for good. No foreign key: a section removed later leaves
    hours nobody asks for, never a failed delete.
    """

    __tablename__ = "page_view_section_hours"

    section_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    hour: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    views: Mapped[int] = mapped_column(Integer, default=0)


class SearchDocument(Base):
    """The text search reads on PostgreSQL (SQLite: ``search_text`` and its FTS5 index
    ``search_fts``, see migration 0017).

    Kept in step with articles by ``editor.search.reindex_article`` in the same transaction.
    """

    __tablename__ = "search_documents"

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    headline: Mapped[str] = mapped_column(Text, default="")
    lead: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    """Newsroom-wide settings stored with the data (zone, site name, base URL...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class NewsroomWord(Base):
    """A word the newsroom spells this way: a name, a place, an abbreviation (DPR, Polri).

    The spell checker takes it as correct and hints when it is written in another case
    ("kpk" for "KPK"). Replicated to every workstation like the newsroom's settings.
    """

    __tablename__ = "newsroom_words"

    word: Mapped[str] = mapped_column(String(100), primary_key=True)
    added_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PageViewImport(Base):
    """One imported page-view file, by content hash: importing the same bytes again is skipped."""

    __tablename__ = "page_view_imports"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(1000))
    #: "csv" or "log".
    kind: Mapped[str] = mapped_column(String(10))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lines_read: Mapped[int] = mapped_column(Integer, default=0)
    views_counted: Mapped[int] = mapped_column(Integer, default=0)


class PageViewLogLine(Base):
    """A counted access-log line, by hash, so a rotated log that overlaps an imported one
    never counts the same request twice. ``hour`` lets old keys be pruned by age."""

    __tablename__ = "page_view_log_lines"

    line_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    hour: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class PageViewCsvCount(Base):
    """The views a CSV reported for one article and hour. A later CSV row for the same
    article and hour replaces it (analytics exports carry totals), and ``page_views`` moves
    by the difference, so log counts for that hour are kept."""

    __tablename__ = "page_view_csv_counts"

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    hour: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    views: Mapped[int] = mapped_column(Integer, default=0)


class AuditEntry(Base):
    """One workflow event: a status change, an override, a take-over, or a refusal.

    Rows are only ever added. ``outcome`` is "done", "override" (done past a failed
    pre-publish checklist, the reason in ``note``) or "refused" (nothing was changed).
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_article_at", "article_id", "at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    article_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE")
    )
    #: Who acted; empty for the scheduler.
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    #: "status", "take_over", "comment", "role", "password", "edit"...
    action: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(20), default="done")
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ArticleLock(Base):
    """A soft lock: who has an article open for editing, kept alive by heartbeats."""

    __tablename__ = "article_locks"

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    holder_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    #: One running app (or command); a person may have the app open on two machines.
    session_id: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(200), default="")
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: The holder's latest unsaved text (JSON), left by autosave, so a take-over keeps it.
    unsaved_json: Mapped[str | None] = mapped_column(Text)


class ReviewComment(Tracked, Base):
    """A review comment on a passage of the body (``quote`` set) or a general note."""

    __tablename__ = "review_comments"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    #: The passage commented on, exactly as it stood; empty for a general note.
    quote: Mapped[str] = mapped_column(Text, default="")
    #: Where the quote started in the body when the comment was made (characters).
    anchor_start: Mapped[int | None] = mapped_column(Integer)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )

    __mapper_args__ = {"version_id_col": Tracked.version}


class ArticleCorrection(Base):
    """A correction note on a published article, shown on its page and in the feeds."""

    __tablename__ = "corrections"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    corrected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text)
