"""A small newsroom for the workflow UI tests: a reporter, an editor, a complete article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from editor.articles import create_article
from editor.database import Database
from editor.people import create_person
from editor.records import ArticleDraft, ArticleRecord, PersonRecord
from editor.sections import create_section
from ui.workflow.session import WorkflowSession

BODY = (
    "Harga beras naik di pasar induk Cipinang menjelang Lebaran.\n\n"
    "Pedagang mengatakan pasokan dari Jawa Tengah berkurang sejak pekan lalu."
)


@dataclass
class Newsroom:
    db: Database
    reporter: PersonRecord
    editor: PersonRecord
    sections: int = 0

    def article(
        self, status: str = "draft", *, byline: PersonRecord | None = None, **extra: object
    ) -> ArticleRecord:
        """A complete article (it passes the pre-publish checklist)."""
        section = None
        if "section_id" not in extra:
            self.sections += 1
            section = create_section(self.db, f"Ekonomi {self.sections}")
        fields: dict[str, object] = {
            "headline": "Harga Beras Naik Jelang Lebaran",
            "body": BODY,
            "section_id": section.id if section else None,
            "byline_ids": ((byline or self.reporter).id,),
            "lead_image": "beras.jpg",
            "lead_image_caption": "Pedagang beras di Cipinang",
            "lead_image_credit": "Redaksi/Sarah",
            "status": status,
        }
        fields.update(extra)
        return create_article(self.db, ArticleDraft(**fields))  # type: ignore[arg-type]

    def session(self, person: PersonRecord, *, zone: str = "Asia/Jakarta") -> WorkflowSession:
        return WorkflowSession(self.db, person=person, zone=zone)


def make_newsroom(db: Database) -> Newsroom:
    return Newsroom(
        db,
        reporter=create_person(db, "Sarah Meiliana Gunawan", role="reporter", handle="sarah"),
        editor=create_person(db, "Budi Santoso", role="editor", handle="budi"),
    )


def aware(text: str) -> datetime:
    return datetime.fromisoformat(text)
