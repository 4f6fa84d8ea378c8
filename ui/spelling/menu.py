"""The spelling part of a context menu: fixes, suggestions, dictionaries, ignore."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from editor.spelling.checker import SPELLING, Checker, Problem

#: Menu entries that name words, beyond which a suggestion list is cut.
MAX_OFFERED = 7


def problem_actions(
    menu: QMenu,
    problem: Problem,
    checker: Checker,
    *,
    replace: Callable[[str], None],
    add_personal: Callable[[str], None],
    add_newsroom: Callable[[str], None] | None,
    ignore: Callable[[str], None],
) -> list[QAction]:
    """Actions for ``problem``, made children of ``menu`` (not yet placed in it)."""
    actions: list[QAction] = []

    def action(text: str, slot: Callable[[], None], *, name: str = "") -> QAction:
        made = QAction(text, menu)
        made.setObjectName(name)
        # triggered carries a "checked" flag: the slots here take no argument.
        made.triggered.connect(lambda _checked=False: slot())
        actions.append(made)
        return made

    reason = QAction(problem.reason, menu)
    reason.setEnabled(False)
    reason.setObjectName("spellingReason")
    actions.append(reason)
    offered = list(problem.fixes) if problem.kind != SPELLING else checker.suggestions(problem.text)
    for fix in offered[:MAX_OFFERED]:
        bold = action(fix.strip() or fix, lambda fix=fix: replace(fix), name="spellingFix")
        font = bold.font()
        font.setBold(True)
        bold.setFont(font)
    if problem.kind == SPELLING and not offered:
        none = QAction(QCoreApplication.translate("SpellingMenu", "No suggestions"), menu)
        none.setEnabled(False)
        actions.append(none)
    word = problem.text
    if problem.kind == SPELLING:
        action(
            QCoreApplication.translate("SpellingMenu", "Add “%1” to my dictionary").replace(
                "%1", word
            ),
            lambda: add_personal(word),
            name="spellingAddPersonal",
        )
        if add_newsroom is not None:
            action(
                QCoreApplication.translate(
                    "SpellingMenu", "Add “%1” to the newsroom dictionary"
                ).replace("%1", word),
                lambda: add_newsroom(word),
                name="spellingAddNewsroom",
            )
    action(
        QCoreApplication.translate("SpellingMenu", "Ignore “%1” in this article").replace(
            "%1", word.strip()
        ),
        lambda: ignore(word),
        name="spellingIgnore",
    )
    return actions


def insert_at_top(menu: QMenu, actions: list[QAction]) -> None:
    """Put ``actions`` above the menu's own entries, with a separator between."""
    first = menu.actions()[0] if menu.actions() else None
    for made in actions:
        if first is not None:
            menu.insertAction(first, made)
        else:
            menu.addAction(made)
    if first is not None:
        menu.insertSeparator(first)
