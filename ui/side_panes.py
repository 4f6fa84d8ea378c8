"""The window's right-hand column: the preview and the Workflow panel.

Where the column is wide enough both stand side by side; where it is not (a 1366-pixel
laptop) they are tabs of one pane, so the article list and the editor keep their room and
neither the preview nor the workflow buttons are squeezed unreadable. The column decides
by its own width, so dragging the window's splitter switches too. Either pane can be
hidden (View → Preview, View → Workflow); with both hidden the column goes away.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

#: From this width on, preview and workflow stand side by side (each keeps ~350 px).
SIDE_BY_SIDE = 760
#: ...and below this one they become tabs again: a gap, so a width near the threshold
#: does not flip the layout back and forth.
TABS_BELOW = 720


class SidePanes(QWidget):
    """Holds the preview and, once added, the Workflow panel; shows or hides each."""

    #: Whether the Workflow panel is shown (View → Workflow follows it).
    workflowShown = Signal(bool)

    def __init__(self, preview: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanes")
        self.preview = preview
        self.workflow: QWidget | None = None
        self._shown: dict[str, bool] = {"preview": True, "workflow": True}
        self._wide = False
        self._side_by_side = False
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sideTabs")
        self.tabs.setDocumentMode(True)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("sideSplit")
        self.split.setChildrenCollapsible(False)
        self.split.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.split)
        self._arrange(force=True)

    # --- what is shown -----------------------------------------------------------------

    def set_workflow(self, panel: QWidget) -> None:
        self.workflow = panel
        self._arrange(force=True)

    def is_workflow_shown(self) -> bool:
        return self.workflow is not None and self._shown["workflow"]

    def set_workflow_shown(self, shown: bool) -> None:
        changed = shown != self._shown["workflow"]
        self._shown["workflow"] = shown
        self._arrange(force=True)
        if changed:
            self.workflowShown.emit(shown)

    def show_workflow(self) -> None:
        """Bring the panel to the front and put the keyboard focus in it."""
        self.set_workflow_shown(True)
        if self.workflow is not None:
            self._bring_forward(self.workflow)
            self.workflow.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.workflow.focusNextChild()

    def set_preview_shown(self, shown: bool) -> None:
        self._shown["preview"] = shown
        self._arrange(force=True)
        if shown:
            self._bring_forward(self.preview)

    def is_behind(self, pane: QWidget) -> bool:
        """``pane`` is a tab, but not the one in front."""
        index = self.tabs.indexOf(pane)
        return index >= 0 and self.tabs.currentIndex() != index

    def is_side_by_side(self) -> bool:
        return self._side_by_side

    def _bring_forward(self, pane: QWidget) -> None:
        if self.tabs.indexOf(pane) >= 0:
            self.tabs.setCurrentWidget(pane)

    # --- layout --------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _panes(self) -> list[QWidget]:
        """The panes to show, preview first."""
        panes = [self.preview] if self._shown["preview"] else []
        if self.workflow is not None and self._shown["workflow"]:
            panes.append(self.workflow)
        return panes

    def _arrange(self, *, force: bool = False) -> None:
        width = self.width()
        wide = width >= SIDE_BY_SIDE or (self._wide and width >= TABS_BELOW)
        if wide == self._wide and not force:
            return
        self._wide = wide
        panes = self._panes()
        self._side_by_side = wide and len(panes) == 2
        self.setVisible(bool(panes))
        current = self.tabs.currentWidget()
        for pane in (self.preview, self.workflow):
            if pane is not None and pane not in panes:
                self._take_out(pane)
        if self._side_by_side:
            for index, pane in enumerate(panes):
                self.split.insertWidget(index, pane)
                pane.show()
            self.split.setSizes([width - width // 2, width // 2])
            self.tabs.hide()
            self.split.show()
            return
        for index, pane in enumerate(panes):
            if self.tabs.indexOf(pane) < 0:
                self.tabs.insertTab(index, pane, "")
                # At once the tab's size, not on the next layout pass: a page shown
                # before that pass would draw at its old size, cut off at the right.
                stack = pane.parentWidget()
                if stack is not None:
                    pane.setGeometry(stack.rect())
        if current is not None and self.tabs.indexOf(current) >= 0:
            self.tabs.setCurrentWidget(current)
        front = self.tabs.currentWidget()
        if front is not None:
            front.show()  # the stack shows only the front page; the others stay hidden
        self.tabs.tabBar().setVisible(self.tabs.count() > 1)
        self.split.hide()
        self.tabs.show()
        self._retranslate()

    def _take_out(self, pane: QWidget) -> None:
        index = self.tabs.indexOf(pane)
        if index >= 0:
            self.tabs.removeTab(index)
        pane.setParent(self)
        pane.hide()

    # --- language ------------------------------------------------------------------

    def _retranslate(self) -> None:
        index = self.tabs.indexOf(self.preview)
        if index >= 0:
            self.tabs.setTabText(index, self.tr("Preview"))
        if self.workflow is not None and self.tabs.indexOf(self.workflow) >= 0:
            self.tabs.setTabText(self.tabs.indexOf(self.workflow), self.tr("Workflow"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
