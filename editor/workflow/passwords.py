"""Passwords: scrypt hashes with a random salt, stored as a self-describing string.

The stored form is ``scrypt$n=131072,r=8,p=1$<salt base64>$<hash base64>``: the cost
parameters travel with the hash, so they can be raised later and old hashes still verify.
The defaults are OWASP's minimum for scrypt (N=2^17, r=8, p=1). Passwords are never logged,
printed or kept anywhere else; a failed sign-in says only that the handle or password is
wrong, whichever it was, and the audit log keeps it (the handle typed, never the password).

Once anyone in a newsroom has a password, the newsroom signs in: nobody acts in it by
merely being named (``sign_in_refusal``), and the app asks for a password before any write
(``sign_in_required``). A replica of a newsroom server holds no password hashes (they never
leave the server): there the sign-in is the server's, and only the person signed in to it
acts (every change the replica sends goes up as them).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import PermissionDenied, ValidationError
from editor.i18n import N_, _
from editor.models import Person
from editor.people import _record
from editor.records import PersonRecord
from editor.workflow.audit import add_entry, record_refusal
from editor.workflow.roles import has_permission, load_actor, refusal_message

SCHEME = "scrypt"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
SALT_BYTES, KEY_BYTES = 16, 32
MIN_LENGTH = 8
#: Cost limits a stored hash may ask for, so a tampered row cannot exhaust memory.
MAX_N, MAX_R, MAX_P = 2**20, 32, 16
SIGN_IN_REFUSED = N_(
    "Wrong handle or password. Check both and try again; if you have forgotten the "
    "password, ask an admin to set a new one."
)
#: The audit action of a failed sign-in.
SIGN_IN_ACTION = "sign_in"
#: How much of a typed handle a refused sign-in keeps (a pasted essay stays out of the log).
HANDLE_IN_LOG = 80


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # scrypt needs about 128 * n * r bytes; allow that plus headroom.
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * n * r + 1024 * 1024,
        dklen=KEY_BYTES,
    )


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    key = _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"{SCHEME}$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}${_b64(salt)}${_b64(key)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    try:
        scheme, params, salt, key = stored.split("$")
        values = dict(part.split("=", 1) for part in params.split(","))
        n, r, p = int(values["n"]), int(values["r"]), int(values["p"])
        decoded = base64.b64decode(salt, validate=True), base64.b64decode(key, validate=True)
    except (ValueError, KeyError):
        return None
    if scheme != SCHEME or not (1 < n <= MAX_N and 0 < r <= MAX_R and 0 < p <= MAX_P):
        return None
    return n, r, p, *decoded


def _dummy_hash() -> str:
    """A well-formed hash no password matches, at today's cost."""
    return f"{SCHEME}$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}${_b64(bytes(16))}${_b64(bytes(32))}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; compared in constant time."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, key = parsed
    return hmac.compare_digest(_derive(password, salt, n, r, p), key)


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            _(
                "The password is too short: use at least {min_length} characters (a few "
                "unrelated words make a good one)."
            ).format(min_length=MIN_LENGTH)
        )
    if password != password.strip():
        raise ValidationError(_("The password starts or ends with a space; remove it."))


def set_password(
    db: Database, person_id: uuid.UUID, password: str, *, actor_id: uuid.UUID | None = None
) -> None:
    """Set a person's password. With ``actor_id``, only that person or an admin may.

    Without one (setting up a newsroom's first passwords) only while nobody has a password
    yet: after that, naming nobody would let anyone claim a person who has none.
    """
    check_strength(password)
    hashed = hash_password(password)  # before the transaction: it takes a moment
    refusal = ""
    with db.transaction() as session:
        person = load_actor(session, person_id)
        if actor_id is None and uses_passwords(session):
            refusal = _(
                "This newsroom signs in with passwords: {name}'s password is set by "
                "{name} (signed in) or by an admin: add --as PERSON."
            ).format(name=person.name)
        elif actor_id is not None and actor_id != person_id:
            actor = load_actor(session, actor_id)
            if not has_permission(actor.role, "manage_people"):
                refusal = refusal_message(actor, "manage_people")
        if not refusal:
            person.password_hash = hashed
            add_entry(session, action="password", actor_id=actor_id, note=f"for {person.handle}")
    if refusal:
        record_refusal(db, action="password", actor_id=actor_id, reason=refusal)
        raise PermissionDenied(refusal)


def has_password(db: Database, person_id: uuid.UUID) -> bool:
    with db.transaction() as session:
        stored = session.scalar(select(Person.password_hash).where(Person.id == person_id))
    return bool(stored)


def uses_passwords(session: Session) -> bool:
    """Whether anyone active in the newsroom has a password (then everyone signs in)."""
    query = select(Person.id).where(
        Person.active.is_(True), Person.password_hash.is_not(None), Person.password_hash != ""
    )
    return session.scalar(query.limit(1)) is not None


def sign_in_required(db: Database) -> bool:
    """Whether the app must have someone signed in before it writes anything.

    A newsroom with people signs in when anyone has a password, and always on a shared
    server (PostgreSQL), where a window that names nobody would write as nobody. A
    newsroom with no people yet is one person's own: there is nobody to sign in as.
    """
    with db.transaction() as session:
        if session.scalar(select(Person.id).limit(1)) is None:
            return False
        return db.dialect != "sqlite" or uses_passwords(session)


def _refused_sign_in(db: Database, person_id: uuid.UUID | None, handle: str, why: str) -> None:
    shown = handle.strip()[:HANDLE_IN_LOG]
    record_refusal(
        db,
        action=SIGN_IN_ACTION,
        actor_id=person_id,
        reason=f"{why} (handle typed: {shown!r})",
    )


def authenticate(db: Database, handle: str, password: str, *, where: str = "") -> PersonRecord:
    """The person signing in; PermissionDenied with one message for every kind of failure.

    Every failure is audited ("sign_in", refused) with the handle typed and why, never the
    password; ``where`` says from where ("command line", "app") for the record.
    """
    with db.transaction() as session:
        person = session.scalar(select(Person).where(Person.handle == handle.strip().lower()))
        record = _record(person) if person is not None else None
        stored = person.password_hash if person is not None else None
    # An unknown handle costs the same time as a wrong password, so timing tells nothing.
    matched = verify_password(password, stored or _dummy_hash())
    why = ""
    if record is None:
        why = "unknown handle"
    elif not record.active:
        why = "no longer active"
    elif not stored:
        why = "has no password"
    elif not password:
        why = "empty password"
    elif not matched:
        why = "wrong password"
    if why:
        _refused_sign_in(
            db, record.id if record else None, handle, f"{why}, {where}" if where else why
        )
        raise PermissionDenied(_(SIGN_IN_REFUSED))
    assert record is not None
    return record


def sign_in_refusal(db: Database, person: PersonRecord, *, where: str = "") -> str:
    """Why ``person`` may not act by merely being named ("" if they may).

    In a newsroom where people sign in with passwords, someone without a password cannot
    sign in: otherwise anyone could act as them. On a replica, only the person signed in
    to the newsroom server may act. The refusal is audited.
    """
    if db.sync_role == "replica":
        return _replica_refusal(db, person, where=where)
    with db.transaction() as session:
        if not uses_passwords(session):
            return ""
        stored = session.scalar(select(Person.password_hash).where(Person.id == person.id))
    if stored:
        return ""
    why = "has no password in a newsroom that signs in"
    _refused_sign_in(db, person.id, person.handle, f"{why}, {where}" if where else why)
    return _(
        "{name} has no password, and this newsroom signs in with passwords: nobody may act "
        "as {name} until an admin sets one (redaksi passwd {handle} --as ADMIN)."
    ).format(name=person.name, handle=person.handle)


def _replica_refusal(db: Database, person: PersonRecord, *, where: str) -> str:
    """ "" if ``person`` is the one signed in to the newsroom server this replica syncs with
    (what the replica sends goes up as them, whoever is named here); the refusal otherwise."""
    from editor.sync.tables import SyncState

    with db.transaction() as session:
        state = {
            row.key: row.value
            for row in session.scalars(
                select(SyncState).where(SyncState.key.in_(("person_id", "handle", "remote")))
            )
        }
    if state.get("person_id") == str(person.id):
        return ""
    why = "not the person signed in to the newsroom server on this replica"
    _refused_sign_in(db, person.id, person.handle, f"{why}, {where}" if where else why)
    return _(
        "This computer is signed in to {server} as {signed_in}, and everything done here "
        "goes to the server as them: act as {signed_in}, or sign in as {handle} first "
        "(redaksi login {server} --handle {handle})."
    ).format(
        server=state.get("remote", ""), signed_in=state.get("handle", ""), handle=person.handle
    )
