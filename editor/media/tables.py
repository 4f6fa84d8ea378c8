"""The media library's tables (migrations 0014, 0019 and 0021).

``media_items`` describes each picture; ``media_blobs`` holds its bytes, apart, so lists
and searches never read megabytes. Both are keyed by the SHA-256 of the bytes. A blob may
be missing for a while on a replica that has the description but has not fetched the
bytes yet (the publish and the preview say so); there is no foreign key between them
for that reason.

``media_parts`` keeps the chunks of a picture still travelling (an upload on the
newsroom server, a download on a replica) aside from ``media_blobs``: a broken
connection resumes after the last chunk kept, and the bytes become a blob only once
whole and matching their hash (``editor.media.blob_store``).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from editor.models import Base, Tracked, UTCDateTime, utcnow


class MediaItem(Tracked, Base):
    __tablename__ = "media_items"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: The file name it came in with ("IMG_2041.JPG"), for people searching for it.
    original_name: Mapped[str] = mapped_column(String(300), default="")
    mime: Mapped[str] = mapped_column(String(50), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    #: Pixel size as shown, after the camera's orientation is applied.
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str] = mapped_column(String(1000), default="")
    credit: Mapped[str] = mapped_column(String(300), default="")
    alt_text: Mapped[str] = mapped_column(String(1000), default="")
    license: Mapped[str] = mapped_column(String(300), default="")
    added_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )


class MediaBlob(Base):
    __tablename__ = "media_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class MediaPart(Base):
    """One chunk of a picture on its way, at ``offset`` of the whole."""

    __tablename__ = "media_parts"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    #: When it came: an upload nobody went on with for a day is thrown away.
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)
