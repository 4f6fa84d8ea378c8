"""A small hand-made newsroom for the dashboard tests, every number worked out by hand.

The clock is 2026-01-15 12:00 UTC (19:00 WIB). Sections: Berita, Berita/Dunia, Olahraga.
Reporters: Sarah and Budi.

    article  section   bylines      status     created (UTC)   published (UTC)  speed
    dunia    Dunia     Sarah        published  01-14 20:00     01-15 02:00       6 h
    berita   Berita    Budi         published  01-14 03:00     01-14 03:30       0.5 h
    bola     Olahraga  Sarah, Budi  published  01-11 10:00     01-13 10:00      48 h
    draf     Berita    Budi         draft
    jadwal   Dunia     Sarah        scheduled for 01-16 03:00 (10:00 WIB on the 16th)
    embargo  Berita    Sarah        published  01-15 10:00, embargo until 01-17 01:00 (08:00 WIB)
    lama     Berita    Budi         published  2025-12-01 (before every window)
    kilat    Dunia     Budi         published  01-11 22:00     01-12 00:00       2 h

Page views (UTC hour: views):
    dunia    01-15 02:00: 100, 01-15 03:00: 50, 01-15 11:00: 10
    berita   01-14 04:00: 30, 01-14 18:00: 20 (01:00 WIB on the 15th)
    bola     01-13 10:00: 5, 01-08 12:00: 1000 (exactly the 7-day window's start: not counted)
    embargo  01-15 11:00: 7
    lama     01-15 05:00: 3
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import update

from editor.articles import create_article
from editor.database import Database
from editor.models import Article
from editor.people import ensure_person
from editor.records import ArticleDraft, PersonRecord, SectionRecord
from editor.sections import create_section
from editor.views.store import add_views

NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
ZONE = "Asia/Jakarta"


def utc(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@dataclass
class Newsroom:
    berita: SectionRecord
    dunia: SectionRecord
    olahraga: SectionRecord
    sarah: PersonRecord
    budi: PersonRecord
    ids: dict[str, uuid.UUID]


def _story(
    db: Database,
    name: str,
    section: SectionRecord,
    people: tuple[PersonRecord, ...],
    status: str,
    *,
    created: datetime | None = None,
    published: datetime | None = None,
    scheduled: datetime | None = None,
    embargo: datetime | None = None,
) -> uuid.UUID:
    record = create_article(
        db,
        ArticleDraft(
            headline=f"Berita {name}",
            body="Isi berita.",
            section_id=section.id,
            byline_ids=tuple(person.id for person in people),
            status=status,
            published_at=published,
            scheduled_at=scheduled,
            embargo_until=embargo,
        ),
    )
    if created is not None:
        with db.transaction() as session:
            session.execute(
                update(Article).where(Article.id == record.id).values(created_at=created)
            )
    return record.id


def make_newsroom(db: Database) -> Newsroom:
    berita = create_section(db, "Berita")
    dunia = create_section(db, "Dunia", parent_id=berita.id)
    olahraga = create_section(db, "Olahraga")
    sarah = ensure_person(db, "Sarah")
    budi = ensure_person(db, "Budi")
    ids = {
        "dunia": _story(
            db, "dunia", dunia, (sarah,), "published",
            created=utc(1, 14, 20), published=utc(1, 15, 2),
        ),
        "berita": _story(
            db, "berita", berita, (budi,), "published",
            created=utc(1, 14, 3), published=utc(1, 14, 3, 30),
        ),
        "bola": _story(
            db, "bola", olahraga, (sarah, budi), "published",
            created=utc(1, 11, 10), published=utc(1, 13, 10),
        ),
        "draf": _story(db, "draf", berita, (budi,), "draft"),
        "jadwal": _story(db, "jadwal", dunia, (sarah,), "scheduled", scheduled=utc(1, 16, 3)),
        "embargo": _story(
            db, "embargo", berita, (sarah,), "published",
            published=utc(1, 15, 10), embargo=utc(1, 17, 1),
        ),
        "lama": _story(
            db, "lama", berita, (budi,), "published",
            created=utc(11, 30, 8, year=2025), published=utc(12, 1, 8, year=2025),
        ),
        "kilat": _story(
            db, "kilat", dunia, (budi,), "published",
            created=utc(1, 11, 22), published=utc(1, 12, 0),
        ),
    }  # fmt: skip
    views = {
        (ids["dunia"], utc(1, 15, 2)): 100,
        (ids["dunia"], utc(1, 15, 3)): 50,
        (ids["dunia"], utc(1, 15, 11)): 10,
        (ids["berita"], utc(1, 14, 4)): 30,
        (ids["berita"], utc(1, 14, 18)): 20,
        (ids["bola"], utc(1, 13, 10)): 5,
        (ids["bola"], utc(1, 8, 12)): 1000,
        (ids["embargo"], utc(1, 15, 11)): 7,
        (ids["lama"], utc(1, 15, 5)): 3,
    }
    with db.transaction() as session:
        add_views(session, views)
    return Newsroom(berita, dunia, olahraga, sarah, budi, ids)
