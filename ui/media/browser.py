"""Tools → Media library: the newsroom's pictures as thumbnails, found by caption, credit
or file name, described, used in the open article, replaced everywhere.

The window stays open beside the editor (it is not modal): a picture is made the open
article's lead image or inserted into its body at the cursor with one click, as often as
needed, in one article or the next. Describing a picture (caption, credit, alt text,
licence) changes it for every article that shows it; "Replace file…" gives every such
article a new version of the picture at once (``editor.media.usage``). Files dropped on
the window, or added with "Add pictures…", join the library; one that is no picture is
refused in one line naming it, and the others are still added.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.errors import RedaksiError
from ui.file_dialogs import open_file_name
from ui.media.dropped import dropped_files

if TYPE_CHECKING:
    from editor.database import Database
    from editor.media.library import MediaRecord

#: Thumbnails in the grid and the picture beside the description, in pixels.
THUMB = 132
PREVIEW = 300
#: How long typing in the search box waits before searching (milliseconds).
SEARCH_DELAY = 200
IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.gif"

# Keeps the picture at a path in the library (asks who brings it if need be); raises
# RedaksiError or OSError saying why not.
TakePicture = Callable[[str], "MediaRecord"]


def thumbnail(data: bytes | None, size: int) -> QPixmap:
    """The picture scaled to fit ``size`` (its camera orientation applied), or a grey
    square for a picture whose bytes are not on this computer yet."""
    image = QImage()
    if data is not None:
        image.loadFromData(data)
    if image.isNull():
        blank = QPixmap(size, size)
        blank.fill(Qt.GlobalColor.lightGray)
        return blank
    return QPixmap.fromImage(
        image.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )


def _short_text(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    lines = edit.fontMetrics().lineSpacing() * 3
    edit.setFixedHeight(lines + 2 * edit.frameWidth() + 8)
    return edit


class MediaBrowser(QDialog):
    #: The library changed (a picture added, described or replaced).
    changed = Signal()
    #: The articles (ids) that show a new version of a picture.
    replaced = Signal(list)

    def __init__(
        self,
        db: Database,
        take_picture: TakePicture,
        someone_working: Callable[[], object],
        *,
        use_as_lead: Callable[[MediaRecord], None],
        insert_in_body: Callable[[MediaRecord], None],
        article_open: Callable[[], bool],
        save_open: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mediaBrowser")
        self.setWindowTitle(self.tr("Media library"))
        self.setAcceptDrops(True)
        self._db = db
        self._take = take_picture
        self._someone_working = someone_working
        self._use_as_lead = use_as_lead
        self._insert_in_body = insert_in_body
        self._article_open = article_open
        self._save_open = save_open
        self._records: dict[str, MediaRecord] = {}
        self._thumbs: dict[str, QIcon] = {}
        #: On a replica, pictures not here yet are fetched on a worker when chosen.
        from ui.sync.pictures import PictureFetches

        self._fetches = PictureFetches(db, self)
        self._fetches.arrived.connect(self._picture_arrived)
        #: Pictures fetched while this window was open (their records predate the bytes).
        self._fetched: set[str] = set()

        self.search = QLineEdit(self)
        self.search.setObjectName("mediaSearch")
        self.search.setPlaceholderText(self.tr("Search caption, credit, alt text or file name"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.add_button = QPushButton(self.tr("Add pictures…"), self)

        self.grid = QListWidget(self)
        self.grid.setObjectName("mediaGrid")
        self.grid.setViewMode(QListWidget.ViewMode.IconMode)
        self.grid.setIconSize(QSize(THUMB, THUMB))
        self.grid.setGridSize(QSize(THUMB + 24, THUMB + 44))
        self.grid.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.grid.setMovement(QListWidget.Movement.Static)
        self.grid.setWordWrap(True)
        self.grid.setUniformItemSizes(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.preview = QLabel(self)
        self.preview.setObjectName("mediaPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW, PREVIEW * 2 // 3)
        self.facts = QLabel(self)
        self.facts.setObjectName("mediaFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Captions and alt texts run to a sentence or two: room for three lines each.
        self.caption = _short_text(self)
        self.credit = QLineEdit(self, placeholderText=self.tr("e.g. NATO/Net"))
        self.alt_text = _short_text(self)
        self.alt_text.setPlaceholderText(
            self.tr("What the photo shows, for readers who cannot see it")
        )
        self.license = QLineEdit(self, placeholderText=self.tr("e.g. CC BY 4.0, public domain"))
        self.save_button = QPushButton(self.tr("Save description"), self)
        self.lead_button = QPushButton(self.tr("Use as lead image"), self)
        self.body_button = QPushButton(self.tr("Insert into body"), self)
        self.replace_button = QPushButton(self.tr("Replace file…"), self)

        form = QFormLayout()
        form.addRow(self.tr("Caption"), self.caption)
        form.addRow(self.tr("Credit"), self.credit)
        form.addRow(self.tr("Alt text"), self.alt_text)
        form.addRow(self.tr("Licence"), self.license)
        uses = QHBoxLayout()
        uses.addWidget(self.lead_button)
        uses.addWidget(self.body_button)
        details = QWidget(self)
        side = QVBoxLayout(details)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.preview)
        side.addWidget(self.facts)
        side.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.replace_button)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        side.addLayout(save_row)
        side.addLayout(uses)
        side.addStretch(1)

        left = QWidget(self)
        grid_side = QVBoxLayout(left)
        grid_side.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        grid_side.addLayout(top)
        grid_side.addWidget(self.grid, 1)
        grid_side.addWidget(self.empty)

        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)

        self.add_button.clicked.connect(lambda: self.add_pictures())
        self.grid.currentItemChanged.connect(lambda *_: self._show_current())
        self.save_button.clicked.connect(self.save_description)
        self.lead_button.clicked.connect(self._use_lead)
        self.body_button.clicked.connect(self._use_body)
        self.replace_button.clicked.connect(self.replace_file)
        self.grid.itemDoubleClicked.connect(lambda *_: self._use_body())
        self.resize(1000, 640)
        self.refresh()

    # --- what is shown --------------------------------------------------------------

    def current(self) -> MediaRecord | None:
        item = self.grid.currentItem()
        return self._records.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def refresh(self, select: str | None = None) -> None:
        """Search again with the box's words; keep (or move to) the picture ``select``."""
        from editor.media.library import media_bytes, search_media

        keep = select or (record.sha256 if (record := self.current()) else None)
        found = search_media(self._db, self.search.text())
        self._records = {record.sha256: record for record in found}
        self.grid.blockSignals(True)
        self.grid.clear()
        for record in found:
            icon = self._thumbs.get(record.sha256)
            if icon is None:
                icon = QIcon(thumbnail(media_bytes(self._db, record.sha256), THUMB))
                self._thumbs[record.sha256] = icon
            item = QListWidgetItem(icon, record.caption or record.original_name)
            item.setData(Qt.ItemDataRole.UserRole, record.sha256)
            item.setToolTip(self._tip(record))
            self.grid.addItem(item)
            if record.sha256 == keep:
                self.grid.setCurrentItem(item)
        self.grid.blockSignals(False)
        if self.grid.currentItem() is None and self.grid.count():
            self.grid.setCurrentRow(0)
        if not found:
            self.empty.setText(
                self.tr("No picture matches “%1”.").replace("%1", self.search.text())
                if self.search.text().strip()
                else self.tr("No pictures yet: drop photos here or use Add pictures…")
            )
        self.empty.setVisible(not found)
        self._show_current()

    def _show_picture(self, record: MediaRecord) -> None:
        """The picture beside the description; on a replica that lacks its bytes, a
        placeholder saying it is on its way or not available offline."""
        from ui.sync.pictures import shown_bytes

        self.preview.setPixmap(
            thumbnail(shown_bytes(self._fetches, record.sha256, PREVIEW, PREVIEW), PREVIEW)
        )

    def _picture_arrived(self, sha256: str) -> None:
        """A picture came from the newsroom server (or turned out out of reach): its
        thumbnail and, if it is the one shown, its preview and facts follow; what is being
        typed in the description stays."""
        from editor.media.library import media_bytes

        data = media_bytes(self._db, sha256)
        if data is not None:
            self._fetched.add(sha256)
            self._thumbs[sha256] = QIcon(thumbnail(data, THUMB))
            for row in range(self.grid.count()):
                item = self.grid.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == sha256:
                    item.setIcon(self._thumbs[sha256])
        record = self.current()
        if record is not None and record.sha256 == sha256:
            self._show_picture(record)
            self._show_uses()

    def _tip(self, record: MediaRecord) -> str:
        lines = [record.original_name, record.caption, record.credit]
        return "\n".join(line for line in lines if line)

    def _show_current(self) -> None:
        """The current picture's preview and description (what is typed is replaced)."""
        record = self.current()
        fields = (self.caption, self.credit, self.alt_text, self.license)
        for field in (*fields, self.save_button, self.replace_button):
            field.setEnabled(record is not None)
        if record is None:
            self.preview.clear()
            for field in fields:
                field.clear()
        else:
            self._show_picture(record)
            self.caption.setPlainText(record.caption)
            self.credit.setText(record.credit)
            self.alt_text.setPlainText(record.alt_text)
            self.license.setText(record.license)
        self._show_uses()

    def _show_uses(self) -> None:
        """Where the current picture is used, and whether an article is open to use it in:
        both change while the window stays open, so they are shown again on return."""
        from editor.media.usage import articles_using

        record = self.current()
        may_use = record is not None and self._article_open()
        self.lead_button.setEnabled(may_use)
        self.body_button.setEnabled(may_use)
        if record is None:
            self.facts.clear()
            return
        uses = articles_using(self._db, record.sha256)
        used = (
            self.tr("Used in %n article(s): %1", "", len(uses)).replace(
                "%1", "; ".join(u.headline or self.tr("Untitled") for u in uses[:3])
            )
            if uses
            else self.tr("Not used in any article yet.")
        )
        facts = f"{record.original_name} · {record.width} × {record.height} px · " + (
            self.tr("%1 KB").replace("%1", f"{max(1, record.size // 1024):,}")
        )
        from ui.sync.pictures import LOADING, OFFLINE

        state = self._fetches.state(record.sha256)
        if record.has_bytes or record.sha256 in self._fetched:
            pass
        elif state == OFFLINE:
            facts += " · " + self.tr("not available offline: the file is not on this computer")
        elif state == LOADING:
            facts += " · " + self.tr("loading the file from the newsroom server…")
        else:
            facts += " · " + self.tr("the file has not reached this computer yet")
        self.facts.setText(f"{facts}\n{used}")

    # --- changing the library -------------------------------------------------------

    def save_description(self) -> bool:
        from editor.media.library import describe_media

        record = self.current()
        if record is None:
            return False
        try:
            changed = describe_media(
                self._db,
                record.sha256,
                actor_id=self._someone_working(),  # type: ignore[arg-type]
                caption=self.caption.toPlainText(),
                credit=self.credit.text(),
                alt_text=self.alt_text.toPlainText(),
                license=self.license.text(),
            )
        except RedaksiError as error:
            QMessageBox.warning(self, self.tr("Description not saved"), str(error))
            return False
        self._records[changed.sha256] = changed
        self.refresh(select=changed.sha256)
        self.changed.emit()
        return True

    def add_pictures(self, paths: list[str] | None = None) -> list[MediaRecord]:
        """Bring files into the library (asks for them by default); the pictures added."""
        if paths is None:
            path = open_file_name(
                self,
                self.tr("Add a picture"),
                "",
                self.tr("Images (%1)").replace("%1", IMAGE_FILTER),
            )
            paths = [path] if path else []
        added: list[MediaRecord] = []
        refused: list[str] = []
        for path in paths:
            try:
                added.append(self._take(path))
            except (RedaksiError, OSError) as error:
                refused.append(str(error))
        if refused:
            QMessageBox.warning(self, self.tr("Picture not added"), "\n".join(refused))
        if added:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.refresh(select=added[-1].sha256)
            self.changed.emit()
        return added

    def replace_file(self) -> None:
        """A new version of the current picture for every article that shows it."""
        from editor.media.intake import read_picture
        from editor.media.usage import articles_using, replace_media

        record = self.current()
        if record is None:
            return
        path = open_file_name(
            self,
            self.tr("Replace “%1” with").replace("%1", record.caption or record.original_name),
            "",
            self.tr("Images (%1)").replace("%1", IMAGE_FILTER),
        )
        if not path:
            return
        count = len(articles_using(self._db, record.sha256))
        if count:
            answer = QMessageBox.question(
                self,
                self.tr("Replace everywhere"),
                self.tr(
                    "Show %1 instead in the %n article(s) that show this picture?", "", count
                ).replace("%1", Path(path).name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        # What is typed in the open article is saved first: it may be one of them.
        if not self._save_open():
            return
        try:
            done = replace_media(
                self._db,
                record.sha256,
                read_picture(Path(path)),
                actor_id=self._someone_working(),  # type: ignore[arg-type]
            )
        except (RedaksiError, OSError) as error:
            QMessageBox.warning(self, self.tr("Picture not replaced"), str(error))
            return
        self.refresh(select=done.record.sha256)
        self.changed.emit()
        self.replaced.emit([use.article_id for use in done.articles])

    # --- using a picture ------------------------------------------------------------

    def _use_lead(self) -> None:
        self._use(self._use_as_lead)

    def _use_body(self) -> None:
        self._use(self._insert_in_body)

    def _use(self, how: Callable[[MediaRecord], None]) -> None:
        record = self.current()
        if record is not None and self._article_open():
            how(record)
            # Saved at once, so "Used in …" counts it and another article may follow.
            self._save_open()
            self._show_uses()

    def changeEvent(self, event: QEvent) -> None:
        # Back from the editor: another article may be open, and uses may have changed;
        # a description being typed stays as it is.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._show_uses()
        super().changeEvent(event)

    # --- drops ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if not files:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.add_pictures(files)
