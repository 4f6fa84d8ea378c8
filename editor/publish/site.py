"""``publish_site``: the whole site from the database and the clock, built aside and swapped in."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
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
from editor.publish import changes, collector, private_state
from editor.publish.atomic import SiteTrees, TreeWriter
from editor.publish.body import BodyCache
from editor.publish.brand import LOGO_PATH, SHARE_PATH, Brand
from editor.publish.building import Built, build_tree
from editor.publish.delta import (
    NO_LINKS,
    NOT_PUBLIC,
    DeltaInputs,
    DeltaPlan,
    file_images_key,
    lead_images,
    links_of,
    plan_delta,
    settings_key,
    shape_of,
    stored_ranking,
)
from editor.publish.disk_errors import explained
from editor.publish.job import Job
from editor.publish.manifest import Manifest
from editor.publish.model import PublicArticle, SiteData, load_site
from editor.publish.pages import SiteInfo
from editor.publish.pictures import SitePictures, body_media
from editor.publish.plan import Planner, SidebarMode
from editor.publish.redirects import site_redirects
from editor.publish.report import (
    PublishCancelled,
    PublishError,
    PublishProblem,
    PublishReport,
)
from editor.publish.schedule import promote_due_articles
from editor.publish.sidebar import POPULAR_WINDOW, latest_entries, popular_entries, ranking
from editor.publish.state import PublishState, Snapshot
from editor.publish.translations import page_alternates

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
        sections=data.sections,
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
    cache_folder = (
        cache_dir if cache_dir is not None else trees.private / private_state.CACHE_FOLDER
    )
    private_state.make_private(cache_folder, trees.access)
    brand = Brand(settings.site_name, settings.site_logo, settings.site_icon)
    state = PublishState(trees.private, trees.access.private_file_mode)
    bodies = BodyCache(cache_folder, trees.access.private_file_mode)
    try:

        def make_planner(
            data: SiteData,
            problems: list[PublishProblem],
            ranked: list[tuple[uuid.UUID, int]],
        ) -> Planner:
            site = _site_info(settings, base_url, data, brand)
            problems.extend(brand.problems)  # the logo was read for the site's header
            pictures, body_pictures, made = _prepare_pictures(db, data, cache_folder, problems)
            report.pictures_made += made
            return Planner(
                site=site,
                data=data,
                popular=popular_entries(db, data, window=popular_window, ranked=ranked),
                latest=latest_entries(data),
                images=lead_images(data, media_dir, problems, pictures),
                bodies=bodies,
                mode=sidebar_mode,
                pictures=pictures,
                body_pictures=body_pictures,
                brand=brand,
                alternates=page_alternates(db, data, now=now, zone=settings.zone),
            )

        plan = None
        if not full and live is not None:
            inputs = DeltaInputs(
                now=now,
                zone=settings.zone,
                window=popular_window,
                media_dir=media_dir,
                live_name=live.name,
                live_root=live,
            )
            plan = plan_delta(db, state, inputs, make_planner)
        state.forget()
        if plan is not None:
            assert live is not None
            _publish_changes(plan, db, state, trees, (live, spare), bodies, report, step)
        else:
            live_manifest = trees.writer(live).read_manifest() if live is not None else None
            _publish_everything(
                make_planner,
                db,
                settings,
                state,
                trees,
                live,
                spare,
                live_manifest,
                bodies,
                report=report,
                now=now,
                full=full,
                media_dir=media_dir,
                popular_window=popular_window,
                step=step,
            )
    finally:
        bodies.close()
        state.close()
    report.bodies_rendered, report.bodies_cached = bodies.rendered, bodies.reused
    report.seconds = time.perf_counter() - started
    if progress is not None:
        progress(report.files, report.files, "Published")
    return report


def _publish_everything(
    make_planner: Callable[[SiteData, list[PublishProblem], list[tuple[uuid.UUID, int]]], Planner],
    db: Database,
    settings: Settings,
    state: PublishState,
    trees: SiteTrees,
    live: Path | None,
    spare: Path,
    live_manifest: Manifest | None,
    bodies: BodyCache,
    *,
    report: PublishReport,
    now: datetime,
    full: bool,
    media_dir: Path | None,
    popular_window: timedelta,
    step: Progress,
) -> None:
    """Plan every file of the site and bring the hidden tree level with it."""
    # Read before the articles: what changes meanwhile is seen by the next publish.
    with db.transaction() as session:
        mark = changes.article_mark(session)
        tables = changes.table_marks(session)
        versions = changes.all_versions(session)
        views = changes.views_mark(session)
    links = links_of(db, None)
    ranked = ranking(db, now, popular_window)
    data = load_site(db, now=now, zone=settings.zone)
    report.articles = len(data.articles)
    problems: list[PublishProblem] = []
    planner = make_planner(data, problems, ranked)
    # Before anything is built: even a publish that fails later takes retracted text out.
    bodies.keep_only({str(article.id) for article in data.articles})
    jobs = planner.jobs()
    redirects, report.redirects = site_redirects(
        db, data, planner.site, {job.path for job in jobs}, report.problems
    )
    jobs += redirects
    _check_unique(jobs)
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
    step(len(jobs), len(jobs), "Swapping in the new site")
    trees.swap_to(spare)
    # The first publish has no second tree to level: the next one plans everything again.
    levelled = False
    if live is not None:
        levelled = _level(trees.writer(live), live_manifest, spare, built, full=full, report=report)
    if live_manifest is not None:
        report.removed = sorted(set(live_manifest.files) - set(built.manifest.files))
    problems += _body_problems(data.articles, data, bodies)
    report.problems += problems
    if not levelled:
        return
    shapes = {
        a.id.hex: shape_of(a, planner.body_pictures.get(a.id, []), links.get(a.id, NO_LINKS)[0])
        for a in data.articles
    }
    # Old addresses count only for public articles: only those make redirects.
    addresses = {a.id.hex: links.get(a.id, NO_LINKS)[1] for a in data.articles}
    articles = {
        a: (v, shapes.get(a, NOT_PUBLIC), addresses.get(a, "")) for a, v in versions.items()
    }
    snapshot = Snapshot(
        settings=settings_key(planner, popular_window, media_dir),
        now=now.isoformat(),
        marks={
            "tables": tables,
            "articles": [mark.count, mark.versions, mark.newest_update],
            "public": len(data.articles),
            "views": views,
        },
        rankings=stored_ranking(ranked),
        sidebar=planner.sidebar_key,
        live=spare.name,
        file_images=file_images_key(list(data.articles), media_dir),
        files=len(built.manifest.files),
        redirects=report.redirects,
        problems=[(p.path, p.reason) for p in problems],
    )
    state.record(
        snapshot,
        articles,
        built.manifest.files,
        complete=True,
        redirects=[job.path for job in redirects],
    )


def _publish_changes(
    plan: DeltaPlan,
    db: Database,
    state: PublishState,
    trees: SiteTrees,
    pair: tuple[Path, Path],
    bodies: BodyCache,
    report: PublishReport,
    step: Progress,
) -> None:
    """Make only the files the changed articles show in, carrying the rest over.

    Neither tree's manifest file is read or rewritten: the state holds both trees'
    entries (they are level), and the paths that change are marked pending in each
    manifest, so a publish that plans everything later makes them again.
    """
    live, spare = pair
    report.articles = int(plan.snapshot.marks.get("public", 0))  # type: ignore[call-overload]
    redirects = plan.redirects
    gone = redirects.gone if redirects is not None else []
    report.redirects = redirects.count if redirects is not None else plan.snapshot.redirects
    _remove(trees.writer(spare), gone)
    entries = Manifest(state.files(job.path for job in plan.jobs))
    built = build_tree(
        trees.writer(spare),
        plan.jobs,
        live,
        entries,
        bodies,
        db,
        plan.data,
        full=False,
        report=report,
        step=step,
        carry=True,
    )
    step(len(plan.jobs), len(plan.jobs), "Swapping in the new site")
    trees.swap_to(spare)
    report.reused = plan.snapshot.files - len(report.written)
    changed = {p: e for p, e in built.manifest.files.items() if entries.files.get(p) != e}
    report.removed = gone
    levelled = True
    try:
        writer = trees.writer(live)
        writer.mark_pending(changed)
        for path in changed:
            writer.link(path, spare / path)
        _remove(writer, gone)
    except OSError as error:
        levelled = False
        report.problems.append(
            PublishProblem(
                str(live), _("could not update the standby copy: {error}").format(error=error)
            )
        )
    changed_urls = {a.url for a in plan.changed}
    fresh = [p for p in plan.problems if p.path in changed_urls]
    fresh += _body_problems(plan.changed, plan.data, bodies)
    if redirects is not None:
        report.problems += redirects.problems
    report.problems += [PublishProblem(path, reason) for path, reason in plan.snapshot.problems]
    report.problems += fresh
    if levelled:
        snapshot = replace(
            plan.snapshot,
            live=spare.name,
            redirects=report.redirects,
            problems=plan.snapshot.problems + [(p.path, p.reason) for p in fresh],
        )
        state.record(
            snapshot,
            plan.articles,
            changed,
            complete=False,
            redirects=redirects.files if redirects is not None else None,
            gone=gone,
        )


def _remove(writer: TreeWriter, paths: list[str]) -> None:
    """Take files out of a tree, marked pending first (its manifest stops vouching)."""
    if paths:
        writer.mark_pending(paths)
        for path in paths:
            writer.remove(path)


def _body_problems(
    articles: Iterable[PublicArticle], data: SiteData, bodies: BodyCache
) -> list[PublishProblem]:
    found = []
    for article in articles:
        if article.id not in data.bodies:
            continue
        problem = bodies.problems.get(bodies.key(data.bodies[article.id], article.language))
        if problem:
            found.append(PublishProblem(article.url, problem))
    return found


def _prepare_pictures(
    db: Database, data: SiteData, cache_root: Path, problems: list[PublishProblem]
) -> tuple[SitePictures, dict[Any, list[str]], int]:
    """The library pictures the site shows, their renditions made (only those not made
    before), each article's body pictures, and how many renditions were made."""
    body_pictures = body_media(db, data.by_id)
    lead = {parse_media_ref(a.lead_image) for a in data.articles if is_media_ref(a.lead_image)}
    wanted = {sha for sha in lead if sha} | {sha for refs in body_pictures.values() for sha in refs}
    pictures = SitePictures(RenditionCache(cache_root / "media"))
    pictures.prepare(media_records(db, wanted), wanted, lambda sha: media_bytes(db, sha))
    for article in data.articles:
        for sha in body_pictures.get(article.id, ()):
            if sha in pictures.unusable:
                problems.append(pictures.problem(article.url, sha))
    return pictures, body_pictures, pictures.cache.made


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
) -> bool:
    """Make the tree that just went out of view equal to the live one (for the next publish).

    False when it could not: the next publish then has to look at every file."""
    manifest = built.manifest
    try:
        # Its manifest is trusted (only this code writes it, and a stopped run leaves it
        # listing just the files that were certainly untouched), except after --full:
        # a file edited by hand may sit in both trees. Then a file is level only when it
        # is the very file the new tree holds (whose bytes the publish checked).
        old = own.files if own is not None else {}
        if not full and old == manifest.files:
            return True
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
        return True
    except OSError as error:
        # The new site is already live; the next publish simply has more to copy.
        report.problems.append(
            PublishProblem(
                str(writer.root),
                _("could not update the standby copy: {error}").format(error=error),
            )
        )
        return False
