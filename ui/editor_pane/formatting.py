"""Markdown formatting commands on a QTextCursor: wrap, prefix lines, insert blocks.

Each command is one edit block, so one Ctrl+Z takes the whole formatting back.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor


def wrap_selection(cursor: QTextCursor, before: str, after: str, placeholder: str) -> None:
    """``**selection**``; with nothing selected, insert ``**placeholder**`` and select it."""
    selected = cursor.selectedText()
    cursor.beginEditBlock()
    if selected:
        start = cursor.selectionStart()
        cursor.insertText(f"{before}{selected}{after}")
        inner_start = start + len(before)
        cursor.setPosition(inner_start)
        cursor.setPosition(inner_start + len(selected), QTextCursor.MoveMode.KeepAnchor)
    else:
        start = cursor.position()
        cursor.insertText(f"{before}{placeholder}{after}")
        cursor.setPosition(start + len(before))
        cursor.setPosition(start + len(before) + len(placeholder), QTextCursor.MoveMode.KeepAnchor)
    cursor.endEditBlock()


def prefix_lines(cursor: QTextCursor, prefix: str) -> None:
    """Put ``prefix`` before every selected line; if all already have it, take it off."""
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    remove = all(block.text().startswith(prefix) for block in blocks)
    cursor.beginEditBlock()
    for block in blocks:
        edit = QTextCursor(block)
        if remove:
            edit.movePosition(
                QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, len(prefix)
            )
            edit.removeSelectedText()
        else:
            edit.insertText(prefix)
    cursor.endEditBlock()


def insert_block(cursor: QTextCursor, text: str, select: str = "") -> None:
    """Insert ``text`` as its own paragraph; select the ``select`` part of it if given."""
    cursor.beginEditBlock()
    cursor.clearSelection()
    block_text = cursor.block().text()
    if block_text.strip():
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText("\n\n")
    start = cursor.position()
    cursor.insertText(text + "\n")
    cursor.endEditBlock()
    if select and select in text:
        offset = start + text.index(select)
        cursor.setPosition(offset)
        cursor.setPosition(offset + len(select), QTextCursor.MoveMode.KeepAnchor)
