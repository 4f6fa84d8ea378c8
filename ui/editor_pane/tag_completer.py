"""Completion for a comma-separated tag field: only the tag being typed is completed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


class TagCompleter(QCompleter):
    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        self._model = QStringListModel()
        super().__init__(self._model, parent)
        self._field = field
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        field.setCompleter(self)

    def set_tags(self, tags: Iterable[str]) -> None:
        self._model.setStringList(sorted(set(tags), key=str.casefold))

    def tags(self) -> list[str]:
        return self._model.stringList()

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        done = [part.strip() for part in self._field.text().split(",")[:-1] if part.strip()]
        return ", ".join([*done, str(index.data())])
