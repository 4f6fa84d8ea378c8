"""Tags: one tag per name as people spell it, each with an address of its own.

A tag is its name: ``C++`` and ``C`` are two tags, and so are ``Go`` and ``GO!``, though a
slug alone would merge them. Names that differ only in case or Unicode form (``nato``,
``NATO``) are one tag, as on every site generator, and it keeps the spelling it was made
with. The slug is the tag's address on the site: made from the name with ``+`` and ``#``
spelt out (``c-plus-plus``, ``c-sharp``), and numbered when another tag holds it already
(``c-2``).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from editor.models import Tag
from editor.slugs import slugify

#: Tags looked up per statement (SQLite takes at most 32,766 parameters).
_CHUNK = 400
#: ``+`` and ``#`` ending a word (C++, C#, Notepad++), not a hashtag's ``#``.
_SPELT_OUT = re.compile(r"(?<=\w)(\+\+|\+|#)(?!\w)")
_WORDS = {"++": " plus plus ", "+": " plus ", "#": " sharp "}


def tag_key(name: str) -> str:
    """What makes two spellings one tag."""
    return unicodedata.normalize("NFC", name.strip()).casefold()


def tag_slug(name: str) -> str:
    """The slug a new tag named ``name`` wants, before numbering."""
    return slugify(_SPELT_OUT.sub(lambda m: _WORDS[m.group(1)], name.strip())) or "tag"


def distinct_names(names: Iterable[str]) -> list[str]:
    """The names in order, each tag once (its first spelling), blanks left out."""
    seen: dict[str, str] = {}
    for name in names:
        name = name.strip()
        if name:
            seen.setdefault(tag_key(name), name)
    return list(seen.values())


def resolve_tags(session: Session, names: Sequence[str]) -> dict[str, tuple[uuid.UUID, str]]:
    """tag_key -> (id, stored name) for every name, adding the tags that do not exist yet
    in ``session``'s unit of work."""
    wanted = {tag_key(name): name for name in distinct_names(names)}
    slugs = {tag_slug(name) for name in wanted.values()} | {
        slugify(name) for name in wanted.values()
    }
    found: dict[str, tuple[uuid.UUID, str]] = {}
    taken: set[str] = set()
    ordered = sorted(slugs)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        query = select(Tag.id, Tag.name, Tag.slug).where(Tag.slug.in_(chunk))
        for tag_id, name, slug in session.execute(query):
            found.setdefault(tag_key(name), (tag_id, name))
            taken.add(slug)
    missing = [name for key, name in wanted.items() if key not in found]
    added = []
    for name in missing:
        slug = tag_slug(name)
        if slug not in taken:  # the usual case: a new name, its slug free
            taken.add(slug)
            tag_id = uuid.uuid4()
            added.append({"id": tag_id, "name": name, "slug": slug})
            found[tag_key(name)] = (tag_id, name)
            continue
        # A tag made under a numbered slug (c-2) is found here, as is a free number.
        numbered = session.execute(
            select(Tag.id, Tag.name, Tag.slug).where(
                or_(Tag.slug == slug, Tag.slug.like(f"{slug}-%"))
            )
        ).all()
        same = next((row for row in numbered if tag_key(row.name) == tag_key(name)), None)
        if same is not None:
            found[tag_key(name)] = (same.id, same.name)
            continue
        taken |= {row.slug for row in numbered}
        chosen, number = slug, 1
        while chosen in taken:
            number += 1
            chosen = f"{slug}-{number}"
        taken.add(chosen)
        tag_id = uuid.uuid4()
        added.append({"id": tag_id, "name": name, "slug": chosen})
        found[tag_key(name)] = (tag_id, name)
    if added:
        session.execute(insert(Tag), added)
    return {key: found[key] for key in wanted}
