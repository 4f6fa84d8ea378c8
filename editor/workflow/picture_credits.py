"""The checklist's credit rule for pictures in the body, as for the lead image.

A picture standing on its own lines in the body is shown as a figure (editor.render
.figures) with the caption and credit under it, in the house style of the lead image:
``Foto: NATO/Net``. A figure without a credit line, or with an empty ``Foto:`` waiting
to be filled in (as the editor inserts it), publishes a photo nobody is credited for.
"""

from __future__ import annotations

from editor.i18n import _
from editor.render.figures import CREDIT_LINE, IMAGE_LINE


def uncredited_lines(body: str) -> list[int]:
    """The body lines (from 1) of figures without a credit."""
    found = []
    lines = body.split("\n")
    for index, line in enumerate(lines):
        # A figure starts a paragraph: an image inside running text is no figure.
        if IMAGE_LINE.match(line) is None or (index and lines[index - 1].strip()):
            continue
        block = []
        for following in lines[index + 1 :]:
            if not following.strip():
                break
            block.append(following)
        credit = CREDIT_LINE.match(block[-1]) if block else None
        if credit is None or not credit.group("credit").strip():
            found.append(index + 1)
    return found


def credit_problem(body: str) -> str:
    """What the checklist says about the body's figures ("" when each has a credit)."""
    lines = uncredited_lines(body)
    if not lines:
        return ""
    return _(
        "no credit under the picture on body line {lines}: add a line such as "
        "“Foto: NATO/Net” under its caption"
    ).format(lines=", ".join(str(line) for line in lines))
