"""A big newsroom on a real PostgreSQL and its server, for the sync benchmarks.

The articles are written by the import's bulk path (``editor.import_bulk``: the rows
``add_with_revision`` writes, many to a statement), then numbered by the change feed's own
first start (``editor.sync.feed.start_feed``), exactly as a newsroom that worked straight
on PostgreSQL before it had a server (docs/sync.md §3). People, sections and every later
change go through the core services, as a user's data does.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.database import Database, open_database  # noqa: E402
from editor.import_bulk import NewArticle, insert_new_articles  # noqa: E402
from editor.models import Person, utcnow  # noqa: E402
from editor.people import create_person  # noqa: E402
from editor.records import ArticleDraft, PersonRecord, PersonRef  # noqa: E402
from editor.sections import create_section, list_sections  # noqa: E402
from editor.workflow.passwords import set_password  # noqa: E402
from tests.pg_server import postgres_server, with_database  # noqa: E402
from tests.sync.harness import FAIL_KEYRING, PASSWORD, ServerProcess, free_port  # noqa: E402

SECTIONS = ("Berita", "Dunia", "Ekonomi", "Olahraga", "Teknologi", "Hiburan", "Otomotif", "Gaya")
REPORTERS = 40
LOAD_CLIENTS = 20
BATCH = 2000
PARAGRAPH = (
    "Pemerintah daerah menyiapkan anggaran tambahan untuk perbaikan jalan dan jembatan "
    "yang rusak akibat banjir pekan lalu, kata kepala dinas pekerjaan umum kepada wartawan."
)


@dataclass
class BenchNewsroom:
    db: Database
    url: str
    editor: PersonRecord
    reporter: PersonRecord
    other_reporter: PersonRecord
    #: Reporters with no articles of their own yet (for the load test's clients).
    others: list[PersonRecord]
    server: ServerProcess


def _body(rng: random.Random) -> str:
    """About 500 words: eight paragraphs of a typical news story."""
    return "\n\n".join(f"{PARAGRAPH} ({rng.randrange(10**6)})" for _ in range(8)) + "\n"


def _people(db: Database) -> dict[str, PersonRecord]:
    people = {
        "editor": create_person(db, "Rina Editor", role="editor"),
        "reporter": create_person(db, "Sarah Meiliana Gunawan", role="reporter"),
        "other_reporter": create_person(db, "Budi Santoso", role="reporter"),
    }
    for number in range(REPORTERS):
        people[f"r{number}"] = create_person(db, f"Reporter {number}", role="reporter")
    for number in range(LOAD_CLIENTS):
        people[f"load{number}"] = create_person(db, f"Klien Beban {number}", role="reporter")
    # One scrypt hash serves everyone (as tests/sync/harness.py): same password, set-up only.
    set_password(db, people["editor"].id, PASSWORD)
    with db.transaction() as session:
        hashed = session.get(Person, people["editor"].id).password_hash  # type: ignore[union-attr]
        for person in people.values():
            session.get(Person, person.id).password_hash = hashed  # type: ignore[union-attr]
    return people


def _fill(db: Database, count: int, people: dict[str, PersonRecord], own_drafts: int) -> None:
    """``count`` articles over a year: 95 % published, the rest drafts and the review
    queue; the benchmark's reporter wrote one in fifty (their desk: two sections), or
    more in a small newsroom, so that they have ``own_drafts`` drafts to save."""
    own_every = max(1, min(50, count // max(1, own_drafts)))
    rng = random.Random(13)
    for name in SECTIONS:
        create_section(db, name)
    sections = list_sections(db)
    writers = [p for key, p in people.items() if key.startswith("r")]
    sarah = people["reporter"]
    started = time.perf_counter()
    for start in range(0, count, BATCH):
        items = []
        for number in range(start, min(count, start + BATCH)):
            own = number % own_every == 0
            writer = sarah if own else rng.choice(writers)
            section = sections[number % 2] if own else rng.choice(sections)
            roll = rng.random()
            status = "published" if roll < 0.95 else ("draft" if roll < 0.98 else "submitted")
            if own:
                status = "draft"  # the benchmark's reporter saves these
            draft = ArticleDraft(
                headline=f"Berita nomor {number}: jalan dan jembatan diperbaiki",
                kicker=section.name,
                lead="Anggaran tambahan disiapkan untuk perbaikan setelah banjir.",
                body=_body(rng),
                section_id=section.id,
                status=status,
                tags=(f"topik-{number % 300}", "banjir"),
            )
            items.append(
                NewArticle(
                    article_id=uuid.uuid4(),
                    draft=draft,
                    bylines=(PersonRef(id=writer.id, name=writer.name, handle=writer.handle),),
                    revision_note="",
                    audit_note="bench",
                    source_digest="",
                )
            )
        with db.transaction() as session:
            insert_new_articles(session, items, author_id=None, sections=sections)
        done = min(count, start + BATCH)
        print(f"  written {done:,} articles ({time.perf_counter() - started:.0f} s)", flush=True)
    # Spread the articles over a year, as a newsroom's archive is (one statement).
    with db.transaction() as session:
        now = utcnow()
        session.execute(
            text(
                "UPDATE articles SET updated_at = :now - (abs(hashtext(id::text)) % 365)"
                " * interval '1 day', created_at = :now - (abs(hashtext(id::text)) % 365)"
                " * interval '1 day' - interval '1 hour'"
            ),
            {"now": now},
        )
        session.execute(
            text("UPDATE articles SET published_at = updated_at WHERE published_at IS NOT NULL")
        )
        # A newsroom from before its server: no change numbered yet (start_feed does it).
        session.execute(text("DELETE FROM sync_changes"))
        session.execute(text("UPDATE sync_counter SET value = 0"))


@contextmanager
def bench_newsroom(articles: int, work: Path, *, own_drafts: int = 0) -> Iterator[BenchNewsroom]:
    """A fresh database with ``articles`` articles and a server on a free loopback port;
    dropped afterwards."""
    os.environ["PYTHON_KEYRING_BACKEND"] = FAIL_KEYRING
    work.mkdir(parents=True, exist_ok=True)
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    with postgres_server() as admin_url:
        if admin_url is None:
            raise SystemExit("PostgreSQL is needed (127.0.0.1:5432 or the installed binaries).")
        name = f"redaksi_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = with_database(admin_url, name).replace("postgresql://", "postgresql+psycopg://", 1)
        db = open_database(url)
        server = ServerProcess(url, free_port(), work / "server.log")
        try:
            started = time.perf_counter()
            people = _people(db)
            _fill(db, articles, people, own_drafts)
            print(
                f"newsroom of {articles:,} articles built in {time.perf_counter() - started:.0f} s"
            )
            started = time.perf_counter()
            server.start(timeout=600)
            print(
                "server started (its first start numbers every row) in "
                f"{time.perf_counter() - started:.1f} s"
            )
            yield BenchNewsroom(
                db=db,
                url=url,
                editor=people["editor"],
                reporter=people["reporter"],
                other_reporter=people["other_reporter"],
                others=[p for key, p in people.items() if key.startswith("load")],
                server=server,
            )
        finally:
            server.stop()
            db.close()
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def work_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="redaksi-sync-bench-")
