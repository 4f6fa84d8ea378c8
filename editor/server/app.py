"""The newsroom server's HTTP API (JSON, under ``/api/v1``); docs/sync.md lists it.

Every request but ``login`` carries ``Authorization: Bearer TOKEN`` and acts as that
token's person through the core services, which enforce roles, transitions, the checklist
and the audit log. Errors come back as ``{"error": message, "code": ...}`` with the
message the core wrote for people.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from editor import __version__
from editor.database import SCHEMA_HEAD, Database, enable_change_feed, open_database
from editor.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    RedaksiError,
    SignInRequiredError,
    ValidationError,
)
from editor.i18n import _
from editor.media.blob_store import HashMismatch, OffsetMismatch
from editor.models import Person
from editor.records import PersonRecord
from editor.server.media import MediaEndpoints, ServerBusy, TooBig
from editor.server.notices import ChangeNotices
from editor.server.requests import read_json
from editor.sync.apply_batch import apply_ops
from editor.sync.feed import DEFAULT_PULL_LIMIT, pull
from editor.sync.snapshots import article_states, person_state
from editor.sync.tables import BodySubscription
from editor.sync.tokens import check_token, list_tokens, revoke_token, sign_in
from editor.workflow.roles import load_actor

DB_ENV = "REDAKSI_SERVER_DB"
#: A push carries at most this many ops, and a request body at most this many bytes
#: (two copies of a body at the core's 2,000,000-character limit fit).
MAX_OPS = 500
MAX_REQUEST_BYTES = 64 * 1024 * 1024
MAX_WAIT_SECONDS = 60.0
STATUS_OF: tuple[tuple[type[RedaksiError], int], ...] = (
    (SignInRequiredError, 401),
    (TooBig, 413),
    (ServerBusy, 503),
    (HashMismatch, 422),
    (OffsetMismatch, 409),
    (PermissionDenied, 403),
    (NotFoundError, 404),
    (ConflictError, 409),
    (ValidationError, 400),
)


def _error(message: str, status: int, code: str = "") -> JSONResponse:
    return JSONResponse({"error": message, "code": code}, status_code=status)


def _status(error: RedaksiError) -> int:
    for kind, status in STATUS_OF:
        if isinstance(error, kind):
            return status
    return 400


async def _json(request: Request) -> Any:
    return await read_json(request, MAX_REQUEST_BYTES)


class Server:
    """The endpoints over one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.notices = ChangeNotices(db)

    async def _person(self, request: Request) -> tuple[PersonRecord, uuid.UUID]:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        return await run_in_threadpool(check_token, self.db, token)

    def endpoint(
        self, handler: Callable[..., Any], *, signed_in: bool = True
    ) -> Callable[[Request], Any]:
        async def run(request: Request) -> Response:
            try:
                if signed_in:
                    person, token_id = await self._person(request)
                    result = await handler(request, person, token_id)
                else:
                    result = await handler(request)
            except RedaksiError as error:
                return _error(str(error), _status(error), getattr(error, "code", ""))
            return result if isinstance(result, Response) else JSONResponse(result)

        return run

    async def login(self, request: Request) -> Any:
        data = await _json(request)
        handle, password = str(data.get("handle", "")), str(data.get("password", ""))
        label = str(data.get("label", ""))
        try:
            token, person = await run_in_threadpool(
                lambda: sign_in(self.db, handle, password, label=label)
            )
        except PermissionDenied as error:
            raise SignInRequiredError(str(error), status=401, code="sign_in_refused") from None
        return {"token": token, "person": await run_in_threadpool(self._person_state, person.id)}

    def _person_state(self, person_id: uuid.UUID) -> Any:
        with self.db.transaction() as session:
            return person_state(load_actor(session, person_id))

    async def hello(self, _request: Request, person: PersonRecord, _token: uuid.UUID) -> Any:
        return {
            "server": "redaksi",
            "version": __version__,
            "schema": SCHEMA_HEAD,
            "person": await run_in_threadpool(self._person_state, person.id),
        }

    async def logout(self, _request: Request, person: PersonRecord, token: uuid.UUID) -> Any:
        await run_in_threadpool(revoke_token, self.db, token, actor_id=person.id)
        return {"revoked": str(token)}

    async def push(self, request: Request, person: PersonRecord, _token: uuid.UUID) -> Any:
        data = await _json(request)
        ops = data.get("ops")
        if not isinstance(ops, list) or len(ops) > MAX_OPS:
            raise ValidationError(
                _("A push carries a list of at most {limit} changes.").format(limit=MAX_OPS)
            )
        for op in ops:
            if not isinstance(op, dict) or "op_id" not in op:
                raise ValidationError(_("A change without an id cannot be taken."))
            try:
                uuid.UUID(str(op["op_id"]))
            except ValueError:
                raise ValidationError(_("A change without an id cannot be taken.")) from None
        # In order, in one transaction (a later op may build on an earlier one); a refused
        # op comes back with its reason and does not hold up the others.
        results = await run_in_threadpool(apply_ops, self.db, person.id, ops)
        return {"results": results}

    async def pull(self, request: Request, person: PersonRecord, _token: uuid.UUID) -> Any:
        after = _int(request.query_params.get("after"), 0)
        limit = _int(request.query_params.get("limit"), DEFAULT_PULL_LIMIT)

        def work() -> Any:
            with self.db.transaction() as session:
                return pull(session, load_actor(session, person.id), after=after, limit=limit)

        return await run_in_threadpool(work)

    async def wait(self, request: Request, _person: PersonRecord, _token: uuid.UUID) -> Any:
        after = _int(request.query_params.get("after"), 0)
        timeout = min(_seconds(request.query_params.get("timeout"), 25.0), MAX_WAIT_SECONDS)
        return {"cursor": await self.notices.wait_past(after, max(0.0, timeout))}

    async def article(self, request: Request, person: PersonRecord, _token: uuid.UUID) -> Any:
        try:
            article_id = uuid.UUID(request.path_params["article_id"])
        except ValueError:
            raise NotFoundError(_("That is not an article id.")) from None

        def work() -> Any:
            with self.db.transaction() as session:
                reader = session.get(Person, person.id)
                assert reader is not None
                state = article_states(session, reader, [article_id], bodies={article_id})
                found = state.get(article_id)
                if found is None:
                    raise NotFoundError(
                        _("No article with id {article_id} that you may read.").format(
                            article_id=article_id
                        )
                    )
                if session.get(BodySubscription, (person.id, article_id)) is None:
                    # From now on this person's replica carries the body.
                    session.add(BodySubscription(person_id=person.id, article_id=article_id))
                return found

        return await run_in_threadpool(work)

    async def tokens(self, _request: Request, person: PersonRecord, _token: uuid.UUID) -> Any:
        found = await run_in_threadpool(lambda: list_tokens(self.db, actor_id=person.id))
        return {"tokens": [_token_json(t) for t in found]}

    async def revoke(self, request: Request, person: PersonRecord, _token: uuid.UUID) -> Any:
        try:
            token_id = uuid.UUID(request.path_params["token_id"])
        except ValueError:
            raise NotFoundError(_("That is not a sign-in id.")) from None
        record = await run_in_threadpool(
            lambda: revoke_token(self.db, token_id, actor_id=person.id)
        )
        return _token_json(record)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        raise ValidationError(_("'{text}' is not a whole number.").format(text=text)) from None


def _seconds(text: str | None, default: float) -> float:
    """A number of seconds, whole or not ("25", "2.5"); nothing else."""
    try:
        seconds = float(text) if text is not None else default
    except ValueError:
        seconds = float("nan")
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        raise ValidationError(_("'{text}' is not a number of seconds.").format(text=text))
    return seconds


def _token_json(token: Any) -> dict[str, Any]:
    return {
        "id": str(token.id),
        "person_id": str(token.person_id),
        "handle": token.handle,
        "label": token.label,
        "created_at": token.created_at.isoformat(),
        "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
        "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
    }


def create_app(db: Database) -> Starlette:
    enable_change_feed(db)
    server = Server(db)
    media = MediaEndpoints(db)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        server.notices.start()
        try:
            yield
        finally:
            server.notices.stop()
            db.close()

    routes = [
        Route("/api/v1/login", server.endpoint(server.login, signed_in=False), methods=["POST"]),
        Route("/api/v1/hello", server.endpoint(server.hello), methods=["GET"]),
        Route("/api/v1/logout", server.endpoint(server.logout), methods=["POST"]),
        Route("/api/v1/push", server.endpoint(server.push), methods=["POST"]),
        Route("/api/v1/pull", server.endpoint(server.pull), methods=["GET"]),
        Route("/api/v1/wait", server.endpoint(server.wait), methods=["GET"]),
        Route("/api/v1/articles/{article_id}", server.endpoint(server.article), methods=["GET"]),
        Route("/api/v1/tokens", server.endpoint(server.tokens), methods=["GET"]),
        Route("/api/v1/media/missing", server.endpoint(media.missing), methods=["POST"]),
        Route(
            "/api/v1/media/{sha}/upload",
            server.endpoint(media.upload_status),
            methods=["GET"],
        ),
        Route("/api/v1/media/{sha}/upload", server.endpoint(media.upload), methods=["PUT"]),
        Route("/api/v1/media/{sha}", server.endpoint(media.download), methods=["GET"]),
        Route(
            "/api/v1/tokens/{token_id}/revoke",
            server.endpoint(server.revoke),
            methods=["POST"],
        ),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


def app_from_environment() -> Starlette:
    """The app for uvicorn's workers: the database URL comes from REDAKSI_SERVER_DB."""
    return create_app(open_database(os.environ[DB_ENV]))
