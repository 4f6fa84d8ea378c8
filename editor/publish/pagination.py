"""Which stories stand on which page of a list, numbered so that older pages never change.

A list that grows at the top (a section, a tag, a reporter, UPDATE) keeps its older
stories in pages of exactly ``size``, numbered from the oldest: ``/berita/page/1/`` holds
the section's first twenty stories for good, as on many portals' archives. The list's
first page (its folder) shows everything newer than the numbered pages: from one page's
worth to just under two, so no story is shown twice and every numbered page is full. A
new story changes the first page alone; every ``size``-th one also moves the oldest
stories of the first page onto a new numbered page, whose older neighbour's "newer" link
then points at it. The rest of the archive is never written again.

A ranked list (Populer) is reordered as a whole and keeps plain pages counted from its
top instead (``ranked_pages``).
"""

from __future__ import annotations

from dataclasses import dataclass

#: The first page of a list: its folder.
FIRST = 0


@dataclass(frozen=True)
class Page:
    """One page of a list: its number (``FIRST`` or 1, 2, …), the slice of the list
    (newest first) it shows, and its neighbours' numbers (None: there is none)."""

    number: int
    start: int
    end: int
    newer: int | None
    older: int | None


def stable_pages(total: int, size: int) -> list[Page]:
    """The first page, then the numbered pages from the newest to the oldest."""
    numbered = max(0, total // size - 1)
    first_length = total - numbered * size
    pages = [Page(FIRST, 0, first_length, None, numbered or None)]
    for number in range(numbered, 0, -1):
        end = total - (number - 1) * size
        newer = number + 1 if number < numbered else FIRST
        pages.append(Page(number, end - size, end, newer, number - 1 or None))
    return pages


def ranked_pages(total: int, size: int) -> list[Page]:
    """Pages counted from the top of the list (the first one is the folder)."""
    count = max(1, -(-total // size))
    pages = []
    for index in range(count):
        number = index + 1 if index else FIRST
        newer = None if index == 0 else (index if index > 1 else FIRST)
        older = index + 2 if index + 1 < count else None
        pages.append(Page(number, index * size, (index + 1) * size, newer, older))
    return pages
