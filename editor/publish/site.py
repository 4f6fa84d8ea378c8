"""``publish_site``: the whole site from the database and the clock, built aside and swapped in."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from editor.config import Settings
from editor.database import Database
from editor.publish.assets import copy_file, resolve_lead_image
from editor.publish.atomic import StagedSite, remove_leftovers
from editor.publish.body import BodyCache
from editor.publish.manifest import MANIFEST_NAME, Manifest, read_manifest
from editor.publish.model import SiteData, load_site
from editor.publish.pages import SiteInfo
from editor.publish.plan import Job, Planner, SidebarMode
from editor.publish.report import PublishCancelled, PublishError, PublishReport
from editor.publish.schedule import promote_due_articles
from editor.publish.sidebar import latest_entries, popular_entries

Progress = Callable[[int, int, str], None]
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
    return out_dir.parent / f".{out_dir.name}.cache"


def _check_output(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise PublishError(f"{out_dir} is a file. Choose a folder for the site.")
    if out_dir.is_dir() and not (out_dir / MANIFEST_NAME).exists() and any(out_dir.iterdir()):
        raise PublishError(
            f"{out_dir} holds files a Redaksi publish did not write, and publishing would "
            "replace them. Choose an empty or new folder."
        )


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
) -> PublishReport:
    """Publish every public article at ``now`` into ``out_dir``; see editor/publish/__init__."""
    started = time.perf_counter()
    if sidebar_mode not in ("embed", "ssi"):
        raise PublishError(f"Unknown sidebar mode {sidebar_mode!r}: use 'embed' or 'ssi'.")
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise PublishError("The publish time needs a time zone (for example 2026-01-17T03:36Z).")
    out_dir = Path(out_dir).absolute()
    _check_output(out_dir)
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
        popular=popular_entries(db, data),
        latest=latest_entries(data),
        images=images,
        bodies=bodies,
        mode=sidebar_mode,
    )
    jobs = planner.jobs()
    _check_unique(jobs)
    previous = read_manifest(out_dir)
    old = None if full else previous
    remove_leftovers(out_dir)
    staged = StagedSite(out_dir)
    try:
        manifest = _build(staged, jobs, old, out_dir, report, step)
        staged.write(MANIFEST_NAME, manifest.to_json().encode())
        step(len(jobs), len(jobs), "Swapping in the new site")
        staged.swap_in()
    except BaseException:
        staged.discard()
        raise
    if previous is not None:
        report.removed = sorted(set(previous.files) - set(manifest.files))
    report.bodies_rendered, report.bodies_cached = bodies.rendered, bodies.reused
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
    staged: StagedSite,
    jobs: list[Job],
    old: Manifest | None,
    out_dir: Path,
    report: PublishReport,
    step: Callable[[int, int, str], None],
) -> Manifest:
    manifest = Manifest()
    total = len(jobs)
    for done, job in enumerate(jobs):
        if done % CHECK_EVERY == 0:
            step(done, total, job.path)
        previous = old.files.get(job.path) if old is not None else None
        existing = out_dir / job.path
        if (
            previous is not None
            and job.fingerprint is not None
            and previous[0] == job.fingerprint
            and existing.is_file()
        ):
            staged.link(job.path, existing)
            manifest.files[job.path] = previous
            report.reused += 1
            continue
        if job.source is not None:
            target = staged.target(job.path)
            copy_file(job.source, target)
            content_hash = _hash(target.read_bytes())
        else:
            assert job.make is not None
            data = job.make()
            content_hash = _hash(data)
            if previous is not None and previous[1] == content_hash and existing.is_file():
                # Same bytes as before: keep the old file (and its inode) rather than rewrite.
                staged.link(job.path, existing)
                manifest.files[job.path] = (job.fingerprint or content_hash, content_hash)
                report.reused += 1
                continue
            staged.write(job.path, data)
        manifest.files[job.path] = (job.fingerprint or content_hash, content_hash)
        report.written.append(job.path)
    return manifest


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
