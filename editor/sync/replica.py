"""The client API of a replica: sign in, sync, wait for changes, fetch a body, conflicts.

What the command line runs and what the desktop app will run on its background thread
(docs/sync.md, "The client API"). Everything here is plain Python on the core's
``Database``; nothing imports Qt.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from editor.articles import get_article
from editor.database import Database, enable_replica
from editor.errors import NotAvailableOfflineError, OfflineError, RemoteError, ValidationError
from editor.i18n import _
from editor.models import Article
from editor.records import ArticleRecord, PersonRecord
from editor.sync import credentials, media_transfer
from editor.sync.capture import REMOTE
from editor.sync.push import SyncNoticeRecord, next_batch, notice_record, settle, wire
from editor.sync.remote import RemoteServer, normalise_server_url
from editor.sync.remote_apply import (
    apply_article,
    apply_deferred,
    apply_person,
    has_pending,
)
from editor.sync.remote_bulk import apply_page
from editor.sync.states import dumps, loads, with_content
from editor.sync.tables import ArticleConflict, OutboxOp, SyncNotice, SyncShadow, SyncState

#: Changes a pull page carries: the server's most (fewer requests, commits and page
#: overheads in a first sync).
PULL_BATCH = 2000
FIRST_PULL_BATCH = 200
#: Called with (stage, done, total): stage is "push" or "pull"; total 0 when unknown.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RemoteConfig:
    url: str
    handle: str
    person_id: uuid.UUID
    cafile: str | None


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: where, who, how many changes wait, what needs a look."""

    remote: RemoteConfig | None
    pending: int
    cursor: int
    conflicts: int
    unseen_notices: int


@dataclass(frozen=True)
class SyncConflict:
    """An article the server could not merge: ``theirs`` is stored, ``mine`` is the text
    that met it (as ``ConflictDialog(mine, theirs)`` takes them). Resolving is a normal
    save of the chosen text, which clears the mark on the server."""

    article_id: uuid.UUID
    person_id: uuid.UUID | None
    fields: tuple[str, ...]
    created_at: datetime
    mine: ArticleRecord
    theirs: ArticleRecord


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    applied: int
    merged: int
    conflicts: int
    refused: int
    pulled: int
    cursor: int
    notices: tuple[SyncNoticeRecord, ...]
    #: Pictures sent to and fetched from the server, and their bytes.
    pictures_up: int = 0
    pictures_down: int = 0
    bytes_up: int = 0
    bytes_down: int = 0


def _state(db: Database) -> dict[str, str]:
    with db.transaction() as session:
        return {row.key: row.value for row in session.scalars(select(SyncState))}


def _set_state(db: Database, **values: str) -> None:
    with db.transaction() as session:
        for key, value in values.items():
            row = session.get(SyncState, key)
            if row is None:
                session.add(SyncState(key=key, value=value))
            else:
                row.value = value


def remote_config(db: Database) -> RemoteConfig | None:
    """The server this replica syncs with; None in single-user mode."""
    state = _state(db)
    if not state.get("remote"):
        return None
    return RemoteConfig(
        url=state["remote"],
        handle=state.get("handle", ""),
        person_id=uuid.UUID(state["person_id"]),
        cafile=state.get("cafile") or None,
    )


@dataclass(frozen=True)
class SignInResult:
    person: PersonRecord
    #: The private file that keeps the token when no system keyring could; else None.
    token_file: Path | None


def sign_in(
    db: Database,
    url: str,
    handle: str,
    password: str,
    *,
    label: str = "",
    cafile: str | None = None,
) -> SignInResult:
    """Sign in to the newsroom server and make ``db`` its replica (an empty database, or
    one already syncing with that server). The token goes to the keyring or a 0600 file."""
    url = normalise_server_url(url)
    current = remote_config(db)
    if current is not None and current.url != url:
        raise ValidationError(
            _(
                "This database syncs with {current}. Sign in to {url} with another database "
                "(--db newsroom.db)."
            ).format(current=current.url, url=url)
        )
    if current is None:
        with db.transaction() as session:
            articles = session.scalar(select(func.count()).select_from(Article)) or 0
        if articles:
            raise ValidationError(
                _(
                    "The database {where} holds a newsroom of its own ({count} articles); "
                    "it cannot become a copy of {url}. Sign in with a new database "
                    "(--db newsroom.db), or import those articles on the server."
                ).format(where=db.url, count=articles, url=url)
            )
    with RemoteServer(url, cafile=cafile) as server:
        answer = server.login(handle, password, label)
    person = answer["person"]
    record = PersonRecord(
        id=uuid.UUID(person["id"]),
        name=person["name"],
        handle=person["handle"],
        role=person["role"],
        email=person.get("email"),
        active=bool(person.get("active", True)),
        version=int(person.get("version", 1)),
    )
    if current is not None and current.person_id != record.id and _pending(db):
        raise ValidationError(
            _(
                "Changes made here by {handle} still wait to go up; sign in as {handle} "
                "and sync first."
            ).format(handle=current.handle)
        )
    token_file = credentials.store_token(url, record.handle, answer["token"])
    with db.transaction() as session:
        # The person works offline from the first minute, before any sync.
        session.info[REMOTE] = True
        apply_person(session, person)
    _set_state(
        db,
        remote=url,
        handle=record.handle,
        person_id=str(record.id),
        cafile=str(Path(cafile).resolve()) if cafile else "",
    )
    if "cursor" not in _state(db):
        _set_state(db, cursor="0")
    enable_replica(db)
    return SignInResult(person=record, token_file=token_file)


def sign_out(db: Database) -> bool:
    """Revoke this computer's token on the server (when it answers) and forget it here.
    The replica and its outbox stay; the next sign-in carries on. True if revoked."""
    config = remote_config(db)
    if config is None:
        return False
    token = credentials.load_token(config.url, config.handle)
    revoked = False
    if token:
        try:
            with RemoteServer(config.url, token=token, cafile=config.cafile) as server:
                server.logout()
                revoked = True
        except (OfflineError, RemoteError):
            revoked = False  # forgotten here all the same; an admin can revoke it
    credentials.forget_token(config.url, config.handle)
    return revoked


def _pending(db: Database) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)


class Replica:
    """A replica and its server. Not thread-safe: one sync at a time (the GUI's sync
    thread owns one; ``cancel`` stops it between batches)."""

    def __init__(self, db: Database, *, token: str | None = None) -> None:
        self.db = db
        self.config = remote_config(db)
        self._server: RemoteServer | None = None
        #: Article states the current sync's push wrote (``states.dumps``), by id.
        self._pushed_states: dict[str, str] = {}
        self._token = token

    # --- the connection ----------------------------------------------------------------

    def _remote(self) -> RemoteServer:
        if self.config is None:
            raise ValidationError(
                _(
                    "This database is not signed in to a newsroom server (single-user mode). "
                    "Sign in first: redaksi login https://newsroom.example"
                )
            )
        if self._server is None:
            token = self._token or credentials.load_token(self.config.url, self.config.handle)
            if not token:
                from editor.errors import SignInRequiredError

                raise SignInRequiredError(
                    _("Not signed in to {url} on this computer: run redaksi login {url}.").format(
                        url=self.config.url
                    ),
                    status=401,
                    code="no_token",
                )
            self._server = RemoteServer(self.config.url, token=token, cafile=self.config.cafile)
        return self._server

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def __enter__(self) -> Replica:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- what the status bar shows -------------------------------------------------------

    def status(self) -> SyncStatus:
        with self.db.transaction() as session:
            pending = int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)
            conflicts = int(session.scalar(select(func.count()).select_from(ArticleConflict)) or 0)
            unseen = int(
                session.scalar(
                    select(func.count()).select_from(SyncNotice).where(SyncNotice.seen.is_(False))
                )
                or 0
            )
        return SyncStatus(
            remote=self.config,
            pending=pending,
            cursor=int(_state(self.db).get("cursor", "0") or 0),
            conflicts=conflicts,
            unseen_notices=unseen,
        )

    # --- sync ------------------------------------------------------------------------

    def sync(
        self, *, cancel: threading.Event | None = None, progress: Progress | None = None
    ) -> SyncReport:
        """Push the outbox in order, then pull what changed since the cursor.

        Raises OfflineError when the server cannot be reached (nothing is lost: what was
        not acknowledged stays queued and goes again, and the server answers a repeat with
        its first result) and SignInRequiredError for a refused token.
        """
        counts = {"applied": 0, "merged": 0, "conflict": 0, "refused": 0}
        self._pushed_states = {}
        notices: list[SyncNoticeRecord] = []
        # The pictures first: a described picture reaches the server after its bytes.
        sent = media_transfer.upload_waiting(self.db, self._remote(), cancel)
        pushed = self._push(counts, notices, cancel, progress)
        pulled = 0 if cancel is not None and cancel.is_set() else self._pull(cancel, progress)
        fetched = media_transfer.fetch_wanted(self.db, self._remote(), cancel)
        notices += self._notices_by_id([*sent.notices, *fetched.notices])
        return SyncReport(
            pictures_up=sent.pictures,
            pictures_down=fetched.pictures,
            bytes_up=sent.bytes,
            bytes_down=fetched.bytes,
            pushed=pushed,
            applied=counts["applied"],
            merged=counts["merged"],
            conflicts=counts["conflict"],
            refused=counts["refused"],
            pulled=pulled,
            cursor=int(_state(self.db).get("cursor", "0") or 0),
            notices=tuple(notices),
        )

    def _push(
        self,
        counts: dict[str, int],
        notices: list[SyncNoticeRecord],
        cancel: threading.Event | None,
        progress: Progress | None,
    ) -> int:
        server = self._remote()
        pushed = 0
        total = _pending(self.db)
        while cancel is None or not cancel.is_set():
            ops = next_batch(self.db)
            if not ops:
                break
            results = server.push([wire(op) for op in ops])
            settled = settle(self.db, ops, results)
            notices.extend(settled.notices)
            for outcome, count in settled.outcomes.items():
                counts[outcome] = counts.get(outcome, 0) + count
            self._pushed_states.update(settled.states)
            pushed += min(len(ops), len(results))
            if progress is not None:
                progress("push", pushed, total)
            if len(results) < len(ops):
                break  # the server stopped part-way: the rest goes at the next sync
        with self.db.transaction() as session:
            session.info[REMOTE] = True
            apply_deferred(session)
        return pushed

    def _pull(self, cancel: threading.Event | None, progress: Progress | None) -> int:
        server = self._remote()
        cursor = int(_state(self.db).get("cursor", "0") or 0)
        pulled = 0
        # The next page is fetched while this one is written: the server's reading and
        # the replica's writing overlap (a first sync of a big newsroom takes half the time).
        with ThreadPoolExecutor(max_workers=1) as fetcher:
            # A small first page: the replica starts writing while the big ones are read.
            first = min(PULL_BATCH, FIRST_PULL_BATCH)
            coming: Future[dict[str, Any]] | None = fetcher.submit(server.pull, cursor, first)
            while coming is not None:
                page = coming.result()
                coming = None
                if page.get("more") and (cancel is None or not cancel.is_set()):
                    coming = fetcher.submit(server.pull, int(page["cursor"]), PULL_BATCH)
                cursor = self._write_page(page, cursor)
                pulled += len(page.get("changes", []))
                if progress is not None:
                    progress("pull", pulled, 0)
        with self.db.transaction() as session:
            session.info[REMOTE] = True
            apply_deferred(session)
        return pulled

    def _write_page(self, page: dict[str, Any], cursor: int) -> int:
        """Apply one pulled page and move the cursor past it, in one local transaction."""
        changes = page.get("changes", [])
        # What this sync's push just wrote comes back (the pushed saves are changes too):
        # a state identical to the one written is not written again.
        fresh = [c for c in changes if not self._written_by_push(c)]
        with self.db.transaction() as session:
            session.info[REMOTE] = True
            apply_page(session, fresh)
            media_transfer.want_pictures(session, changes)
            cursor = int(page.get("cursor", cursor))
            row = session.get(SyncState, "cursor")
            if row is None:
                session.add(SyncState(key="cursor", value=str(cursor)))
            else:
                row.value = str(cursor)
        return cursor

    def _written_by_push(self, change: dict[str, Any]) -> bool:
        if change["kind"] != "article":
            return False
        written = self._pushed_states.get(str(change.get("id")))
        return written is not None and written == dumps(change.get("state"))

    def wait_for_changes(self, timeout: float = 25.0) -> bool:
        """Block until the server has something past this replica's cursor (True), or
        ``timeout`` seconds pass (False). A long-poll: the server answers the moment a
        change commits, so a save elsewhere shows here within the sync that follows."""
        cursor = int(_state(self.db).get("cursor", "0") or 0)
        return self._remote().wait(cursor, timeout) > cursor

    # --- bodies on demand ------------------------------------------------------------

    def has_body(self, article_id: uuid.UUID) -> bool:
        with self.db.transaction() as session:
            shadow = session.get(SyncShadow, article_id)
            return shadow is None or shadow.has_body

    def ensure_body(self, article_id: uuid.UUID) -> ArticleRecord:
        """The article with its body: fetched from the server when the replica does not
        carry it (and carried from then on). NotAvailableOfflineError when it cannot be."""
        if self.has_body(article_id):
            return get_article(self.db, article_id)
        try:
            state = self._remote().article(str(article_id))
        except OfflineError as error:
            raise NotAvailableOfflineError(
                _(
                    "The text of this article is not on this computer and the newsroom "
                    "server cannot be reached: it is not available offline. Connect and "
                    "open it again. ({error})"
                ).format(error=error)
            ) from error
        with self.db.transaction() as session:
            session.info[REMOTE] = True
            if not has_pending(session, article_id):
                apply_article(session, article_id, state)
            media_transfer.want_pictures(session, [{"kind": "article", "state": state}])
        return get_article(self.db, article_id)

    # --- pictures on demand ----------------------------------------------------------

    def ensure_media(self, sha256: str) -> bytes:
        """The picture's bytes: fetched from the server when this replica lacks them (and
        kept). NotAvailableOfflineError when the server cannot be reached."""
        from editor.media.library import media_bytes

        data = media_bytes(self.db, sha256)
        if data is not None:
            return data
        try:
            media_transfer.download(self.db, self._remote(), sha256)
        except OfflineError as error:
            raise NotAvailableOfflineError(
                _(
                    "The picture {sha} is not on this computer and the newsroom server "
                    "cannot be reached: it is not available offline. ({error})"
                ).format(sha=sha256[:12], error=error)
            ) from error
        return media_bytes(self.db, sha256) or b""

    # --- conflicts and notices -------------------------------------------------------

    def conflicts(self) -> list[SyncConflict]:
        with self.db.transaction() as session:
            rows = list(session.scalars(select(ArticleConflict)))
        found = []
        for row in rows:
            theirs = get_article(self.db, row.article_id)
            found.append(
                SyncConflict(
                    article_id=row.article_id,
                    person_id=row.person_id,
                    fields=tuple(f for f in row.fields.split(",") if f),
                    created_at=row.created_at,
                    mine=with_content(theirs, loads(row.mine_json)),
                    theirs=theirs,
                )
            )
        return found

    def notices(self, *, unseen_only: bool = False) -> list[SyncNoticeRecord]:
        query = select(SyncNotice).order_by(SyncNotice.at.desc())
        if unseen_only:
            query = query.where(SyncNotice.seen.is_(False))
        with self.db.transaction() as session:
            return [notice_record(n) for n in session.scalars(query)]

    def _notices_by_id(self, notice_ids: list[uuid.UUID]) -> list[SyncNoticeRecord]:
        if not notice_ids:
            return []
        with self.db.transaction() as session:
            found = session.scalars(select(SyncNotice).where(SyncNotice.id.in_(notice_ids)))
            return [notice_record(n) for n in found]

    def mark_seen(self, notice_ids: list[uuid.UUID]) -> None:
        with self.db.transaction() as session:
            for notice in session.scalars(select(SyncNotice).where(SyncNotice.id.in_(notice_ids))):
                notice.seen = True
