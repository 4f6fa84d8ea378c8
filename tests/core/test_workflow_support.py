"""Shared set-up for the workflow tests: a small newsroom and a story ready to publish.

No tests here; the workflow test modules import these helpers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from editor.articles import _load
from editor.database import Database
from editor.media.intake import check_picture
from editor.media.library import keep_picture
from editor.media.refs import media_ref
from editor.people import create_person
from editor.records import ArticleDraft, ArticleRecord, PersonRecord, SectionRecord
from editor.sections import create_section
from editor.workflow.editing import draft_article
from tests.media.pictures import jpeg

T0 = datetime(2026, 1, 17, 1, 0, tzinfo=UTC)
READY_BODY = " ".join(["Kata"] * 120)


@dataclass(frozen=True)
class Newsroom:
    reporter: PersonRecord
    other_reporter: PersonRecord
    editor: PersonRecord
    admin: PersonRecord
    section: SectionRecord

    def by_role(self, role: str) -> PersonRecord:
        return {"reporter": self.reporter, "editor": self.editor, "admin": self.admin}[role]


def make_newsroom(db: Database) -> Newsroom:
    return Newsroom(
        reporter=create_person(db, "Sarah Meiliana Gunawan", role="reporter"),
        other_reporter=create_person(db, "Budi Santoso", role="reporter"),
        editor=create_person(db, "Rina Editor", role="editor"),
        admin=create_person(db, "Adi Admin", role="admin"),
        section=create_section(db, "Dunia"),
    )


def described_picture(db: Database, alt: str) -> str:
    """A library picture with alt text (the same bytes each time: stored once), kept as
    set-up without an audit entry, so the tests' audit logs hold only what they do."""
    picture = check_picture(jpeg(64, 48), "foto.jpg")
    with db.transaction() as session:
        item, _new = keep_picture(session, picture, None, {"alt_text": alt})
        return media_ref(item.sha256)


def ready_story(db: Database, room: Newsroom, **changes: object) -> ArticleRecord:
    """A reporter's draft that passes every checklist item."""
    values: dict[str, object] = {
        "headline": "NATO akan Buka Kantor di Jepang",
        "lead": "Aliansi militer itu memperluas kehadirannya di Asia.",
        "body": READY_BODY,
        "section_id": room.section.id,
        "lead_image": described_picture(db, "Gedung markas NATO dengan bendera anggota"),
        "lead_image_caption": "Markas NATO di Brussel",
        "lead_image_credit": "NATO/Net",
        "byline_ids": (room.reporter.id,),
    }
    values.update(changes)
    return draft_article(db, ArticleDraft(**values), actor_id=room.reporter.id)  # type: ignore[arg-type]


def force_status(db: Database, record: ArticleRecord, status: str) -> None:
    """Put an article straight into a status, bypassing the workflow (test set-up only)."""
    with db.transaction() as session:
        article = _load(session, record.id)
        article.status = status
        if status in ("published", "corrected", "killed"):
            article.published_at = T0
        if status == "scheduled":
            article.scheduled_at = T0.replace(hour=5)
