"""Ordered bylines: add people from the newsroom list, remove them, move them up or down."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.records import PersonRecord, PersonRef


class BylineEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: dict[uuid.UUID, PersonRecord] = {}
        self.people_box = QComboBox()
        self.people_box.setObjectName("bylinePeople")
        self.people_box.setMinimumContentsLength(14)
        self.people_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.list = QListWidget()
        self.list.setObjectName("bylineList")
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setSpacing(2)
        self.list.setFixedHeight(self.fontMetrics().height() * 2 + 10)

        def button(text: str, tip: str, slot: object) -> QToolButton:
            widget = QToolButton(text=text, toolTip=tip)
            widget.clicked.connect(slot)
            return widget

        self.add_button = button("+", self.tr("Add to the byline"), self._add_selected)
        self.remove_button = button("−", self.tr("Remove from the byline"), self.remove_current)
        self.up_button = button("◀", self.tr("Move earlier"), lambda: self.move_current(-1))
        self.down_button = button("▶", self.tr("Move later"), lambda: self.move_current(1))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.people_box, 1)
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def set_people(self, people: list[PersonRecord], chosen: tuple[PersonRef, ...]) -> None:
        self._people = {person.id: person for person in people}
        self.people_box.clear()
        for person in people:
            if person.active or person.id in {ref.id for ref in chosen}:
                self.people_box.addItem(person.name, person.id)
        self.list.clear()
        for ref in chosen:
            self._append(ref)

    def _append(self, ref: PersonRef) -> None:
        item = QListWidgetItem(ref.name)
        item.setData(Qt.ItemDataRole.UserRole, ref)
        self.list.addItem(item)

    def bylines(self) -> tuple[PersonRef, ...]:
        return tuple(
            self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())
        )

    def add_person(self, person_id: uuid.UUID) -> None:
        if person_id in {ref.id for ref in self.bylines()}:
            return
        person = self._people.get(person_id)
        if person is None:
            return
        self._append(PersonRef(person.id, person.name, person.handle))
        self.changed.emit()

    def _add_selected(self) -> None:
        person_id = self.people_box.currentData()
        if person_id is not None:
            self.add_person(person_id)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()
