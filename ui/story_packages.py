"""File → Send as package… / Open package…, and a package dropped on the window.

A story package carries articles where there is no network (editor.packages): sending
writes the open article (with its pictures, base version and checksums) into a zip;
opening one checks it whole, then takes each article through the sync's merge as the
person signed in to this window. What happened to each article is said in one box; a
damaged or changed package is refused in one sentence and nothing is imported.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from ui.actions import ActionSpec
from ui.file_dialogs import open_file_name, save_file_name

ACTION_IDS = ("file.open_package", "file.send_package")
SUFFIX = ".redaksi.zip"


def _dropped_packages(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [
        Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile().endswith(".zip")
    ]


class PackageActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        registry = window.registry
        registry.add(ActionSpec("file.open_package", "", None, None), self.open_package)
        registry.add(ActionSpec("file.send_package", "", None, None), self.send_package)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.retranslate()

    # --- sending ----------------------------------------------------------------------

    def send_package(self) -> None:
        window = self.window
        article_id = window.editor.record_id()
        if window.db is None or article_id is None:
            window.status.showMessage(self.tr("Open the article to send first."), 8000)
            return
        if not window.flush():
            return
        from editor.errors import RedaksiError
        from editor.packages.writer import export_package
        from editor.slugs import slugify

        record = window.editor.current_record()
        name = (slugify(record.headline) or "artikel")[:60] + SUFFIX
        path = save_file_name(
            window,
            self.tr("Send as package"),
            str(Path.home() / name),
            self.tr("Story packages (*.redaksi.zip)"),
        )
        if not path:
            return
        try:
            written = export_package(
                window.db, [article_id], Path(path), zone=window.context.settings.zone
            )
        except RedaksiError as error:
            window._error(str(error))
            return
        window.status.showMessage(
            self.tr("Package written: %1 (%2 pictures)")
            .replace("%1", str(written.path))
            .replace("%2", str(written.pictures)),
            15000,
        )

    # --- opening ----------------------------------------------------------------------

    def open_package(self) -> None:
        path = open_file_name(
            self.window,
            self.tr("Open package"),
            str(Path.home()),
            self.tr("Story packages (*.redaksi.zip *.zip)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        window = self.window
        if window.db is None or not window.flush():
            return
        from editor.errors import RedaksiError
        from editor.packages.merge_in import import_package
        from editor.packages.reader import read_package

        try:
            ids = [article.id for article in read_package(path).articles]
        except RedaksiError as error:
            window._error(str(error))
            return
        refusal = window.workflow.write_refusal() if window.workflow is not None else ""
        if refusal:
            window._error(refusal)
            return
        actor_id = self._actor_id()
        if actor_id is None:
            window._error(
                self.tr(
                    "Choose who you are first (Article → Switch profile…): the changes a "
                    "package brings are made as that person."
                )
            )
            return
        open_id = window.editor.record_id()
        if open_id in ids:
            # Let go of the open article (and its edit lock) while the package merges in.
            window.open_article(None)
        try:
            report = import_package(window.db, path, actor_id=actor_id)
        except RedaksiError as error:
            window._error(str(error))
            return
        finally:
            window.list_pane.refresh()
        self._tell(report)
        taken = [a.id for a in report.articles if a.outcome != "refused"]
        if taken:
            window.list_pane.select_article(taken[0])
            window.open_article(taken[0])

    def _actor_id(self) -> uuid.UUID | None:
        actor = self.window._actor_id()
        if actor is None and self.window.db is not None:
            from editor.sync.replica import remote_config

            config = remote_config(self.window.db)
            actor = config.person_id if config is not None else None
        return actor

    def _tell(self, report: Any) -> None:
        outcomes = {
            "created": self.tr("added as a new draft"),
            "applied": self.tr("updated"),
            "merged": self.tr("merged with the changes made here"),
            "conflict": self.tr("in conflict: both texts are kept; compare them and choose"),
            "refused": self.tr("refused"),
        }
        lines = []
        for article in report.articles:
            said = outcomes.get(article.outcome, article.outcome)
            if article.again:
                said = self.tr("opened before; nothing changed")
            reason = f" ({article.reason})" if article.reason else ""
            lines.append(f"• {article.headline or self.tr('Untitled')}: {said}{reason}")
        troubled = any(a.outcome in ("conflict", "refused") for a in report.articles)
        text = self.tr("%1 opened:").replace("%1", report.path.name) + "\n\n" + "\n".join(lines)
        if troubled:
            QMessageBox.warning(self.window, self.tr("Package opened"), text)
        else:
            QMessageBox.information(self.window, self.tr("Package opened"), text)

    # --- drag and drop ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.DragEnter:
            assert isinstance(event, QDragEnterEvent)
            if _dropped_packages(event):
                event.acceptProposedAction()
                return True
        if watched is self.window and event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            packages = _dropped_packages(event)
            if packages:
                event.acceptProposedAction()
                for path in packages:
                    self.import_file(path)
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.window.registry.retranslate(
            {
                "file.open_package": (
                    self.tr("&Open package…"),
                    self.tr("Take in articles sent as a story package; they merge like a sync"),
                ),
                "file.send_package": (
                    self.tr("Send as &package…"),
                    self.tr("Write the open article, its pictures and checksums into a zip file"),
                ),
            }
        )
