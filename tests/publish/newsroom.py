"""A small newsroom built like the sample page, for publish tests (fast: a dozen articles)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from editor.articles import create_article, get_article, save_article
from editor.database import Database
from editor.models import PageView
from editor.people import ensure_person
from editor.records import ArticleDraft, ArticleRecord
from editor.sections import create_section, find_section
from tests.media.pictures import jpeg

#: 04 May 2023 07:56 WIB, as on the sample page.
NATO_TIME = datetime(2023, 5, 4, 0, 56, tzinfo=UTC)
NOW = datetime(2023, 5, 5, 3, 0, tzinfo=UTC)
#: The NATO story's lead image, a file in the media folder.
NATO_SIZE = (480, 270)
NATO_BODY = (
    "Pakta Pertahanan Atlantik Utara (NATO) berencana melebarkan sayapnya dengan membuka "
    "kantor penghubung di Jepang.\n\n"
    "Rencana pembukaan kantor tersebut diungkap dalam laporan Nikkei Asia pada Rabu (3/5).\n"
)


@dataclass
class Newsroom:
    db: Database
    media: Path
    nato: ArticleRecord
    others: list[ArticleRecord] = field(default_factory=list)

    def edit(self, record: ArticleRecord, **changes: object) -> ArticleRecord:
        current = get_article(self.db, record.id)
        return save_article(self.db, replace(current, **changes))  # type: ignore[arg-type]

    def add_dunia_stories(self, count: int, first: int = 0) -> None:
        """Stories "Dunia 000"… a day before the NATO story, a minute apart, newest first
        (``first`` below 0 makes them newer than those added before)."""
        dunia = find_section(self.db, "berita/dunia")
        assert dunia is not None
        for n in range(first, first + count):
            create_article(
                self.db,
                ArticleDraft(
                    headline=f"Dunia {n:03d}",
                    section_id=dunia.id,
                    status="published",
                    published_at=NATO_TIME - timedelta(days=1, minutes=n),
                ),
            )


def build_newsroom(db: Database, media: Path, *, extra: int = 8) -> Newsroom:
    media.mkdir(parents=True, exist_ok=True)
    (media / "2023").mkdir(exist_ok=True)
    # A file from before the media library: a path inside the media folder.
    (media / "2023" / "nato.jpg").write_bytes(jpeg(NATO_SIZE[0], NATO_SIZE[1]))
    berita = create_section(db, "Berita")
    dunia = create_section(db, "Dunia", parent_id=berita.id)
    nasional = create_section(db, "Nasional", parent_id=berita.id)
    sarah = ensure_person(db, "Sarah Meiliana Gunawan")
    nato = create_article(
        db,
        ArticleDraft(
            headline="Hadapi Ancaman China dan Rusia, NATO akan Buka Kantor di Jepang",
            body=NATO_BODY,
            section_id=dunia.id,
            status="published",
            byline_ids=(sarah.id,),
            tags=("NATO", "Jepang"),
            lead_image="2023/nato.jpg",
            lead_image_caption="NATO",
            lead_image_credit="Net",
            published_at=NATO_TIME,
        ),
    )
    room = Newsroom(db=db, media=media, nato=nato)
    for n in range(extra):
        room.others.append(
            create_article(
                db,
                ArticleDraft(
                    headline=f"Berita nasional nomor {n + 1}",
                    body=f"Isi berita nomor {n + 1}.\n",
                    lead=f"Ringkasan berita {n + 1}.",
                    section_id=nasional.id,
                    status="published",
                    byline_ids=(sarah.id,),
                    tags=("Politik",) if n % 2 else (),
                    published_at=NATO_TIME - timedelta(hours=n + 1),
                ),
            )
        )
    with db.transaction() as session:
        hour = NOW.replace(minute=0) - timedelta(hours=5)
        for n, record in enumerate(room.others[:4]):
            session.add(PageView(article_id=record.id, hour=hour, views=100 - n * 10))
        session.add(PageView(article_id=nato.id, hour=hour, views=50))
    return room
