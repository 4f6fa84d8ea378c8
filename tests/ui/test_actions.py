"""The action registry: ids, standard shortcuts, user overrides, icons."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from ui.actions import ActionRegistry, ActionSpec


def test_registry_creates_actions_with_standard_and_custom_shortcuts(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window)
    fired: list[bool] = []
    save = registry.add(
        ActionSpec("article.save", "&Save", QKeySequence.StandardKey.Save, "save"),
        lambda: fired.append(True),
    )
    bold = registry.add(ActionSpec("edit.bold", "Bold", "Ctrl+B", "bold"))
    assert registry.action("article.save") is save
    assert save.shortcut().toString() == "Ctrl+S"
    assert bold.shortcut().toString() == "Ctrl+B"
    assert not save.icon().isNull()
    assert [a.objectName() for a in registry.all()] == ["article.save", "edit.bold"]
    save.trigger()
    assert fired == [True]


def test_duplicate_or_unknown_ids_fail_clearly(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window)
    registry.add(ActionSpec("article.new", "New", None, None))
    with pytest.raises(ValueError, match=r"article\.new"):
        registry.add(ActionSpec("article.new", "New", None, None))
    with pytest.raises(KeyError, match=r"article\.nope"):
        registry.action("article.nope")


def test_user_shortcut_overrides_default_and_survives_a_new_registry(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window)
    action = registry.add(ActionSpec("edit.bold", "Bold", "Ctrl+B", None))
    registry.set_user_shortcut("edit.bold", "Ctrl+Shift+B")
    assert action.shortcut().toString() == "Ctrl+Shift+B"

    again = ActionRegistry(window)
    assert again.add(ActionSpec("edit.bold", "Bold", "Ctrl+B", None)).shortcut().toString() == (
        "Ctrl+Shift+B"
    )
    registry.set_user_shortcut("edit.bold", "")
    assert action.shortcut().isEmpty()
    registry.set_user_shortcut("edit.bold", None)
    assert action.shortcut().toString() == "Ctrl+B"
