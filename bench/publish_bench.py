"""Publish benchmark: Redaksi against Pelican and Hugo on the same generated newsroom.

For each size (default 1,000 and 10,000 articles) it:

1. generates a realistic newsroom into a fresh SQLite file: Indonesian-looking articles of
   400-800 words in nested sections, with bylines, tags, lead paragraphs and page views;
2. times ``publish_site`` in each sidebar mode (``--sidebar``: the shared SSI fragment,
   and the lists embedded in every page), each into its own site: a full publish with an
   empty render cache (cold), a full publish with rendered bodies cached, an incremental
   publish with nothing changed, one after one article's body changed, and one after a
   new article (which in the embedded mode changes UPDATE on every page), then checks
   that the tree those publishes left is byte for byte the one ``--full`` makes;
3. writes the same articles as Markdown with front matter and times Pelican (PyPI, in its own
   virtualenv under build/bench-venv) and Hugo (the Debian ``hugo`` package) building them;
4. prints the figures and the ratios against the targets (cold full ≥ 3× faster than
   Pelican, cached full faster than Hugo).

    .venv/bin/python bench/publish_bench.py                # 1,000 and 10,000 articles
    .venv/bin/python bench/publish_bench.py --sizes 1000   # a quick run
    .venv/bin/python bench/publish_bench.py --sizes 10000 --skip-pelican --skip-hugo
    .venv/bin/python bench/publish_bench.py --sizes 100000 --sidebar ssi --skip-pelican

Everything is written under ``--work`` (default build/bench, which git ignores).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import insert

from editor.articles import create_article, get_article, save_article
from editor.config import Settings
from editor.database import Database, open_database
from editor.models import Article, ArticleBody, ArticleTag, Byline, PageView, Person, Section, Tag
from editor.publish import publish_site
from editor.publish.plan import SidebarMode
from editor.publish.report import PublishReport
from editor.records import ArticleDraft
from editor.slugs import slugify
from editor.text import word_count

T = TypeVar("T")
REPO = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 1, 17, 3, 36, tzinfo=UTC)
ZONE = "Asia/Jakarta"
SEED = 20260117


def _words(text: str) -> list[str]:
    return text.split()


WORDS = _words(
    "pemerintah daerah masyarakat warga kota desa provinsi presiden menteri gubernur bupati "
    "wali polisi tentara hakim jaksa dewan rakyat partai pemilu kampanye anggaran dana rupiah "
    "triliun miliar juta harga beras minyak listrik bensin pasar ekonomi inflasi bank kredit "
    "ekspor impor pelabuhan bandara jalan tol kereta banjir gempa longsor hujan kemarau panen "
    "petani nelayan buruh pekerja sekolah guru murid kampus rumah sakit dokter pasien vaksin "
    "sepak bola timnas pelatih pemain gol stadion liga juara laga pertandingan musim teknologi "
    "aplikasi internet data digital startup investasi perusahaan saham bursa laporan keterangan "
    "menurut kata ujar jelas sebut mengatakan menjelaskan menambahkan menegaskan meminta "
    "menyampaikan mengungkapkan berharap akan telah sedang masih sudah belum tidak juga hanya "
    "lebih sangat cukup baru lama besar kecil tinggi rendah penting utama awal akhir tahun "
    "bulan pekan hari pagi siang malam kemarin ini itu tersebut yang dan di ke dari untuk "
    "dengan pada dalam oleh karena agar namun sementara sehingga bahwa atas bagi hingga"
)
PLACES = _words(
    "Jakarta Surabaya Bandung Medan Makassar Semarang Denpasar Palembang Jayapura Ambon"
)
SECTIONS = {
    "Berita": ("Dunia", "Nasional", "Hukum", "Politik"),
    "Ekonomi": ("Bisnis", "Keuangan"),
    "Olahraga": ("Sepak Bola", "Bulu Tangkis"),
    "Teknologi": (),
    "Hiburan": ("Musik", "Film"),
    "Gaya Hidup": ("Kesehatan", "Kuliner"),
}
FIRST_NAMES = _words("Sarah Budi Dewi Agus Rina Andi Putri Rizky Sri Hendra Maya Dimas Fitri Yusuf")
LAST_NAMES = _words(
    "Gunawan Santoso Lestari Pratama Wijaya Hidayat Saputra Kusuma Nasution Siregar"
)


@dataclass(frozen=True)
class Story:
    """One generated article, kept to write the same content for Pelican and Hugo."""

    id: uuid.UUID
    headline: str
    slug: str
    lead: str
    body: str
    section: str
    author: str
    tags: tuple[str, ...]
    published_at: datetime


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(PLACES))
    if rng.random() < 0.15:
        words.append(f"Rp {rng.randint(1, 99)},{rng.randint(1, 9)} triliun")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _body(rng: random.Random, target_words: int) -> str:
    blocks: list[str] = []
    words = 0
    while words < target_words:
        roll = rng.random()
        if roll < 0.08 and blocks:
            block = "## " + " ".join(rng.choices(WORDS, k=4)).capitalize()
        elif roll < 0.13:
            block = "> " + _sentence(rng) + " " + _sentence(rng)
        elif roll < 0.17:
            block = "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(3, 5)))
        else:
            block = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
        blocks.append(block)
        words += len(block.split())
    return "\n\n".join(blocks) + "\n"


def _headline(rng: random.Random, number: int) -> str:
    words = " ".join(rng.choices(WORDS, k=rng.randint(6, 11)))
    return f"{rng.choice(PLACES)}: {words.capitalize()} ({number})"


def generate(db: Database, count: int) -> list[Story]:
    """``count`` published articles over the year before NOW, with bylines, tags and views."""
    rng = random.Random(SEED + count)
    sections: list[tuple[uuid.UUID, str]] = []
    section_rows: list[dict[str, object]] = []
    for position, (parent_name, children) in enumerate(SECTIONS.items()):
        parent_id = uuid.UUID(int=rng.getrandbits(128))
        section_rows.append(
            {
                "id": parent_id,
                "name": parent_name,
                "slug": slugify(parent_name),
                "position": position,
            }
        )
        sections.append((parent_id, parent_name))
        for child_position, child in enumerate(children):
            child_id = uuid.UUID(int=rng.getrandbits(128))
            section_rows.append(
                {
                    "id": child_id,
                    "parent_id": parent_id,
                    "name": child,
                    "slug": slugify(child),
                    "position": child_position,
                }
            )
            sections.append((child_id, child))
    people = []
    for first in FIRST_NAMES:
        for last in LAST_NAMES[:3]:
            name = f"{first} {last}"
            people.append((uuid.UUID(int=rng.getrandbits(128)), name))
    tags = [
        (uuid.UUID(int=rng.getrandbits(128)), f"{rng.choice(WORDS)} {rng.choice(PLACES)} {n}")
        for n in range(300)
    ]
    stories: list[Story] = []
    pending: dict[type, list[dict[str, object]]] = {
        Article: [],
        ArticleBody: [],
        Byline: [],
        ArticleTag: [],
    }
    for number in range(count):
        headline = _headline(rng, number)
        section_id, section_name = rng.choice(sections)
        person_id, person_name = rng.choice(people)
        chosen_tags = tuple(rng.sample(tags, rng.randint(2, 5)))
        published = NOW - timedelta(seconds=rng.randint(60, 365 * 24 * 3600))
        story = Story(
            id=uuid.UUID(int=rng.getrandbits(128)),
            headline=headline,
            slug=slugify(headline),
            lead=_sentence(rng),
            body=_body(rng, rng.randint(400, 800)),
            section=section_name,
            author=person_name,
            tags=tuple(name for _id, name in chosen_tags),
            published_at=published,
        )
        stories.append(story)
        _rows_for(story, (section_id, person_id, chosen_tags), pending)
    with db.transaction() as session:
        session.execute(insert(Section), section_rows)
        session.execute(
            insert(Person),
            [{"id": i, "name": n, "handle": slugify(n)} for i, n in people],
        )
        session.execute(insert(Tag), [{"id": i, "name": n, "slug": slugify(n)} for i, n in tags])
        for table, rows in pending.items():
            for start in range(0, len(rows), 2000):
                session.execute(insert(table), rows[start : start + 2000])
    _add_views(db, stories, rng)
    return stories


def _rows_for(
    story: Story,
    refs: tuple[uuid.UUID, uuid.UUID, tuple[tuple[uuid.UUID, str], ...]],
    pending: dict[type, list[dict[str, object]]],
) -> None:
    section_id, person_id, chosen_tags = refs
    pending[Article].append(
        {
            "id": story.id,
            "headline": story.headline,
            "slug": story.slug,
            "lead": story.lead,
            "section_id": section_id,
            "status": "published",
            "published_at": story.published_at,
            "word_count": word_count(story.body),
            "created_at": story.published_at,
            "updated_at": story.published_at,
        }
    )
    pending[ArticleBody].append({"article_id": story.id, "markdown": story.body})
    pending[Byline].append({"article_id": story.id, "person_id": person_id, "position": 0})
    pending[ArticleTag].extend(
        {"article_id": story.id, "tag_id": tag_id, "position": position}
        for position, (tag_id, _name) in enumerate(chosen_tags)
    )


def _add_views(db: Database, stories: list[Story], rng: random.Random) -> None:
    """Page views for a third of the articles, spread over the 30 days before NOW."""
    counts: dict[tuple[uuid.UUID, datetime], int] = {}
    for story in rng.sample(stories, len(stories) // 3):
        for _ in range(rng.randint(1, 12)):
            hour = (NOW - timedelta(hours=rng.randint(0, 30 * 24))).replace(
                minute=0, second=0, microsecond=0
            )
            counts[(story.id, hour)] = counts.get((story.id, hour), 0) + rng.randint(1, 400)
    rows = [{"article_id": a, "hour": h, "views": v} for (a, h), v in counts.items()]
    with db.transaction() as session:
        for start in range(0, len(rows), 2000):
            session.execute(insert(PageView), rows[start : start + 2000])


# Pelican and Hugo ---------------------------------------------------------------------

PELICAN_CONF = """\
SITENAME = "Redaksi Bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_PAGINATION = 20
ARTICLE_URL = "read/{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = "read/{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
LOAD_CONTENT_CACHE = False
"""
HUGO_CONFIG = """\
baseURL = "https://example.id/"
title = "Redaksi Bench"
languageCode = "id"
paginate = 20
disableKinds = []
[permalinks]
  posts = "/read/:year/:month/:day/:slug/"
[taxonomies]
  tag = "tags"
  category = "categories"
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        '<title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
        '<p>{{ .Date.Format "Monday, 02 January 2006 | 15:04" }} | {{ .Params.author }}</p>'
        "{{ .Content }}<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>"
        "</article>{{ end }}"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>'
        "{{ end }}"
    ),
    "index.html": (
        '{{ define "main" }}<ul>{{ range first 20 (where .Site.RegularPages "Section" "posts") }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}'
    ),
}


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_pelican(stories: list[Story], folder: Path) -> None:
    content = folder / "content"
    content.mkdir(parents=True)
    (folder / "pelicanconf.py").write_text(PELICAN_CONF)
    for story in stories:
        local = story.published_at.astimezone(UTC) + timedelta(hours=7)
        header = (
            f"Title: {story.headline}\nDate: {local:%Y-%m-%d %H:%M}\nCategory: {story.section}\n"
            f"Tags: {', '.join(story.tags)}\nAuthors: {story.author}\nSlug: {story.slug}\n"
            f"Summary: {story.lead}\n\n"
        )
        (content / f"{story.slug}.md").write_text(header + story.body, encoding="utf-8")


def write_hugo(stories: list[Story], folder: Path) -> None:
    posts = folder / "content" / "posts"
    posts.mkdir(parents=True)
    (folder / "config.toml").write_text(HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for story in stories:
        tags = ", ".join(_yaml_string(tag) for tag in story.tags)
        front = (
            f"---\ntitle: {_yaml_string(story.headline)}\n"
            f"date: {story.published_at.isoformat()}\nslug: {story.slug}\n"
            f"categories: [{_yaml_string(story.section)}]\ntags: [{tags}]\n"
            f"author: {_yaml_string(story.author)}\nsummary: {_yaml_string(story.lead)}\n---\n\n"
        )
        (posts / f"{story.slug}.md").write_text(front + story.body, encoding="utf-8")


def pelican_python(venv: Path) -> Path:
    """The bench virtualenv's Python with Pelican installed (made on first use)."""
    python = venv / "bin" / "python"
    if not (venv / "bin" / "pelican").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "pelican", "markdown"], check=True
        )
    return python


def timed_command(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(
            f"{command[0]} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )
    return seconds


# Redaksi --------------------------------------------------------------------------------


def timed(call: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def bench_redaksi(
    db: Database, settings: Settings, work: Path, stories: list[Story], mode: SidebarMode
) -> dict[str, float]:
    """The publishes of one sidebar mode, each into its own site and render cache."""
    out, cache = work / f"site-{mode}", work / f"render-cache-{mode}"

    def publish(full: bool) -> PublishReport:
        return publish_site(
            db, settings, out, full=full, now=NOW, cache_dir=cache, sidebar_mode=mode
        )

    print(f"  sidebar mode {mode}:")
    figures: dict[str, float] = {}
    figures["cold"], report = timed(lambda: publish(True))
    print(f"    cold full publish:   {figures['cold']:7.2f} s  ({report.files} files)")
    figures["cached"], _ = timed(lambda: publish(True))
    print(f"    cached full publish: {figures['cached']:7.2f} s")
    figures["unchanged"], report = timed(lambda: publish(False))
    print(f"    incremental, nothing changed: {figures['unchanged']:.2f} s ({report.files} files)")
    changed = get_article(db, stories[len(stories) // 2].id)
    save_article(db, replace(changed, body=changed.body + "\nParagraf tambahan untuk koreksi.\n"))
    figures["incremental"], report = timed(lambda: publish(False))
    written = len(report.written)
    seconds = figures["incremental"]
    print(f"    incremental, 1 article changed: {seconds:.2f} s ({written} files written)")
    figures["unchanged"], report = timed(lambda: publish(False))
    print(f"    incremental, nothing changed again: {figures['unchanged']:.2f} s")
    create_article(
        db,
        ArticleDraft(
            headline=f"Artikel terbaru untuk bench ({mode})",
            body="Isi artikel terbaru.\n",
            status="published",
            published_at=NOW - timedelta(seconds=30),
        ),
    )
    figures["new"], report = timed(lambda: publish(False))
    print(
        f"    incremental, 1 new article: {figures['new']:.2f} s "
        f"({len(report.written)} files written)"
    )
    # The site the incremental publishes left must be the very site --full makes.
    full = work / f"site-{mode}-full"
    publish_site(db, settings, full, full=True, now=NOW, cache_dir=cache, sidebar_mode=mode)
    different = _different_files(out, full)
    print(f"    incremental and --full trees identical: {'yes' if not different else 'NO'}")
    for path in different[:10]:
        print(f"      differs: {path}")
    return figures


def _different_files(one: Path, other: Path) -> list[str]:
    def files(root: Path) -> dict[str, Path]:
        root = root.resolve()  # the output folder is a link to the live tree
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}

    mine, theirs = files(one), files(other)
    paths = sorted(set(mine) | set(theirs))
    return [
        p
        for p in paths
        if p not in mine or p not in theirs or mine[p].read_bytes() != theirs[p].read_bytes()
    ]


def run_size(
    count: int,
    work: Path,
    venv: Path,
    skip_pelican: bool,
    skip_hugo: bool,
    modes: list[SidebarMode],
) -> dict[str, float]:
    folder = work / str(count)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    url = f"sqlite:///{folder / 'newsroom.db'}"
    db = open_database(url)
    print(f"\n{count:,} articles")
    seconds, stories_list = timed(lambda: generate(db, count))
    words = sum(word_count(s.body) for s in stories_list) // len(stories_list)
    print(f"    generated in {seconds:.1f} s (about {words} words per article)")
    settings = Settings(database_url=url, zone=ZONE, site_name="Redaksi Bench")
    figures: dict[str, float] = {}
    for mode in modes:
        mode_figures = bench_redaksi(db, settings, folder, stories_list, mode)
        figures.update({f"{mode} {name}": value for name, value in mode_figures.items()})
    db.close()
    if not skip_pelican:
        write_pelican(stories_list, folder / "pelican")
        python = pelican_python(venv)
        command = [
            str(python),
            "-m",
            "pelican",
            "content",
            "-o",
            "output",
            "-s",
            "pelicanconf.py",
            "-q",
        ]
        figures["pelican"] = timed_command(command, folder / "pelican")
        print(f"    Pelican:             {figures['pelican']:7.2f} s")
    if not skip_hugo and shutil.which("hugo"):
        write_hugo(stories_list, folder / "hugo")
        figures["hugo"] = timed_command(["hugo", "--quiet", "-d", "public"], folder / "hugo")
        print(f"    Hugo:                {figures['hugo']:7.2f} s")
    elif not skip_hugo:
        print("    Hugo: not installed (apt-get install -y hugo)")
    return figures


#: What ``bench_redaksi`` times in each sidebar mode.
MODE_FIGURES = ("cold", "cached", "unchanged", "incremental", "new")


def print_table(results: dict[int, dict[str, float]], modes: list[SidebarMode]) -> None:
    print(
        "\n| articles | sidebar | Redaksi cold | cached | nothing changed | 1 changed "
        "| 1 new | Pelican | Hugo | Pelican/cold (≥3) | Hugo/cached (>1) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count, f in results.items():
        pelican, hugo = f.get("pelican"), f.get("hugo")
        for mode in modes:
            m = {name: f[f"{mode} {name}"] for name in MODE_FIGURES}
            vs_pelican = f"{pelican / m['cold']:.1f}×" if pelican else "-"
            vs_hugo = f"{hugo / m['cached']:.1f}×" if hugo else "-"
            print(
                f"| {count:,} | {mode} | {m['cold']:.2f} s | {m['cached']:.2f} s "
                f"| {m['unchanged']:.2f} s | {m['incremental']:.2f} s | {m['new']:.2f} s "
                f"| {f'{pelican:.2f} s' if pelican else '-'} "
                f"| {f'{hugo:.2f} s' if hugo else '-'} | {vs_pelican} | {vs_hugo} |"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "bench")
    parser.add_argument("--venv", type=Path, default=REPO / "build" / "bench-venv")
    parser.add_argument("--skip-pelican", action="store_true")
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument(
        "--sidebar",
        default="ssi,embed",
        help="comma-separated sidebar modes to time (ssi, embed), each on its own site",
    )
    args = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    modes: list[SidebarMode] = []
    for mode in args.sidebar.split(","):
        if mode.strip() not in ("ssi", "embed"):
            parser.error(f"unknown sidebar mode {mode.strip()!r}: use ssi or embed")
        modes.append(mode.strip())  # type: ignore[arg-type]
    results = {
        size: run_size(size, args.work, args.venv, args.skip_pelican, args.skip_hugo, modes)
        for size in sizes
    }
    print_table(results, modes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
