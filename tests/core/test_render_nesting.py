"""Deep nesting: rendered whole or refused with a message, never silently half-parsed.

Python-Markdown up to 3.11.3 raised RecursionError on absurd nesting; 3.11.4 instead
stops nesting near the recursion limit and renders the rest flat. The renderer must give
the same answer on both: every level a reader would see, or a clear refusal.
"""

from __future__ import annotations

import re
import sys
import threading

import pytest

from editor.errors import ValidationError
from editor.render import markdown_to_html
from editor.render.nesting import MAX_NESTING, nesting_depth

#: Deeper than any real article nests; always rendered.
ORDINARY = 12


def _nested_list(levels: int, indent: str = "    ") -> str:
    return "".join(indent * level + f"- butir {level}\n" for level in range(levels))


def _nested_quote(levels: int, separator: str = " ") -> str:
    return separator.join(">" for _ in range(levels)) + " kutipan terdalam\n"


def _deepest(html: str, tag: str) -> int:
    depth = deepest = 0
    for match in re.finditer(rf"<(/?){tag}\b", html):
        depth += -1 if match.group(1) else 1
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize("levels", [3, ORDINARY, 30, 60, 150, 230, 260, 400])
def test_a_nested_list_renders_every_level_or_is_refused(levels: int) -> None:
    body = _nested_list(levels)
    try:
        html = markdown_to_html(body)
    except ValidationError as error:
        assert "too deeply" in str(error)
        assert levels > ORDINARY
        return
    assert html.count("<li>") == levels
    assert _deepest(html, "ul") == levels


@pytest.mark.parametrize("levels", [3, ORDINARY, MAX_NESTING, 120, 299, 350])
@pytest.mark.parametrize("separator", [" ", ""])
def test_nested_quotes_render_every_level_or_are_refused(levels: int, separator: str) -> None:
    body = _nested_quote(levels, separator)
    try:
        html = markdown_to_html(body)
    except ValidationError as error:
        assert "too deeply" in str(error)
        assert levels > ORDINARY
        return
    assert _deepest(html, "blockquote") == levels


def test_a_thread_with_little_stack_left_is_refused_rather_than_cut_short() -> None:
    """A caller deep in its own stack gets a refusal, not a flattened body."""
    body = _nested_list(30)
    outcome: list[object] = []

    def deep(frames: int) -> None:
        if frames:
            deep(frames - 1)
            return
        try:
            outcome.append(markdown_to_html(body))
        except ValidationError as error:
            outcome.append(error)

    limit = sys.getrecursionlimit()
    worker = threading.Thread(target=deep, args=(limit - 200,))
    worker.start()
    worker.join()
    (result,) = outcome
    # 200 frames cannot hold 30 levels: Markdown 3.11.4 would flatten the deepest ones.
    assert isinstance(result, ValidationError)


def test_indented_text_that_is_not_a_list_or_quote_is_not_refused() -> None:
    pasted = "".join(" " * 80 + f"baris tengah {n}\n" for n in range(5))
    code = "```\n" + "".join(" " * (4 * n) + "- bukan daftar\n" for n in range(60)) + "```\n"
    assert nesting_depth(pasted) == 0
    assert nesting_depth(code) == 0
    assert "baris tengah 4" in markdown_to_html(pasted)
    assert markdown_to_html(code).count("bukan daftar") == 60


def test_depth_counts_tabs_quotes_and_ordered_items() -> None:
    assert nesting_depth("- a\n\t- b\n\t\t- c\n") == 5  # a tab is four columns: two levels
    assert nesting_depth("> > 1. satu\n") == 3
    assert nesting_depth(">>>>teks\n") == 4
    assert nesting_depth("-tanpa spasi bukan butir\n") == 0
