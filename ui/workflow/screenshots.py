"""Render the review, calendar and audit views to PNGs in both languages, for the docs.

    python -m ui.workflow.screenshots docs/screenshots

Builds a small newsroom in a temporary SQLite file (nothing of the user's is read or
changed) and renders each view offscreen with the shipped fonts.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ZONE = "Asia/Jakarta"
BODY = (
    "Harga beras medium di Pasar Induk Beras Cipinang naik menjadi Rp 13.500 per kilogram "
    "menjelang Lebaran.\n\n"
    "Pedagang mengatakan pasokan dari Jawa Tengah berkurang sejak pekan lalu karena panen "
    "mundur.\n\n"
    "Bulog menyiapkan operasi pasar di 12 titik mulai Senin."
)
STORIES = (
    ("Harga Beras Naik Jelang Lebaran", "Ekonomi", 1, 9),
    ("Timnas Indonesia Menang 2-0 atas Vietnam", "Olahraga", 1, 20),
    ("Banjir Rendam Ribuan Rumah di Jakarta Utara", "Metropolitan", 2, 7),
    ("Pemerintah Siapkan Rp 4,5 Triliun untuk Subsidi Listrik", "Ekonomi", 3, 11),
    ("KPU Tetapkan Jadwal Debat Calon Gubernur", "Politik", 3, 11),
    ("Jalur Mudik Tol Cipali Mulai Dipadati Kendaraan", "Nasional", 4, 16),
)


def build_newsroom(path: Path) -> dict[str, object]:
    """A newsroom with a review in progress, a week of scheduled stories and an audit trail."""
    from editor.articles import create_article, get_article, save_article
    from editor.database import open_database
    from editor.errors import RedaksiError
    from editor.people import create_person
    from editor.records import ArticleDraft
    from editor.sections import create_section
    from editor.workflow.comments import add_comment, resolve_comment
    from editor.workflow.transitions import change_status

    db = open_database(f"sqlite:///{path}")
    sarah = create_person(db, "Sarah Meiliana Gunawan", role="reporter", handle="sarah")
    budi = create_person(db, "Budi Santoso", role="editor", handle="budi")
    rina = create_person(db, "Rina Wulandari", role="reporter", handle="rina")
    sections = {name: create_section(db, name) for name in {s[1] for s in STORIES}}
    local = ZoneInfo(ZONE)
    today = datetime.now(local).date()
    ids = []
    for index, (headline, section, days_ahead, hour) in enumerate(STORIES):
        record = create_article(
            db,
            ArticleDraft(
                headline=headline,
                body=BODY,
                section_id=sections[section].id,
                byline_ids=((sarah if index % 2 == 0 else rina).id,),
                lead_image="foto.jpg",
                lead_image_caption="Suasana di lokasi",
                lead_image_credit="Redaksi",
            ),
        )
        ids.append(record.id)
        reporter = sarah if index % 2 == 0 else rina
        change_status(db, record.id, "submitted", actor_id=reporter.id)
        if index == 0:
            continue  # the one under review
        change_status(db, record.id, "approved", actor_id=budi.id)
        day = today + timedelta(days=days_ahead)
        when = datetime.combine(day, time(hour, 30 if index % 2 else 0), tzinfo=local)
        change_status(db, record.id, "scheduled", actor_id=budi.id, scheduled_at=when)
    # The story in review: the editor tightened a sentence and left comments.
    first = get_article(db, ids[0])
    save_article(
        db, replace(first, body=BODY.replace("sejak pekan lalu", "dalam sepekan terakhir"))
    )
    change_status(db, ids[0], "in_review", actor_id=budi.id)
    add_comment(
        db,
        ids[0],
        actor_id=budi.id,
        text="Sebutkan harga pekan lalu sebagai pembanding.",
        quote="naik menjadi Rp 13.500 per kilogram",
    )
    note = add_comment(
        db,
        ids[0],
        actor_id=budi.id,
        text="Konfirmasi jumlah titik operasi pasar ke Bulog.",
        quote="12 titik",
    )
    resolve_comment(db, note.id, actor_id=sarah.id)
    add_comment(db, ids[0], actor_id=sarah.id, text="Foto pasar menyusul dari fotografer.")
    # A reporter trying to publish is refused; the refusal shows in the audit log.
    with suppress(RedaksiError):
        change_status(db, ids[0], "published", actor_id=sarah.id)
    return {"db": db, "editor": budi, "article_id": ids[0]}


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QVBoxLayout, QWidget

    from editor.articles import get_article
    from ui.i18n import Translations
    from ui.theme import apply_fonts, apply_theme
    from ui.workflow.audit_view import AuditView
    from ui.workflow.calendar_view import CalendarView
    from ui.workflow.review_pane import ReviewPane
    from ui.workflow.session import WorkflowSession
    from ui.workflow.workflow_bar import WorkflowBar

    app = QApplication.instance() or QApplication(["redaksi-screenshots"])
    assert isinstance(app, QApplication)
    settings_dir = tempfile.mkdtemp(prefix="redaksi-shots-settings-")
    QCoreApplication.setOrganizationName("RedaksiScreenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    apply_fonts(app)
    apply_theme(app, "light")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="redaksi-shots-") as folder:
        made = build_newsroom(Path(folder) / "newsroom.db")
        db = made["db"]
        session = WorkflowSession(db, person=made["editor"], zone=ZONE)  # type: ignore[arg-type]
        record = get_article(db, made["article_id"])  # type: ignore[arg-type]
        translations = Translations()
        for language in ("en", "id"):
            translations.install(language)
            # Review: the workflow bar over the review pane, as in the Workflow dock.
            body = QPlainTextEdit()
            body.setPlainText(record.body)
            panel = QWidget()
            layout = QVBoxLayout(panel)
            bar = WorkflowBar(panel)
            review = ReviewPane(body, panel)
            layout.addWidget(bar)
            layout.addWidget(review, 1)
            bar.set_session(session)
            bar.set_article(record)
            review.zone = ZONE
            review.set_session(session)
            review.set_article(record)
            review.list.setCurrentIndex(review.model.index(0, 0))
            written.append(_grab(app, panel, 460, 680, out_dir / f"workflow-review-{language}.png"))
            review.tabs.setCurrentIndex(1)
            written.append(
                _grab(app, panel, 460, 680, out_dir / f"workflow-changes-{language}.png")
            )
            calendar = CalendarView(session)
            calendar.show_this_week()
            calendar.table.scrollTo(
                calendar.model.index(6, 0), calendar.table.ScrollHint.PositionAtTop
            )
            written.append(
                _grab(app, calendar, 1200, 720, out_dir / f"workflow-calendar-{language}.png")
            )
            audit = AuditView(db, zone=ZONE)  # type: ignore[arg-type]
            audit.set_article(None)
            audit.table.setCurrentIndex(audit.model.index(-1, -1))
            written.append(_grab(app, audit, 1200, 560, out_dir / f"workflow-audit-{language}.png"))
            for widget in (panel, body, calendar, audit):
                widget.deleteLater()
        translations.uninstall()
        db.close()  # type: ignore[attr-defined]
    return written


def _grab(app: object, widget: object, width: int, height: int, path: Path) -> Path:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget) and isinstance(app, QApplication)
    widget.resize(width, height)
    widget.show()
    for _ in range(3):
        app.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"Could not write {path}")
    widget.hide()
    return path


def write_pictures(render: Callable[[Path], list[Path]], argv: list[str] | None) -> int:
    """Run ``render`` into the folder the command line names (docs/screenshots by default)."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else Path("docs/screenshots")
    for path in render(out_dir):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    return write_pictures(render, argv)


if __name__ == "__main__":
    raise SystemExit(main())
