"""Pages numbered from the oldest: every story once, full numbered pages, and a new story
leaves all but the newest numbered pages as they were."""

from __future__ import annotations

from editor.publish.pagination import FIRST, ranked_pages, stable_pages

SIZE = 20


def _stories(total: int, number: int) -> list[int]:
    """The stories (numbered from the oldest, 0) on page ``number`` of a list of ``total``."""
    page = next(p for p in stable_pages(total, SIZE) if p.number == number)
    return [total - 1 - i for i in range(page.start, page.end)]


def test_every_story_stands_on_exactly_one_page_and_numbered_pages_are_full():
    for total in range(0, 130):
        pages = stable_pages(total, SIZE)
        shown = [i for p in pages for i in range(p.start, p.end)]
        assert shown == list(range(total))
        first, numbered = pages[0], pages[1:]
        assert first.number == FIRST
        assert min(total, SIZE) <= first.end < 2 * SIZE
        assert all(p.end - p.start == SIZE for p in numbered)
        assert [p.number for p in numbered] == list(range(len(numbered), 0, -1))


def test_a_new_story_changes_only_the_first_page_and_the_newest_numbered_ones():
    for total in range(0, 130):
        before = {
            p.number: (_stories(total, p.number), p.newer, p.older)
            for p in stable_pages(total, SIZE)
        }
        after = {
            p.number: (_stories(total + 1, p.number), p.newer, p.older)
            for p in stable_pages(total + 1, SIZE)
        }
        changed = {n for n in after if before.get(n) != after[n]}
        top = max(after) if len(after) > 1 else FIRST
        assert changed <= {FIRST, top, top - 1}, total
        if (total + 1) % SIZE:  # no new numbered page: the first page alone
            assert changed <= {FIRST}, total


def test_links_lead_from_the_first_page_through_every_page_to_the_oldest():
    pages = {p.number: p for p in stable_pages(87, SIZE)}
    walked, at = [], pages[FIRST].older
    while at is not None:
        walked.append(at)
        assert pages[pages[at].newer if pages[at].newer is not None else FIRST].older == at
        at = pages[at].older
    assert walked == [3, 2, 1]


def test_a_ranked_list_is_paged_from_its_top():
    pages = ranked_pages(45, SIZE)
    assert [(p.number, p.start, p.end) for p in pages] == [(FIRST, 0, 20), (2, 20, 40), (3, 40, 60)]
    assert [(p.newer, p.older) for p in pages] == [(None, 2), (FIRST, 3), (2, None)]
