"""When a save meets a newer stored version: show both and let the reporter choose.

Nothing is overwritten until the reporter has seen the other version. The choices:
keep mine (saved over theirs, now that theirs has been seen), take theirs (my changes are
dropped), or copy mine into a new article (both survive).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.records import ArticleRecord, FieldChange
from ui.autosave import AutosaveController, ConflictChoice
from ui.child_windows import closes_on_keys, open_within_screen
from ui.preview.diff_html import line_changes, side_by_side
from ui.preview.paper import use_paper


def _headline_row(record: ArticleRecord, who: str) -> str:
    return f"{who}: {record.headline or '—'} (v{record.version})"


class ConflictDialog(QDialog):
    """``exec()`` returns Accepted once a choice is made; ``choice()`` says which."""

    def __init__(
        self, mine: ArticleRecord, theirs: ArticleRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("This article was changed elsewhere"))
        open_within_screen(self, 980, 620)
        closes_on_keys(self)
        self.mine = mine
        self.theirs = theirs
        self._choice: ConflictChoice | None = None

        explanation = QLabel(
            self.tr(
                "Someone saved this article while you were editing it (another window or "
                "another workstation). Nothing has been overwritten. Compare both versions "
                "and choose which to keep."
            )
        )
        explanation.setWordWrap(True)
        fields = []
        for name in ("headline", "kicker", "slug", "section_name", "tags"):
            old, new = getattr(theirs, name), getattr(mine, name)
            if old != new:
                fields.append(FieldChange(name, old, new))
        self.diff = QTextBrowser()
        self.diff.setObjectName("conflictDiff")
        use_paper(self.diff)
        self.diff.setHtml(
            side_by_side(
                _headline_row(theirs, self.tr("Theirs (stored)")),
                _headline_row(mine, self.tr("Mine (on screen)")),
                line_changes(theirs.body, mine.body),
                fields,
            )
        )
        self.keep_mine_button = QPushButton(self.tr("Keep mine"))
        self.keep_mine_button.setToolTip(self.tr("Save my version over theirs"))
        self.take_theirs_button = QPushButton(self.tr("Take theirs"))
        self.take_theirs_button.setToolTip(self.tr("Drop my changes and show their version"))
        self.copy_mine_button = QPushButton(self.tr("Copy mine to a new article"))
        self.copy_mine_button.setToolTip(self.tr("Keep both: theirs here, mine as a new article"))
        self.keep_mine_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_MINE))
        self.take_theirs_button.clicked.connect(lambda: self._choose(ConflictChoice.TAKE_THEIRS))
        self.copy_mine_button.clicked.connect(lambda: self._choose(ConflictChoice.COPY_MINE))
        self.copy_mine_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.copy_mine_button, self.take_theirs_button, self.keep_mine_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.diff, 1)
        layout.addLayout(buttons)

    def _choose(self, choice: ConflictChoice) -> None:
        self._choice = choice
        self.accept()

    def choice(self) -> ConflictChoice | None:
        """The reporter's choice; None if the dialog was closed without one."""
        return self._choice

    def reject(self) -> None:
        # Closing without choosing must not lose either version: copying keeps both.
        self._choice = ConflictChoice.COPY_MINE
        super().accept()


def resolve_with_dialog(
    controller: AutosaveController,
    mine: ArticleRecord,
    theirs: ArticleRecord,
    parent: QWidget | None = None,
) -> ArticleRecord | None:
    """Connect to ``AutosaveController.conflict``: ask, then carry out the choice."""
    dialog = ConflictDialog(mine, theirs, parent)
    dialog.exec()
    choice = dialog.choice() or ConflictChoice.COPY_MINE
    return controller.resolve_conflict(choice, mine, theirs)
