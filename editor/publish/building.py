"""Bringing the hidden tree up to date with a publish's jobs, on every core when it pays.

Each job ends in one of three ways: the hidden tree already holds its bytes (kept), the
live tree holds them and the file is shared with it as a hard link (shared), or it is
written. Files are made in job order; a full publish of thousands of files is spread
over worker processes forked from the publishing process, which inherit the planned jobs
and rendered bodies and send back only each file's manifest entry.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from editor.database import Database
from editor.publish import collector
from editor.publish.atomic import TreeWriter
from editor.publish.body import BodyCache
from editor.publish.forking import fork_is_safe, frozen_for_fork
from editor.publish.job import Job
from editor.publish.manifest import Manifest
from editor.publish.model import SiteData, load_bodies
from editor.publish.report import PublishReport

Entry = tuple[str, str]
KEPT, SHARED, WRITTEN = "kept", "shared", "written"
#: Kept, and already the very file (hard link) the live tree holds.
KEPT_SHARED = "kept shared"
#: How often (in files) progress is reported and cancel is asked; also the batch a
#: worker process makes at a time.
CHECK_EVERY = 50
#: Below this many files to make, starting worker processes costs more than it saves.
PARALLEL_FROM = 2000
BATCH = 250


@dataclass
class Built:
    manifest: Manifest
    #: Paths the hidden tree now shares with the live one (their bytes checked).
    shared: set[str]


@dataclass(frozen=True)
class _Work:
    """What making a file needs; forked workers inherit it."""

    jobs: Sequence[Job]
    writer: TreeWriter
    live: TreeWriter | None
    old: dict[str, Entry]
    was_live: dict[str, Entry]
    full: bool


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _produce(work: _Work, job: Job) -> tuple[Entry, str]:
    """Make one file and put it in the hidden tree: its manifest entry and how it ended.

    ``full`` trusts no manifest: a file is only kept or shared after its bytes are read
    and compared, so a full publish repairs a tree edited by hand.
    """
    if job.source is not None:
        content = job.source.read_bytes()
    else:
        assert job.make is not None
        with collector.collecting():
            content = job.make()
    content_hash = _hash(content)
    entry = (job.fingerprint or content_hash, content_hash)
    mine, theirs = work.old.get(job.path), work.was_live.get(job.path)
    live = work.live
    if (
        mine is not None
        and mine[1] == content_hash
        and (not work.full or work.writer.holds(job.path, content))
    ):
        # Checked here, in parallel, so levelling the trees afterwards can skip it.
        if work.full and live is not None and work.writer.shares(job.path, live.root / job.path):
            return entry, KEPT_SHARED
        return entry, KEPT
    if (
        live is not None
        and theirs is not None
        and theirs[1] == content_hash
        and (not work.full or live.holds(job.path, content))
    ):
        work.writer.link(job.path, live.root / job.path)
        return entry, SHARED
    work.writer.write(job.path, content, exists=mine is not None)
    return entry, WRITTEN


_INHERITED: _Work | None = None


def _start_worker(bodies: BodyCache) -> None:
    # The publish pauses the collector; the worker renders, which leaves cycles.
    gc.enable()
    # Every body was rendered before the fork; the cache's database connection belongs
    # to the parent and must not be used (or closed) from here.
    bodies.forget_connection()


def _parallel_workers(count: int) -> int:
    """How many processes to make ``count`` files with; 0 means in this process."""
    cores = os.cpu_count() or 1
    if count < PARALLEL_FROM or cores < 2 or not fork_is_safe():
        return 0
    return min(cores, 8)


def _produced(
    work: _Work, todo: list[int], bodies: BodyCache
) -> Iterator[tuple[int, tuple[Entry, str]]]:
    """(job index, result) for each job in ``todo``, in order."""
    workers = _parallel_workers(len(todo))
    if not workers:
        for index in todo:
            yield index, _produce(work, work.jobs[index])
        return
    global _INHERITED
    _INHERITED = work
    batches = [todo[start : start + BATCH] for start in range(0, len(todo), BATCH)]
    try:
        with (
            frozen_for_fork(),
            get_context("fork").Pool(workers, _start_worker, (bodies,)) as pool,
        ):
            results = pool.imap(_produce_list, batches)
            for batch, produced in zip(batches, results, strict=True):
                yield from zip(batch, produced, strict=True)
    finally:
        _INHERITED = None


def _produce_list(indexes: list[int]) -> list[tuple[Entry, str]]:
    assert _INHERITED is not None
    return [_produce(_INHERITED, _INHERITED.jobs[i]) for i in indexes]


def old_fingerprints(own: Manifest | None, jobs: Sequence[Job]) -> set[str]:
    """The jobs whose file is certainly unchanged: its fingerprint is the recorded one."""
    files = own.files if own is not None else {}
    return {job.path for job in jobs if job.path in files and files[job.path][0] == job.fingerprint}


def build_tree(
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
    carry: bool = False,
) -> Built:
    """Bring the hidden tree up to date with ``jobs``; return its new manifest.

    ``full`` makes every file again and trusts no fingerprint; a file whose bytes on
    disk already equal the new ones is left as it is, so a full publish repairs a
    damaged tree without rewriting the rest. ``carry``: ``jobs`` are only the files that
    may have changed, every other file of the tree stays as it is, ``live_manifest``
    holds the entries of both trees (level) for the jobs' paths, and the tree's manifest
    file is not rewritten: the paths that may change are marked pending in it, and the
    caller keeps their new entries (``state``).
    """
    if carry:
        # Only the jobs' own entries (the caller's record of both trees, which are level).
        own = live_manifest
        by_path = {job.path: job for job in jobs}
        # The text manifest stops vouching for these files; the caller records them.
        writer.mark_pending(path for path in by_path if path not in old_fingerprints(own, jobs))
        old = own.files if own is not None else {}
        trimmed = False
    else:
        own = writer.read_manifest()
        old = own.files if own is not None else {}
        by_path = {job.path: job for job in jobs}
        # Before touching anything, record only what will certainly stay: if this publish
        # stops half-way, the next one knows exactly which files it can still trust.
        kept = {
            p: e
            for p, e in old.items()
            if not full and p in by_path and by_path[p].fingerprint == e[0]
        }
        trimmed = kept != old or own is None
        if own is None:
            writer.write_manifest(Manifest())
        elif trimmed:
            writer.mark_pending(p for p in old if p not in kept)
    was_live = live_manifest.files if live_manifest is not None else {}
    results: list[tuple[Entry, str] | None] = [None] * len(jobs)
    todo: list[int] = []
    for index, job in enumerate(jobs):
        mine, theirs = old.get(job.path), was_live.get(job.path)
        if full or job.fingerprint is None:
            todo.append(index)
        elif mine is not None and mine[0] == job.fingerprint:
            results[index] = (mine, KEPT)
        elif live is not None and theirs is not None and theirs[0] == job.fingerprint:
            writer.link(job.path, live / job.path)
            results[index] = (theirs, SHARED)
        else:
            todo.append(index)
    step(0, len(jobs), "Rendering article bodies")
    needed = {article.id: article for i in todo for article in jobs[i].bodies}
    load_bodies(db, data, set(needed))
    bodies.prepare((str(i), data.bodies[i], a.language) for i, a in needed.items())
    work = _Work(
        jobs=jobs,
        writer=writer,
        live=TreeWriter(live) if live is not None else None,
        old=old,
        was_live=was_live,
        full=full,
    )
    total = len(jobs)
    for done, (index, made) in enumerate(_produced(work, todo, bodies)):
        if done % CHECK_EVERY == 0:
            step(done, total, jobs[index].path)
        results[index] = made
    manifest = Manifest()
    shared: set[str] = set()
    for job, result in zip(jobs, results, strict=True):
        assert result is not None
        entry, how = result
        manifest.files[job.path] = entry
        theirs = was_live.get(job.path)
        if how in (SHARED, KEPT_SHARED):
            shared.add(job.path)
        if how in (KEPT, KEPT_SHARED) or (theirs is not None and theirs[1] == entry[1]):
            report.reused += 1
        else:
            report.written.append(job.path)
    if carry:
        return Built(manifest, shared)
    for path in sorted(set(old) - set(manifest.files)):
        writer.remove(path)
    if full:
        writer.remove_strays(set(manifest.files))
    if trimmed or manifest.files != old or full:
        writer.write_manifest(manifest)
    return Built(manifest, shared)
