"""The sync tables. Every Redaksi database has all of them (migration 0011); a newsroom
server fills the first group, a replica the second, a single-user database none.

Server: ``api_tokens``, ``sync_counter`` and ``sync_changes`` (the change feed),
``sync_applied_ops`` (idempotent pushes), ``article_conflicts`` (also pulled into replicas)
and ``sync_subscriptions`` (bodies a person opened, carried in their replica from then on).

Replica: ``sync_state`` (server address, signed-in person, cursor), ``sync_outbox`` (local
changes waiting to go up), ``sync_shadows`` (the state each local change was made from),
``sync_deferred`` (a server state that waits for the local ops on the same article) and
``sync_notices`` (what the server refused or could not merge, for the person to read).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from editor.models import Base, UTCDateTime, utcnow


class ApiToken(Base):
    """A signed-in device: only the SHA-256 of the token is kept; revoking is a time."""

    __tablename__ = "api_tokens"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: The device it was issued to, as the client named it ("laptop-sarah").
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SyncCounter(Base):
    """One row: the newest change number. Taking the next number updates this row, so
    the row lock orders writers until they commit (a cursor never skips a change)."""

    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncChange(Base):
    """The latest change number of one row the replicas carry (compacted: one per row)."""

    __tablename__ = "sync_changes"
    __table_args__ = (Index("ix_sync_changes_seq", "seq", unique=True),)

    #: "article", "section", "person", "tag", "comment", "setting".
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)


class AppliedOp(Base):
    """A pushed op that was carried out (or refused): a repeat gets this result back."""

    __tablename__ = "sync_applied_ops"

    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    result_json: Mapped[str] = mapped_column(Text, default="{}")


class ArticleConflict(Base):
    """Both sides changed the same passage: the stored text stayed, the incoming one is
    kept here (and as a revision) until its author resolves it with a normal save."""

    __tablename__ = "article_conflicts"

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    #: Whose text could not be merged: the person who is told.
    person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: The article version the incoming text met.
    article_version: Mapped[int] = mapped_column(Integer, default=0)
    #: The revision that keeps the incoming text on the server (empty on a replica).
    revision_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    #: The incoming article state (JSON, see ``editor.sync.states``).
    mine_json: Mapped[str] = mapped_column(Text, default="{}")
    #: The fields both sides changed differently ("body", "headline"...), comma-separated.
    fields: Mapped[str] = mapped_column(String(500), default="")


class BodySubscription(Base):
    """An article a person opened on a replica: its body travels to them from then on."""

    __tablename__ = "sync_subscriptions"

    person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncState(Base):
    """A replica's settings: ``remote`` (server address), ``person_id``, ``handle``,
    ``cursor`` (the newest change pulled), ``cafile``."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class OutboxOp(Base):
    """A local change waiting to go up; written in the change's own transaction."""

    __tablename__ = "sync_outbox"

    #: Order of the changes: pushed in this order.
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    #: "create", "save", "status", "comment", "resolve", "revision", "trash", "restore".
    kind: Mapped[str] = mapped_column(String(20))
    article_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    #: The server version the article's local copy was based on (0: not on the server yet).
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    payload_json: Mapped[str] = mapped_column(Text, default="{}")


class SyncShadow(Base):
    """The state the replica's copy of an article was last made from: the server's state
    as pulled, then each local change as it is queued. A save op carries it as its base."""

    __tablename__ = "sync_shadows"

    article_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    #: The server's version this copy comes from (0: made here, not on the server yet).
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    #: Whether the replica holds the body (a big newsroom's replica carries only some).
    has_body: Mapped[bool] = mapped_column(Boolean, default=True)
    state_json: Mapped[str] = mapped_column(Text, default="{}")


class SyncDeferred(Base):
    """A server state pulled while local ops on the article still wait: applied once they
    are through, never over them."""

    __tablename__ = "sync_deferred"

    article_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    state_json: Mapped[str] = mapped_column(Text, default="{}")


class SyncNotice(Base):
    """Something the person should know about a pushed change: refused, or in conflict."""

    __tablename__ = "sync_notices"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    op_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    article_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    #: "refused" or "conflict".
    kind: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text, default="")
    #: The local revision that keeps the text the server did not take, if any.
    revision_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    seen: Mapped[bool] = mapped_column(Boolean, default=False)
