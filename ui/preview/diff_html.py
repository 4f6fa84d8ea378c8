"""Two aligned columns of a text difference, as HTML a QTextBrowser can show.

Used by the conflict dialog (mine against theirs) and the revisions dialog (one revision
against another). A table keeps changed lines side by side; colours mark what went and
what came.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable, Sequence

from editor.records import FieldChange, LineChange

REMOVED = "#fbe3e4"
ADDED = "#e3f6e5"
CHANGED_OLD = "#fdf0d5"
CHANGED_NEW = "#e6f0fb"
STYLE = (
    "<style>td { padding: 2px 6px; vertical-align: top; font-family: 'DejaVu Sans Mono'; "
    "font-size: 9pt; } th { text-align: left; padding: 4px 6px; background-color: #eeeeec; }"
    " .num { color: #8a8f94; } .field { font-family: 'DejaVu Sans'; }</style>"
)


def _cell(text: str | None, number: int | None, colour: str | None) -> str:
    background = f' bgcolor="{colour}"' if colour else ""
    shown = "" if text is None else html.escape(text) or "&nbsp;"
    num = "" if number is None else str(number)
    return (
        f'<td class="num" nowrap align="right" width="40"{background}>{num}</td>'
        f'<td width="47%"{background}>{shown}</td>'
    )


def line_changes(old: str, new: str) -> list[LineChange]:
    """difflib opcodes over lines, as LineChange hunks (like editor.diffing makes)."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    return [
        LineChange(op, i1, tuple(old_lines[i1:i2]), j1, tuple(new_lines[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _rows(hunks: Iterable[LineChange], context: int | None) -> list[str]:
    rows: list[str] = []
    for hunk in hunks:
        old, new = list(hunk.old_lines), list(hunk.new_lines)
        if hunk.op == "equal":
            pairs = list(enumerate(zip(old, new, strict=False)))
            if context is not None and len(pairs) > 2 * context + 1:
                skipped = len(pairs) - 2 * context
                head, tail = pairs[:context], pairs[-context:] if context else []
                for i, (a, b) in head:
                    rows.append(
                        _cell(a, hunk.old_start + i + 1, None)
                        + _cell(b, hunk.new_start + i + 1, None)
                    )
                rows.append(f'<td></td><td colspan="3" class="num">… {skipped} …</td>')
                pairs = tail
            for i, (a, b) in pairs:
                rows.append(
                    _cell(a, hunk.old_start + i + 1, None) + _cell(b, hunk.new_start + i + 1, None)
                )
            continue
        old_colour = REMOVED if hunk.op == "delete" else CHANGED_OLD
        new_colour = ADDED if hunk.op == "insert" else CHANGED_NEW
        for i in range(max(len(old), len(new))):
            a = old[i] if i < len(old) else None
            b = new[i] if i < len(new) else None
            rows.append(
                _cell(
                    a,
                    hunk.old_start + i + 1 if a is not None else None,
                    old_colour if a is not None else None,
                )
                + _cell(
                    b,
                    hunk.new_start + i + 1 if b is not None else None,
                    new_colour if b is not None else None,
                )
            )
    return rows


def side_by_side(
    old_title: str,
    new_title: str,
    hunks: Sequence[LineChange],
    fields: Sequence[FieldChange] = (),
    *,
    context: int | None = 3,
) -> str:
    """An HTML table: field changes first, then the body, old on the left, new on the right."""
    from ui.workflow.field_words import FieldWords

    words = FieldWords()  # "Judul", not the stored field's name "headline"
    parts = [STYLE, '<table width="100%" cellspacing="0">']
    left, right = html.escape(old_title), html.escape(new_title)
    parts.append(f'<tr><th colspan="2">{left}</th><th colspan="2">{right}</th></tr>')
    for change in fields:
        label = html.escape(words.label(change.name))
        parts.append(f'<tr><td colspan="4" class="num">{label}</td></tr>')
        parts.append(
            f'<tr><td></td><td class="field" bgcolor="{CHANGED_OLD}">'
            f"{html.escape(_text(change.old))}</td>"
            f'<td></td><td class="field" bgcolor="{CHANGED_NEW}">'
            f"{html.escape(_text(change.new))}</td></tr>"
        )
    parts.extend(f"<tr>{row}</tr>" for row in _rows(hunks, context))
    parts.append("</table>")
    return "\n".join(parts)


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)
