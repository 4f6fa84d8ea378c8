"""The demo newsroom: the sample page's sections, people and articles, loaded idempotently.

The content lives in ``resources/demo`` (``newsroom.yaml`` plus Markdown bodies). Every
article carries the source key ``demo:<slug>``, sections are found by path and people by
name, so loading a second time adds nothing and changes nothing.

The demo goes only into an empty newsroom (no people, no articles; sections preset by IT
are fine) or into one it made (marked in the settings table). Its people include two
editors without a password and its articles are published without the workflow: loaded
into a real newsroom they would let anyone publish. Every load is in the audit log.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.articles import create_article, find_by_source_key
from editor.database import Database
from editor.demo_pictures import desk_picture, load_photos, with_photos
from editor.errors import NotFoundError, ValidationError
from editor.i18n import _
from editor.models import Article, Person, Setting
from editor.people import ensure_person, list_people
from editor.records import ArticleDraft, PersonRecord
from editor.sections import create_section, find_section
from editor.slugs import slugify
from editor.spelling.words import add_words
from editor.views.importing import import_view_files
from editor.workflow.audit import add_entry

DEMO_PACKAGE = "resources.demo"
NEWSROOM_FILE = "newsroom.yaml"
SOURCE_PREFIX = "demo:"
#: The settings row that marks a newsroom the demo made.
DEMO_SETTING = "demo_newsroom"
#: The audit action of demo content.
DEMO_ACTION = "demo"
#: First line of every body that is not real reporting, so nobody mistakes it for news.
DEMO_MARK = "*Teks demo.*"
PLACEHOLDER_BODY = (
    f"{DEMO_MARK}\n\n"
    "Artikel contoh untuk newsroom demo Redaksi. Judul dan waktunya diambil dari halaman "
    "contoh; isinya bukan berita sungguhan."
)
#: Hours before the load that seeded page views are spread over.
VIEW_HOURS = 24
_NEXT_DAY = re.compile(r"^next day (\d{1,2}):(\d{2})$")


@dataclass
class DemoReport:
    """What a load added; all empty when the demo newsroom was already there."""

    sections: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    #: Words added to the newsroom's word list for the spell checker.
    words: list[str] = field(default_factory=list)
    #: Articles that were already in the database (by source key), left untouched.
    existing_articles: int = 0

    @property
    def created_anything(self) -> bool:
        return bool(self.sections or self.people or self.articles or self.words)

    def lines(self) -> list[str]:
        if not self.created_anything:
            return [
                _(
                    "The demo newsroom is already loaded ({count} articles); nothing was added."
                ).format(count=self.existing_articles)
            ]
        lines = []
        for label, names in (
            (_("section"), self.sections),
            (_("person"), self.people),
            (_("article"), self.articles),
        ):
            lines += [f"  + {label}: {name}" for name in names]
        lines.append(
            _("Created {sections} sections, {people} people and {articles} articles.").format(
                sections=len(self.sections), people=len(self.people), articles=len(self.articles)
            )
        )
        if self.words:
            lines.append(
                _("Added {count} words to the newsroom's word list.").format(count=len(self.words))
            )
        return lines


def demo_text(name: str) -> str:
    return (resources.files(DEMO_PACKAGE) / name).read_text(encoding="utf-8")


def demo_newsroom() -> dict[str, Any]:
    """The parsed ``newsroom.yaml``."""
    data = yaml.safe_load(demo_text(NEWSROOM_FILE))
    if not isinstance(data, dict):
        raise ValidationError(f"{NEWSROOM_FILE} in {DEMO_PACKAGE} is not a mapping.")
    return data


def source_key(headline: str) -> str:
    return SOURCE_PREFIX + slugify(headline)


def wall_clock(text: str, zone: ZoneInfo, now: datetime) -> datetime:
    """A time from the demo file in UTC: "YYYY-MM-DD HH:MM" or "next day HH:MM"."""
    relative = _NEXT_DAY.match(text)
    if relative:
        tomorrow = now.astimezone(zone).date() + timedelta(days=1)
        hour, minute = int(relative[1]), int(relative[2])
        local = datetime(tomorrow.year, tomorrow.month, tomorrow.day, hour, minute, tzinfo=zone)
    else:
        local = datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
    return local.astimezone(UTC)


def _load_sections(db: Database, entries: list[dict[str, Any]], report: DemoReport) -> None:
    def ensure(name: str, parent_path: str | None) -> str:
        path = f"{parent_path}/{slugify(name)}" if parent_path else slugify(name)
        try:
            return find_section(db, path).path
        except NotFoundError:
            parent_id = find_section(db, parent_path).id if parent_path else None
            created = create_section(db, name, parent_id=parent_id)
            report.sections.append(created.path)
            return created.path

    for entry in entries:
        parent = ensure(entry["name"], None)
        for child in entry.get("children", []):
            ensure(child, parent)


def _load_people(db: Database, entries: list[dict[str, Any]], report: DemoReport) -> None:
    known = {person.name for person in list_people(db)}
    for entry in entries:
        person = ensure_person(db, entry["name"], role=entry.get("role", "reporter"))
        if person.name not in known:
            report.people.append(f"{person.name} ({person.role})")


def _draft(
    entry: dict[str, Any], zone: ZoneInfo, now: datetime, db: Database, photos: dict[str, str]
) -> ArticleDraft:
    headline = entry["headline"]
    if "body_file" in entry:
        body = demo_text(entry["body_file"]).strip()
    else:
        body = entry.get("body", "").strip() or PLACEHOLDER_BODY
    body = with_photos(body, photos)
    byline_ids = tuple(ensure_person(db, name).id for name in entry.get("byline", []))
    return ArticleDraft(
        headline=headline,
        body=body,
        section_id=find_section(db, entry["section"]).id,
        status=entry["status"],
        byline_ids=byline_ids,
        tags=tuple(entry.get("tags", ())),
        lead_image=photos.get(entry.get("image", ""), ""),
        lead_image_caption=entry.get("image_caption", ""),
        lead_image_credit=entry.get("image_credit", ""),
        published_at=wall_clock(entry["published"], zone, now) if "published" in entry else None,
        scheduled_at=wall_clock(entry["scheduled"], zone, now) if "scheduled" in entry else None,
        source_key=source_key(headline),
    )


def _is_demo_made(session: Session) -> bool:
    """Marked by an earlier load, or (made before the mark existed) holding only demo
    articles and demo people without passwords."""
    if session.get(Setting, DEMO_SETTING) is not None:
        return True
    demo_names = {entry["name"] for entry in demo_newsroom()["people"]}
    people = session.execute(select(Person.name, Person.password_hash)).all()
    if any(name not in demo_names or stored for name, stored in people):
        return False
    keys = list(session.scalars(select(Article.source_key)))
    return bool(keys) and all(key and key.startswith(SOURCE_PREFIX) for key in keys)


def demo_refusal(db: Database) -> str:
    """Why the demo may not be loaded into this newsroom ("" if it may)."""
    with db.transaction() as session:
        has_people = session.scalar(select(Person.id).limit(1)) is not None
        has_articles = session.scalar(select(Article.id).limit(1)) is not None
        if not (has_people or has_articles) or _is_demo_made(session):
            return ""
    return _(
        "This newsroom already has people or articles, so the demo was not loaded: it "
        "would add people who sign in without a password (two of them editors) and "
        "published articles. Load it into a new database instead, for example: "
        "redaksi --db demo.db demo"
    )


def _audit_load(db: Database, report: DemoReport) -> None:
    """One entry for the sections and people a load added (each article has its own)."""
    if not (report.sections or report.people):
        return
    note = "demo newsroom: added sections {sections}; people {people}".format(
        sections=", ".join(report.sections) or "-", people=", ".join(report.people) or "-"
    )
    with db.transaction() as session:
        add_entry(session, action=DEMO_ACTION, actor_id=None, note=note)


def _audit_article(session: Session, article: Article) -> None:
    add_entry(
        session,
        action=DEMO_ACTION,
        actor_id=None,
        article_id=article.id,
        to_status=article.status,
        note="demo article, made without the workflow",
    )


def load_demo(db: Database, *, now: datetime | None = None) -> DemoReport:
    """Add whatever part of the demo newsroom is missing; report what was added.

    ValidationError (nothing added) when the newsroom is neither empty nor the demo's
    own (see ``demo_refusal``). ``now`` fixes the clock for the scheduled article (tests);
    it defaults to the real time.
    """
    refusal = demo_refusal(db)
    if refusal:
        raise ValidationError(refusal)
    now = now or datetime.now(UTC)
    data = demo_newsroom()
    zone = ZoneInfo(data["zone"])
    report = DemoReport()
    # Marked first: a load cut short is still the demo's own newsroom, and finishes on rerun.
    with db.transaction() as session:
        if session.get(Setting, DEMO_SETTING) is None:
            session.add(Setting(key=DEMO_SETTING, value="1"))
    _load_sections(db, data["sections"], report)
    photos = load_photos(db, data.get("photos", []))
    captions = {entry["file"]: entry for entry in data.get("photos", [])}
    _load_people(db, data["people"], report)
    # No one acts: the demo newsroom has no admin, like a newsroom IT is setting up.
    report.words = add_words(db, [str(word) for word in data.get("words", [])], actor_id=None)
    reporters: list[PersonRecord] = [
        ensure_person(db, p["name"]) for p in data["people"] if p.get("role") == "reporter"
    ]
    seeded_views: list[tuple[str, int]] = []
    for index, entry in enumerate(data["articles"]):
        if find_by_source_key(db, source_key(entry["headline"])) is not None:
            report.existing_articles += 1
            continue
        if "image" not in entry and desk_picture(entry["section"]) in photos:
            entry = {**entry, "image": desk_picture(entry["section"])}
        if "image" in entry and "image_caption" not in entry:
            about = captions.get(entry["image"], {})
            entry = {
                **entry,
                "image_caption": about.get("caption", ""),
                "image_credit": about.get("credit", ""),
            }
        if "byline" not in entry:
            # Spread the sample's headlines over the reporters so filters have variety.
            entry = {**entry, "byline": [reporters[index % len(reporters)].name]}
        article = create_article(
            db, _draft(entry, zone, now, db, photos), along_with=_audit_article
        )
        report.articles.append(f"{article.headline} [{article.status}]")
        if entry.get("views"):
            seeded_views.append((str(article.id), int(entry["views"])))
    if seeded_views:
        _seed_views(db, seeded_views, now)
    _audit_load(db, report)
    return report


def _seed_views(db: Database, counts: list[tuple[str, int]], now: datetime) -> None:
    """Page views for newly created articles, through the real importer (a CSV file).

    Only articles created by this load get views, so loading again counts nothing twice.
    """
    last_hour = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    rows = ["article,hour,views"]
    for article_id, total in counts:
        share, rest = divmod(total, VIEW_HOURS)
        for back in range(VIEW_HOURS):
            hour = last_hour - timedelta(hours=back + 1)
            views = share + (rest if back == 0 else 0)
            rows.append(f"{article_id},{hour.isoformat()},{views}")
    with tempfile.TemporaryDirectory(prefix="redaksi-demo-") as folder:
        path = Path(folder) / "demo-views.csv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        report = import_view_files(db, [path])
    if report.files_failed:
        raise ValidationError(
            _("Demo page views could not be loaded: {files_failed}").format(
                files_failed=report.files_failed
            )
        )
