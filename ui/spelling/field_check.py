"""Spelling for one-line fields (headline, kicker, caption): a marker with the fixes.

A QLineEdit cannot draw underlines, so a field with problems shows a marker at its end;
its tooltip lists them and a click opens the same menu as the body's (fix, suggestions,
dictionaries, ignore).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLineEdit, QMenu

from editor.spelling.checker import Checker, Problem
from ui.icons import icon
from ui.spelling.menu import problem_actions

CHECK_DELAY_MS = 150
#: Problems listed in a field's menu; a field with more shows them after the first fixes.
MAX_LISTED = 4


class FieldSpelling(QObject):
    def __init__(
        self,
        edit: QLineEdit,
        *,
        headline: bool,
        add_word: Callable[[str, str], None],
        ignore: Callable[[str], None],
    ) -> None:
        super().__init__(edit)
        self._edit = edit
        self._headline = headline
        self._add_word = add_word
        self._ignore = ignore
        self._checker: Checker | None = None
        self._ignored: frozenset[str] = frozenset()
        self.newsroom_words_allowed = False
        self.problems: list[Problem] = []
        self.marker = edit.addAction(icon("spelling"), QLineEdit.ActionPosition.TrailingPosition)
        self.marker.setObjectName(f"{edit.objectName() or 'field'}SpellingMarker")
        self.marker.setVisible(False)
        self.marker.triggered.connect(self._show_menu)
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        edit.textChanged.connect(lambda _text: self._timer.start())

    def set_checker(self, checker: Checker | None, ignored: frozenset[str]) -> None:
        self._checker, self._ignored = checker, ignored
        self.check()

    def check(self) -> None:
        text = self._edit.text()
        found = (
            [] if self._checker is None else self._checker.check_line(text, headline=self._headline)
        )
        self.problems = [p for p in found if p.text not in self._ignored]
        self.marker.setVisible(bool(self.problems))
        self.marker.setToolTip(
            "\n".join(f"{p.text.strip()}: {p.reason}" for p in self.problems[:MAX_LISTED])
        )

    def menu(self) -> QMenu:
        """The fixes for the field's problems, one group per problem."""
        menu = QMenu(self._edit)
        menu.setObjectName("fieldSpellingMenu")
        if self._checker is None:
            return menu
        for problem in self.problems[:MAX_LISTED]:
            if menu.actions():
                menu.addSeparator()
            menu.addActions(
                problem_actions(
                    menu,
                    problem,
                    self._checker,
                    replace=lambda fix, problem=problem: self._replace(problem, fix),
                    add_personal=lambda word: self._add_word(word, "personal"),
                    add_newsroom=(lambda word: self._add_word(word, "newsroom"))
                    if self.newsroom_words_allowed
                    else None,
                    ignore=self._ignore,
                )
            )
        return menu

    def _show_menu(self) -> None:
        menu = self.menu()
        menu.exec(QCursor.pos())
        menu.deleteLater()

    def _replace(self, problem: Problem, fix: str) -> None:
        if self._edit.text()[problem.start : problem.end] != problem.text:
            return  # the field changed since the menu was made
        self._edit.setSelection(problem.start, problem.end - problem.start)
        self._edit.insert(fix)  # undoable, and a normal edit for the form
        self.check()
