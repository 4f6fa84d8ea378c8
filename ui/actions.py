"""One registry of every user action: stable ids, default shortcuts, icons, user overrides.

Menus and toolbars only *place* actions by id; they never create their own. Users may
override a shortcut; the override lives in QSettings under ``shortcuts/<id>`` and is
applied whenever the action is created or the override changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence

Shortcut = QKeySequence.StandardKey | str | None
SHORTCUT_GROUP = "shortcuts"


@dataclass(frozen=True)
class ActionSpec:
    """What an action is, independent of where it is placed."""

    id: str
    text: str
    shortcut: Shortcut
    icon: str | None
    tip: str = ""
    checkable: bool = False


def default_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    """The key sequences a spec's default shortcut stands for on this platform."""
    if shortcut is None or shortcut == "":
        return []
    if isinstance(shortcut, QKeySequence.StandardKey):
        return list(QKeySequence.keyBindings(shortcut))
    return [QKeySequence(shortcut)]


class ActionRegistry(QObject):
    """Owns every QAction of the window, keyed by a stable id such as ``article.save``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._specs: dict[str, ActionSpec] = {}
        self._actions: dict[str, QAction] = {}

    def add(self, spec: ActionSpec, slot: Callable[..., object] | None = None) -> QAction:
        """Create the action for ``spec`` and connect ``slot`` to ``triggered``."""
        if spec.id in self._actions:
            raise ValueError(f"Action id '{spec.id}' is registered twice; ids must be unique.")
        action = QAction(spec.text, self.parent() or self)
        action.setObjectName(spec.id)
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        if spec.icon:
            from ui.icons import icon

            action.setIcon(icon(spec.icon))
        self._specs[spec.id] = spec
        self._actions[spec.id] = action
        self._apply_shortcut(spec.id)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def action(self, action_id: str) -> QAction:
        try:
            return self._actions[action_id]
        except KeyError:
            raise KeyError(f"No action with id '{action_id}' is registered.") from None

    def spec(self, action_id: str) -> ActionSpec:
        return self._specs[action_id]

    def has(self, action_id: str) -> bool:
        return action_id in self._actions

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def ids(self) -> Iterator[str]:
        return iter(self._actions)

    # --- user-overridable shortcuts -------------------------------------------------

    def set_user_shortcut(self, action_id: str, sequence: str | None) -> None:
        """Store a user's shortcut for ``action_id``; ``None`` goes back to the default.

        An empty string means "no shortcut at all" (the user removed it).
        """
        self.action(action_id)  # a clear error for unknown ids
        settings = QSettings()
        key = f"{SHORTCUT_GROUP}/{action_id}"
        if sequence is None:
            settings.remove(key)
        else:
            settings.setValue(key, QKeySequence(sequence).toString(QKeySequence.PortableText))
        self._apply_shortcut(action_id)

    def user_shortcut(self, action_id: str) -> str | None:
        value = QSettings().value(f"{SHORTCUT_GROUP}/{action_id}")
        return None if value is None else str(value)

    def reload_shortcuts(self) -> None:
        for action_id in self._actions:
            self._apply_shortcut(action_id)

    def retranslate(self, texts: dict[str, tuple[str, str]]) -> None:
        """Swap in new (text, tip) pairs after the interface language changed."""
        for action_id, (text, tip) in texts.items():
            if action_id in self._actions:
                action = self._actions[action_id]
                action.setText(text)
                action.setToolTip(tip or text.replace("&", ""))
                action.setStatusTip(tip)

    def _apply_shortcut(self, action_id: str) -> None:
        action = self._actions[action_id]
        override = self.user_shortcut(action_id)
        if override is not None:
            sequences = [QKeySequence(override)] if override else []
        else:
            sequences = default_sequences(self._specs[action_id].shortcut)
        action.setShortcuts(sequences)
