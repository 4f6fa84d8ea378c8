"""``publish_site``: the whole site from the database and the clock, built aside and swapped in."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from editor.config import Settings
from editor.database import Database
from editor.publish import collector
from editor.publish.assets import resolve_lead_image
from editor.publish.atomic import SiteTrees, TreeWriter, home_for
from editor.publish.body import BodyCache
from editor.publish.manifest import Manifest, read_manifest
from editor.publish.model import SiteData, load_bodies, load_site
from editor.publish.pages import SiteInfo
from editor.publish.plan import Job, Planner, SidebarMode
from editor.publish.report import (
    PublishCancelled,
    PublishError,
    PublishProblem,
    PublishReport,
)
from editor.publish.schedule import promote_due_articles
from editor.publish.sidebar import POPULAR_WINDOW, latest_entries, popular_entries

Progress = Callable[[int, int, str], None]
LEVEL_THREADS = 4
#: Fewer files than this are levelled in a plain loop (threads cost more than they save).
THREADS_FROM = 500
#: How often (in files) progress is reported and cancel is asked.
CHECK_EVERY = 50


def _site_info(settings: Settings, base_url: str | None, data: SiteData) -> SiteInfo:
    base = (base_url or settings.base_url or "").strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PublishError(
            f"The base URL {base!r} is not a web address. Give the site's address, "
            "for example --base-url https://berita.example.id"
        )
    nav = tuple(s for s in data.sections if s.parent_id is None)
    nav = tuple(sorted(nav, key=lambda s: (s.position, s.name, s.id)))
    return SiteInfo(
        name=settings.site_name, base=base, root=parts.path.rstrip("/"), zone=settings.zone, nav=nav
    )


def cache_dir_for(out_dir: Path) -> Path:
    """Rendered bodies are cached beside the output, never inside the published site."""
    return home_for(out_dir) / "cache"


def publish_site(
    db: Database,
    settings: Settings,
    out_dir: Path,
    *,
    base_url: str | None = None,
    full: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    sidebar_mode: SidebarMode = "embed",
    media_dir: Path | None = None,
    cache_dir: Path | None = None,
    popular_window: timedelta = POPULAR_WINDOW,
) -> PublishReport:
    """Publish every public article at ``now`` into ``out_dir``; see editor/publish/__init__."""
    started = time.perf_counter()
    if sidebar_mode not in ("embed", "ssi"):
        raise PublishError(f"Unknown sidebar mode {sidebar_mode!r}: use 'embed' or 'ssi'.")
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise PublishError("The publish time needs a time zone (for example 2026-01-17T03:36Z).")
    out_dir = Path(out_dir).absolute()
    trees = SiteTrees(out_dir)
    with trees.locked(), collector.paused():
        return _publish(
            db,
            settings,
            trees,
            base_url=base_url,
            full=full,
            now=now,
            progress=progress,
            cancel=cancel,
            sidebar_mode=sidebar_mode,
            media_dir=media_dir,
            cache_dir=cache_dir,
            popular_window=popular_window,
            started=started,
        )


def _publish(
    db: Database,
    settings: Settings,
    trees: SiteTrees,
    *,
    base_url: str | None,
    full: bool,
    now: datetime,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
    sidebar_mode: SidebarMode,
    media_dir: Path | None,
    cache_dir: Path | None,
    popular_window: timedelta,
    started: float,
) -> PublishReport:
    out_dir = trees.out
    live, spare = trees.prepare()
    report = PublishReport(out_dir=out_dir, full=full)

    def step(done: int, total: int, message: str) -> None:
        if cancel is not None and cancel():
            raise PublishCancelled("Publishing was cancelled; the previous site is unchanged.")
        if progress is not None:
            progress(done, total, message)

    step(0, 0, "Reading articles")
    report.promoted = promote_due_articles(db, now)
    data = load_site(db, now=now, zone=settings.zone)
    report.articles = len(data.articles)
    site = _site_info(settings, base_url, data)
    images = {
        a.id: resolve_lead_image(a.lead_image, media_dir, report.problems, a.url)
        for a in data.articles
        if a.lead_image
    }
    bodies = BodyCache(cache_dir if cache_dir is not None else cache_dir_for(out_dir))
    planner = Planner(
        site=site,
        data=data,
        popular=popular_entries(db, data, window=popular_window),
        latest=latest_entries(data),
        images=images,
        bodies=bodies,
        mode=sidebar_mode,
    )
    jobs = planner.jobs()
    _check_unique(jobs)
    live_manifest = read_manifest(live) if live is not None else None
    try:
        manifest = _build(
            TreeWriter(spare),
            jobs,
            live,
            live_manifest,
            bodies,
            db,
            data,
            full=full,
            report=report,
            step=step,
        )
    finally:
        bodies.close()
    step(len(jobs), len(jobs), "Swapping in the new site")
    trees.swap_to(spare)
    if live is not None:
        _level(TreeWriter(live), live_manifest, spare, manifest, full=full, report=report)
    if live_manifest is not None:
        report.removed = sorted(set(live_manifest.files) - set(manifest.files))
    report.bodies_rendered, report.bodies_cached = bodies.rendered, bodies.reused
    for article in data.articles:
        if article.id not in data.bodies:
            continue
        problem = bodies.problems.get(bodies.key(data.bodies[article.id], article.language))
        if problem:
            report.problems.append(PublishProblem(article.url, problem))
    report.seconds = time.perf_counter() - started
    if progress is not None:
        progress(len(jobs), len(jobs), "Published")
    return report


def _check_unique(jobs: list[Job]) -> None:
    seen: set[str] = set()
    for job in jobs:
        if job.path in seen:
            raise PublishError(
                f"Two outputs would both be written to {job.path}. Rename the section or "
                "tag that shares its address with another page."
            )
        seen.add(job.path)


def _build(
    writer: TreeWriter,
    jobs: list[Job],
    live: Path | None,
    live_manifest: Manifest | None,
    bodies: BodyCache,
    db: Database,
    data: SiteData,
    *,
    full: bool,
    report: PublishReport,
    step: Callable[[int, int, str], None],
) -> Manifest:
    """Bring the hidden tree up to date with ``jobs``; return its new manifest.

    ``full`` renders every file again and trusts no fingerprint; a file whose bytes on
    disk already equal the new ones is left as it is, so a full publish repairs a
    damaged tree without rewriting the rest.
    """
    own = writer.read_manifest()
    old = own.files if own is not None else {}
    was_live = live_manifest.files if live_manifest is not None else {}
    by_path = {job.path: job for job in jobs}
    # Before touching anything, record only what will certainly stay: if this publish
    # stops half-way, the next one knows exactly which files it can still trust.
    manifest = Manifest()
    kept = {
        p: e for p, e in old.items() if not full and p in by_path and by_path[p].fingerprint == e[0]
    }
    trimmed = kept != old or own is None
    if own is None:
        writer.write_manifest(Manifest())
    elif trimmed:
        writer.mark_pending(p for p in old if p not in kept)
    plan: list[tuple[Job, str]] = []
    for job in jobs:
        mine, theirs = old.get(job.path), was_live.get(job.path)
        if full:
            plan.append((job, "make"))
        elif job.fingerprint is not None and mine is not None and mine[0] == job.fingerprint:
            plan.append((job, "keep"))
        elif not full and job.fingerprint is not None and theirs and theirs[0] == job.fingerprint:
            plan.append((job, "link"))
        else:
            plan.append((job, "make"))
    step(0, len(jobs), "Rendering article bodies")
    needed = {
        article.id: article for job, action in plan if action == "make" for article in job.bodies
    }
    load_bodies(db, data, set(needed))
    bodies.prepare((data.bodies[i], article.language) for i, article in needed.items())
    total = len(jobs)
    for done, (job, action) in enumerate(plan):
        if done % CHECK_EVERY == 0:
            step(done, total, job.path)
        mine, theirs = old.get(job.path), was_live.get(job.path)
        if action == "keep" and mine is not None:
            manifest.files[job.path] = mine
            report.reused += 1
            continue
        if action == "link" and live is not None and theirs is not None:
            writer.link(job.path, live / job.path)
            manifest.files[job.path] = theirs
            report.reused += 1
            continue
        if job.source is not None:
            content = job.source.read_bytes()
        else:
            with collector.collecting():
                content = _make(job)
        content_hash = _hash(content)
        manifest.files[job.path] = (job.fingerprint or content_hash, content_hash)
        if (
            mine is not None
            and mine[1] == content_hash
            and (not full or writer.holds(job.path, content))
        ):
            report.reused += 1  # the hidden tree already holds these bytes
            continue
        if not full and live is not None and theirs is not None and theirs[1] == content_hash:
            writer.link(job.path, live / job.path)
        else:
            writer.write(job.path, content, exists=mine is not None)
        if theirs is None or theirs[1] != content_hash:
            report.written.append(job.path)
        else:
            report.reused += 1
    for path in sorted(set(old) - set(manifest.files)):
        writer.remove(path)
    if full:
        writer.remove_strays(set(manifest.files))
    if trimmed or manifest.files != old or full:
        writer.write_manifest(manifest)
    return manifest


def _make(job: Job) -> bytes:
    assert job.make is not None
    return job.make()


def _level(
    writer: TreeWriter,
    own: Manifest | None,
    new: Path,
    manifest: Manifest,
    *,
    full: bool,
    report: PublishReport,
) -> None:
    """Make the tree that just went out of view equal to the live one (for the next publish)."""
    try:
        # Its manifest is trusted (only this code writes it, and a stopped run leaves it
        # listing just the files that were certainly untouched), except after --full,
        # which checks the bytes of every file: one edited by hand may sit in both trees.
        old = own.files if own is not None else {}
        if not full and old == manifest.files:
            return
        if own is None:
            writer.write_manifest(Manifest())
        elif full:
            writer.mark_pending(old)
        else:
            writer.mark_pending(p for p, e in old.items() if manifest.files.get(p) != e)

        def level(path: str) -> None:
            source = new / path
            if old.get(path) == manifest.files[path] and (
                not full or writer.holds(path, source.read_bytes())
            ):
                return
            writer.link(path, source)

        paths = (
            list(manifest.files)
            if full
            else [path for path, entry in manifest.files.items() if old.get(path) != entry]
        )
        if len(paths) < THREADS_FROM:
            for path in paths:
                level(path)
        else:
            # Pure file-system work (reads, links over old files): threads overlap it.
            with ThreadPoolExecutor(LEVEL_THREADS) as pool:
                list(pool.map(level, paths))
        for path in sorted(set(old) - set(manifest.files)):
            writer.remove(path)
        writer.write_manifest(manifest)
    except OSError as error:
        # The new site is already live; the next publish simply has more to copy.
        report.problems.append(
            PublishProblem(str(writer.root), f"could not update the standby copy: {error}")
        )


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
