"""Tools → Newsroom dictionary: the newsroom's word list, its rupiah style and whether
spelling problems stop a publish, in one window.

Everyone may look; editors and admins change (the core checks the role and audits each
change, which takes effect at once and reaches every workstation with the newsroom's
data). A refused change is one line in the window, and the controls show what is stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from editor.database import Database


class NewsroomDictionaryDialog(QDialog):
    # A change went through: the checkers take the new words and settings.
    changed = Signal()

    def __init__(
        self,
        db: Database,
        actor_id: uuid.UUID | None,
        *,
        may_change: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newsroomDictionary")
        self.setWindowTitle(self.tr("Newsroom dictionary"))
        self._db = db
        self._actor_id = actor_id
        self._may_change = may_change

        self.words = QStringListModel(self)
        self.shown = QSortFilterProxyModel(self)
        self.shown.setSourceModel(self.words)
        self.shown.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.find = QLineEdit(self, placeholderText=self.tr("Find a word"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.shown.setFilterFixedString)
        self.list = QListView(self)
        self.list.setObjectName("newsroomWords")
        self.list.setModel(self.shown)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count = QLabel(self)
        self.new_word = QLineEdit(self, placeholderText=self.tr("A name or abbreviation: Basarnas"))
        self.new_word.setObjectName("newWord")
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.currency = QComboBox(self)
        self.currency.setObjectName("currencyStyle")
        self.currency.addItem(self.tr("Rp4,5 triliun (PUEBI)"), "puebi")
        self.currency.addItem(self.tr("Rp 4,5 triliun (with a space)"), "spaced")
        self.rule = QComboBox(self)
        self.rule.setObjectName("checklistRule")
        self.rule.addItem(self.tr("Warn before a publish"), "warn")
        self.rule.addItem(self.tr("Stop the publish (editors may override)"), "block")
        self.rule.addItem(self.tr("Do not count them"), "off")
        self.message = QLabel(self)
        self.message.setObjectName("dictionaryMessage")
        self.message.setWordWrap(True)
        self.note = QLabel(self.tr("Only editors and admins change the newsroom dictionary."), self)
        self.note.setWordWrap(True)
        self.note.setVisible(not may_change)

        adding = QHBoxLayout()
        adding.addWidget(self.new_word, 1)
        adding.addWidget(self.add_button)
        below = QHBoxLayout()
        below.addWidget(self.count, 1)
        below.addWidget(self.remove_button)
        settings = QFormLayout()
        settings.addRow(self.tr("Rupiah amounts"), self.currency)
        settings.addRow(self.tr("Spelling in the pre-publish checklist"), self.rule)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.find)
        layout.addWidget(self.list, 1)
        layout.addLayout(below)
        layout.addLayout(adding)
        layout.addLayout(settings)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        for control in (self.new_word, self.add_button, self.currency, self.rule):
            control.setEnabled(may_change)
        # Return in the word field adds it once: no button of the window is a default one.
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.new_word.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.load()
        self.currency.activated.connect(lambda _index: self._set_currency())
        self.rule.activated.connect(lambda _index: self._set_rule())
        self.resize(520, 560)

    # --- what is stored ------------------------------------------------------------------

    def load(self) -> None:
        from editor.spelling.words import currency_style, newsroom_words
        from editor.workflow.spelling_item import spelling_rule

        words = sorted(newsroom_words(self._db), key=str.casefold)
        self.words.setStringList(words)
        self.count.setText(self.tr("%n word(s)", "", len(words)))
        self.currency.setCurrentIndex(self.currency.findData(currency_style(self._db)))
        self.rule.setCurrentIndex(self.rule.findData(spelling_rule(self._db)))
        self._selection_changed()

    # --- changes -------------------------------------------------------------------------

    def add(self) -> None:
        from editor.spelling.words import add_words

        typed = self.new_word.text().split()
        if not typed or not self._may_change:
            return
        added: list[str] = []
        if self._change(lambda: added.extend(add_words(self._db, typed, actor_id=self._actor_id))):
            self.new_word.clear()
            self._tell(
                self.tr("Added: %1.").replace("%1", ", ".join(added))
                if added
                else self.tr("The list has it already.")
            )

    def remove_selected(self) -> None:
        from editor.spelling.words import remove_word

        chosen = [index.data() for index in self.list.selectionModel().selectedIndexes()]
        if not chosen or not self._may_change:
            return

        def remove() -> None:
            for word in chosen:
                remove_word(self._db, word, actor_id=self._actor_id)

        if self._change(remove):
            self._tell(self.tr("Removed: %1.").replace("%1", ", ".join(chosen)))

    def _set_currency(self) -> None:
        from editor.spelling.words import set_currency_style

        style = str(self.currency.currentData())
        self._change(lambda: set_currency_style(self._db, style, actor_id=self._actor_id))

    def _set_rule(self) -> None:
        from editor.workflow.spelling_item import set_spelling_rule

        rule = str(self.rule.currentData())
        self._change(lambda: set_spelling_rule(self._db, rule, actor_id=self._actor_id))

    def _change(self, work: Callable[[], object]) -> bool:
        """Run one change through the core; a refusal is shown, and what is stored reloaded."""
        from editor.errors import RedaksiError

        try:
            work()
        except RedaksiError as error:
            self.load()
            self._tell(str(error))
            return False
        self.load()
        self._tell("")
        self.changed.emit()
        return True

    def _tell(self, text: str) -> None:
        self.message.setText(text)

    def _selection_changed(self, *_args: object) -> None:
        self.remove_button.setEnabled(
            self._may_change and self.list.selectionModel().hasSelection()
        )
