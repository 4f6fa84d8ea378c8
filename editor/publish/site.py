"""``publish_site``: the whole site from the database and the clock, built aside and swapped in."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from editor.config import Settings
from editor.database import Database
from editor.i18n import _
from editor.media.library import media_bytes, media_records
from editor.media.refs import is_media_ref, parse_media_ref
from editor.media.renditions import RenditionCache
from editor.publish import collector, private_state
from editor.publish.assets import resolve_lead_image
from editor.publish.atomic import SiteTrees, TreeWriter
from editor.publish.body import BodyCache
from editor.publish.brand import LOGO_PATH, SHARE_PATH, Brand
from editor.publish.building import Built, build_tree
from editor.publish.disk_errors import explained
from editor.publish.manifest import Manifest
from editor.publish.model import SiteData, load_site
from editor.publish.pages import SiteInfo
from editor.publish.pictures import SitePictures, body_media
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


def _site_info(settings: Settings, base_url: str | None, data: SiteData, brand: Brand) -> SiteInfo:
    base = (base_url or settings.base_url or "").strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PublishError(
            _(
                "The base URL {base!r} is not a web address. Give the site's address, "
                "for example --base-url https://berita.example.id"
            ).format(base=base)
        )
    nav = tuple(s for s in data.sections if s.parent_id is None)
    nav = tuple(sorted(nav, key=lambda s: (s.position, s.name, s.id)))
    logo = brand.logo
    return SiteInfo(
        name=settings.site_name,
        base=base,
        root=parts.path.rstrip("/"),
        zone=settings.zone,
        nav=nav,
        logo=("/" + LOGO_PATH, logo.width, logo.height),
        logo_in_header=brand.custom_logo,
        share_image="/" + SHARE_PATH,
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
    popular_window: timedelta = POPULAR_WINDOW,
    run_scheduler: bool = True,
) -> PublishReport:
    """Publish every public article at ``now`` into ``out_dir``; see editor/publish/__init__.

    ``now`` defaults to the real clock and may be earlier (tests; the site as it stood
    then), never later: a site dated ahead would show what is not public yet. First the
    scheduled articles that are due are published (``run_scheduler``), so the site has them.
    """
    started = time.perf_counter()
    if sidebar_mode not in ("embed", "ssi"):
        raise PublishError(
            _("Unknown sidebar mode {sidebar_mode!r}: use 'embed' or 'ssi'.").format(
                sidebar_mode=sidebar_mode
            )
        )
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise PublishError(_("The publish time needs a time zone (for example 2026-01-17T03:36Z)."))
    if now > datetime.now(UTC):
        raise PublishError(
            _(
                "{now} has not come yet: a publish never shows what is not public yet (embargoed "
                "or scheduled articles). Publish without a time, or with one already past."
            ).format(now=now.isoformat())
        )
    out_dir = Path(out_dir).absolute()
    trees = SiteTrees(out_dir)
    try:
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
                run_scheduler=run_scheduler,
                started=started,
            )
    except OSError as error:
        problem = explained(error, out_dir)
        if problem is None:
            raise
        raise problem from None


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
    run_scheduler: bool,
    started: float,
) -> PublishReport:
    out_dir = trees.out
    live, spare = trees.prepare()
    report = PublishReport(out_dir=out_dir, full=full)

    def step(done: int, total: int, message: str) -> None:
        if cancel is not None and cancel():
            raise PublishCancelled(_("Publishing was cancelled; the previous site is unchanged."))
        if progress is not None:
            progress(done, total, message)

    step(0, 0, "Reading articles")
    if run_scheduler:
        report.promoted = promote_due_articles(db, now)
    data = load_site(db, now=now, zone=settings.zone)
    report.articles = len(data.articles)
    brand = Brand(settings.site_name, settings.site_logo, settings.site_icon)
    site = _site_info(settings, base_url, data, brand)
    report.problems.extend(brand.problems)
    cache_folder = (
        cache_dir if cache_dir is not None else trees.private / private_state.CACHE_FOLDER
    )
    private_state.make_private(cache_folder, trees.access)
    step(0, 0, "Preparing pictures")
    pictures, body_pictures = _prepare_pictures(db, data, cache_folder, report)
    images = {
        a.id: resolve_lead_image(a.lead_image, media_dir, report.problems, a.url, pictures)
        for a in data.articles
        if a.lead_image
    }
    bodies = BodyCache(cache_folder, trees.access.private_file_mode)
    # Before anything is built: even a publish that fails later takes retracted text out.
    bodies.keep_only({str(article.id) for article in data.articles})
    planner = Planner(
        site=site,
        data=data,
        popular=popular_entries(db, data, window=popular_window),
        latest=latest_entries(data),
        images=images,
        bodies=bodies,
        mode=sidebar_mode,
        pictures=pictures,
        body_pictures=body_pictures,
        brand=brand,
    )
    jobs = planner.jobs()
    _check_unique(jobs)
    live_manifest = trees.writer(live).read_manifest() if live is not None else None
    try:
        built = build_tree(
            trees.writer(spare),
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
    manifest = built.manifest
    step(len(jobs), len(jobs), "Swapping in the new site")
    trees.swap_to(spare)
    if live is not None:
        _level(trees.writer(live), live_manifest, spare, built, full=full, report=report)
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


def _prepare_pictures(
    db: Database, data: SiteData, cache_root: Path, report: PublishReport
) -> tuple[SitePictures, dict[Any, list[str]]]:
    """The library pictures the site shows, their renditions made (only those not made
    before), and each article's body pictures."""
    body_pictures = body_media(db, data.by_id)
    lead = {parse_media_ref(a.lead_image) for a in data.articles if is_media_ref(a.lead_image)}
    wanted = {sha for sha in lead if sha} | {sha for refs in body_pictures.values() for sha in refs}
    pictures = SitePictures(RenditionCache(cache_root / "media"))
    pictures.prepare(media_records(db, wanted), wanted, lambda sha: media_bytes(db, sha))
    report.pictures_made = pictures.cache.made
    for article in data.articles:
        for sha in body_pictures.get(article.id, ()):
            if sha in pictures.unusable:
                report.problems.append(pictures.problem(article.url, sha))
    return pictures, body_pictures


def _check_unique(jobs: list[Job]) -> None:
    seen: set[str] = set()
    for job in jobs:
        if job.path in seen:
            raise PublishError(
                _(
                    "Two outputs would both be written to {path}. Rename the section or tag "
                    "that shares its address with another page."
                ).format(path=job.path)
            )
        seen.add(job.path)


def _level(
    writer: TreeWriter,
    own: Manifest | None,
    new: Path,
    built: Built,
    *,
    full: bool,
    report: PublishReport,
) -> None:
    """Make the tree that just went out of view equal to the live one (for the next publish)."""
    manifest = built.manifest
    try:
        # Its manifest is trusted (only this code writes it, and a stopped run leaves it
        # listing just the files that were certainly untouched), except after --full:
        # a file edited by hand may sit in both trees. Then a file is level only when it
        # is the very file the new tree holds (whose bytes the publish checked).
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
            if full and writer.shares(path, source):
                return
            writer.link(path, source)

        if full:
            paths = [path for path in manifest.files if path not in built.shared]
        else:
            paths = [path for path, entry in manifest.files.items() if old.get(path) != entry]
        if len(paths) < THREADS_FROM:
            for path in paths:
                level(path)
        else:
            # Pure file-system work (stats, links over old files): threads overlap it.
            with ThreadPoolExecutor(LEVEL_THREADS) as pool:
                list(pool.map(level, paths))
        for path in sorted(set(old) - set(manifest.files)):
            writer.remove(path)
        writer.write_manifest(manifest)
    except OSError as error:
        # The new site is already live; the next publish simply has more to copy.
        report.problems.append(
            PublishProblem(
                str(writer.root),
                _("could not update the standby copy: {error}").format(error=error),
            )
        )
