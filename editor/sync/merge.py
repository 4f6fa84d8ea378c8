"""Three-way merge of an article: metadata field by field, the body line by line.

A person's typed Markdown keeps a paragraph on one line, so merging by line merges by
paragraph; lists, tables and quotes merge item by item. The body is merged with
``merge3`` (the diff3 algorithm of Bazaar and Breezy), never by hand. Where both sides
changed the same passage differently, nothing is chosen: the caller keeps both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import merge3

from editor.sync.states import State


@dataclass(frozen=True)
class MergeResult:
    #: The merged content; when ``conflicts`` is not empty, only the parts that merged.
    content: State
    #: Fields both sides changed differently ("body" when passages clash).
    conflicts: tuple[str, ...] = field(default_factory=tuple)


def merge_body(base: str, theirs: str, mine: str) -> str | None:
    """``base`` changed into ``theirs`` (stored) and into ``mine`` (incoming); the two sets
    of changes together, or None when they touch the same passage differently."""
    if mine in (base, theirs):
        return theirs
    if theirs == base:
        return mine
    merger = merge3.Merge3(
        base.splitlines(keepends=True),
        theirs.splitlines(keepends=True),
        mine.splitlines(keepends=True),
    )
    merged: list[str] = []
    for group in merger.merge_groups():
        if group[0] == "conflict":
            return None
        merged.extend(group[1])
    return "".join(merged)


def merge_content(base: State, theirs: State, mine: State) -> MergeResult:
    """Merge two edits of the same base; each field is taken from the side that changed
    it. ``mine`` is kept wherever ``theirs`` did not move, and the other way round."""
    merged: State = {}
    conflicts: list[str] = []
    for name in sorted(set(base) | set(theirs) | set(mine)):
        old, stored, incoming = base.get(name), theirs.get(name), mine.get(name)
        if name == "body" and None not in (old, stored, incoming):
            body = merge_body(str(old), str(stored), str(incoming))
            if body is None:
                conflicts.append(name)
                body = str(stored)
            merged[name] = body
        elif incoming in (old, stored):
            merged[name] = stored
        elif stored == old:
            merged[name] = incoming
        else:
            conflicts.append(name)
            merged[name] = stored
    return MergeResult(merged, tuple(conflicts))
