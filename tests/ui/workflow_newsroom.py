"""A small newsroom for the workflow UI tests: a reporter, an editor, a complete article."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings

from editor.articles import create_article
from editor.config import Settings
from editor.database import Database
from editor.people import create_person
from editor.records import ArticleDraft, ArticleRecord, PersonRecord
from editor.sections import create_section
from tests.core.test_workflow_support import described_picture
from tests.ui.spelling_helpers import wait_checked
from ui.main_window import AppContext, MainWindow
from ui.workflow.profile import PROFILE_KEY
from ui.workflow.session import WorkflowSession

BODY = (
    "Harga beras naik di pasar induk menjelang Lebaran.\n\n"
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
            "lead_image": described_picture(self.db, "Karung beras bertumpuk di pasar"),
            "lead_image_caption": "Pedagang beras di pasar induk",
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


def open_window(
    qtbot, db: Database, tmp_path: Path, person: PersonRecord, select: uuid.UUID, windows: list
) -> MainWindow:
    """The main window as ``person``, showing article ``select`` once it is spell-checked;
    ``windows`` (the fixture) shuts it down after the test."""
    QSettings().setValue(PROFILE_KEY, str(person.id))
    context = AppContext(settings=Settings(database_url=db.url), data_dir=tmp_path / "data")
    context.translations.install("en")
    main = MainWindow(context)
    qtbot.addWidget(main)
    windows.append(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.attach_database(db, select=select)
    if main.workflow.session.person is None:
        main.workflow.set_person(person)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    wait_checked(qtbot, main.editor)
    return main
