"""Choose another article for a "Baca juga" link by searching the newsroom."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.records import SearchHit
from ui.child_windows import closes_on_keys, open_within_screen

ArticleSearch = Callable[[str], list[SearchHit]]


class RelatedArticleDialog(QDialog):
    """A search box and its hits; the chosen hit is ``chosen()``."""

    def __init__(self, search: ArticleSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Baca juga: choose an article"))
        open_within_screen(self, 560, 420)
        closes_on_keys(self)
        self._search = search
        self.query = QLineEdit(placeholderText=self.tr("Search headlines and text"))
        self.hits = QListWidget()
        self.hits.setWordWrap(True)
        self.hits.setAlternatingRowColors(True)
        self.message = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.hits.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.hits, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # Search as the reporter types, but not on every single key.
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._timer.start)

    def run_search(self) -> None:
        self.hits.clear()
        try:
            found = self._search(self.query.text())
        except Exception as error:  # a database problem: say it, keep the dialog usable
            self.message.setText(str(error))
            return
        for hit in found:
            snippet = hit.snippet.replace("[", "").replace("]", "")
            item = QListWidgetItem(f"{hit.headline}\n{snippet}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.hits.addItem(item)
        if found:
            self.hits.setCurrentRow(0)
        self.message.setText(
            self.tr("%n article(s) found", "", len(found)) if self.query.text().strip() else ""
        )

    def chosen(self) -> SearchHit | None:
        item = self.hits.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
