"""Signing in to the newsroom server: a password gives a random, revocable token.

The server keeps only the token's SHA-256; the token itself is shown once, to the client
that asked. Every request carries it; a revoked token, or one whose person is no longer
active, is refused. Failed sign-ins and revocations are in the audit log.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from editor.database import Database
from editor.errors import NotFoundError, PermissionDenied, SignInRequiredError, ValidationError
from editor.i18n import _
from editor.models import Person, utcnow
from editor.people import _record
from editor.records import PersonRecord
from editor.sync.tables import ApiToken
from editor.workflow.audit import add_entry, record_refusal
from editor.workflow.passwords import authenticate
from editor.workflow.roles import has_permission, refusal_message

TOKEN_BYTES = 32
MAX_LABEL = 200
#: ``last_used_at`` is written at most this often per token (not on every request).
TOUCH_EVERY = timedelta(minutes=5)


@dataclass(frozen=True)
class TokenRecord:
    id: uuid.UUID
    person_id: uuid.UUID
    handle: str
    label: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def sign_in(
    db: Database, handle: str, password: str, *, label: str = ""
) -> tuple[str, PersonRecord]:
    """A new token for the person; PermissionDenied for a wrong handle or password (audited
    once, by ``authenticate``, as a sign-in refused at the newsroom server)."""
    person = authenticate(db, handle, password, where="newsroom server")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with db.transaction() as session:
        session.add(
            ApiToken(
                person_id=person.id,
                token_hash=token_hash(token),
                label=label.strip()[:MAX_LABEL],
                created_at=utcnow(),
            )
        )
        add_entry(session, action="sign_in", actor_id=person.id, note=label.strip()[:MAX_LABEL])
    return token, person


def _refused() -> SignInRequiredError:
    return SignInRequiredError(
        _(
            "The newsroom server no longer accepts this computer's sign-in (it was revoked, "
            "or the person is no longer active). Sign in again: redaksi login URL."
        ),
        status=401,
        code="token_refused",
    )


def check_token(db: Database, token: str) -> tuple[PersonRecord, uuid.UUID]:
    """The person a token acts for, and the token's id; SignInRequiredError otherwise."""
    if not token:
        raise _refused()
    now = utcnow()
    with db.transaction() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
        if row is None or row.revoked_at is not None:
            raise _refused()
        person = session.get(Person, row.person_id)
        if person is None or not person.active:
            raise _refused()
        token_id = row.id
        stale = row.last_used_at is None or now - row.last_used_at > TOUCH_EVERY
        record = _record(person)
    if stale:
        with db.transaction() as session:
            touched = session.get(ApiToken, token_id)
            if touched is not None:
                touched.last_used_at = now
    return record, token_id


def _token_record(row: ApiToken, handle: str) -> TokenRecord:
    return TokenRecord(
        id=row.id,
        person_id=row.person_id,
        handle=handle,
        label=row.label,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
    )


def list_tokens(db: Database, *, actor_id: uuid.UUID) -> list[TokenRecord]:
    """Every token for an admin (manage_people); a person's own tokens otherwise."""
    with db.transaction() as session:
        actor = session.get(Person, actor_id)
        query = select(ApiToken, Person.handle).join(Person, Person.id == ApiToken.person_id)
        if actor is None or not has_permission(actor.role, "manage_people"):
            query = query.where(ApiToken.person_id == actor_id)
        rows = session.execute(query.order_by(ApiToken.created_at.desc())).all()
        return [_token_record(row, handle) for row, handle in rows]


def revoke_token(db: Database, token_id: uuid.UUID, *, actor_id: uuid.UUID) -> TokenRecord:
    """Revoke a token: one's own, or anyone's for an admin; audited, refusals too."""
    refusal = ""
    with db.transaction() as session:
        row = session.get(ApiToken, token_id)
        actor = session.get(Person, actor_id)
        if row is None or actor is None:
            raise NotFoundError(
                _("No sign-in with id {token_id}: see 'redaksi tokens list'.").format(
                    token_id=token_id
                )
            )
        if row.person_id != actor_id and not has_permission(actor.role, "manage_people"):
            refusal = refusal_message(actor, "manage_people")
        else:
            if row.revoked_at is None:
                row.revoked_at = utcnow()
            handle = session.scalar(select(Person.handle).where(Person.id == row.person_id)) or ""
            add_entry(
                session,
                action="revoke_token",
                actor_id=actor_id,
                note=f"{handle}: {row.label}".strip(),
            )
            return _token_record(row, handle)
    record_refusal(db, action="revoke_token", actor_id=actor_id, reason=refusal)
    raise PermissionDenied(refusal)


def find_token(db: Database, prefix: str, *, actor_id: uuid.UUID) -> TokenRecord:
    """A token by its id or a unique prefix of it, among those the actor may see."""
    wanted = prefix.strip().lower()
    matches = [t for t in list_tokens(db, actor_id=actor_id) if str(t.id).startswith(wanted)]
    if len(wanted) < 4 or len(matches) != 1:
        raise ValidationError(
            _(
                "'{prefix}' names no single sign-in: give more of its id (redaksi tokens list)."
            ).format(prefix=prefix)
        )
    return matches[0]
