"""The preview pane: the article as readers will see it, re-rendered when typing pauses.

Typing never waits for the preview. ``show_record`` only remembers the record and
restarts a short timer; when the timer fires the page is built on a worker thread, and
the result is shown only if nothing changed meanwhile (a stale page is dropped).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.config import Settings
from editor.records import ArticleRecord, SectionRecord
from editor.sqlite_guard import is_open_database_file
from ui.preview.background import BackgroundRunner
from ui.preview.paper import use_paper
from ui.preview.pictures import PreviewPictures, add_to, decode

if TYPE_CHECKING:
    from editor.database import Database
    from ui.sync.pictures import PictureFetches

#: How long typing must pause before the preview is rebuilt.
DEBOUNCE_MS = 300
IMAGE_MARGIN = 48
DOCUMENT_MARGIN = 16


class PreviewDocument(QTextDocument):
    """The page, with its pictures loaded as Qt does, but never a file of the open database.

    An article's lead image or body can name any path, the newsroom database's too;
    opening that file here would drop SQLite's locks on it (editor.sqlite_guard).
    """

    #: The width pictures are shown at (library pictures are decoded at it too).
    image_width = 720

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if url.scheme() == "media":
            return QImage()  # a library picture not given to the document: missing
        if any(is_open_database_file(path) for path in self._local_paths(url)):
            return QImage()  # shown as a missing picture; None would let Qt read the file
        if kind == QTextDocument.ResourceType.ImageResource.value:
            for path in self._local_paths(url):
                if os.path.isfile(path):
                    # A picture named by its file: decoded at the column's width, as
                    # library pictures are, not at full size past the preview's edge.
                    return decode(_read(path), self.image_width)
        return super().loadResource(kind, url)

    def _local_paths(self, url: QUrl) -> list[str]:
        """Every file Qt might read for ``url``: a file URL, or a relative name taken from
        the working folder or the document's base."""
        if url.isLocalFile():
            return [url.toLocalFile()]
        if len(url.scheme()) > 1:  # http and the like (one letter: a Windows drive)
            return []
        paths = [url.toString()]
        if self.baseUrl().isLocalFile():
            paths.append(self.baseUrl().resolved(url).toLocalFile())
        return paths


def _read(path: str) -> bytes:
    """The file's bytes; none (a missing picture) when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


class PreviewPane(QWidget):
    """A QTextBrowser showing the article page, following the editor's scroll position."""

    #: Emitted after new HTML is on screen (tests and benchmarks wait for it).
    rendered = Signal()
    #: Emitted when building the page failed; the message says what to fix.
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self._record: ArticleRecord | None = None
        self._settings: Settings | None = None
        self._section_names: dict[str, str] = {}
        self._generation = 0
        self._wanted_token = 0
        self._scroll_fraction = 0.0
        self._html = ""
        self._db: Database | None = None
        self._pictures = PreviewPictures()
        self._fetches: PictureFetches | None = None
        #: Where "Open in browser" writes its pages: made on first use, removed with the pane.
        self._browser_folder: tempfile.TemporaryDirectory[str] | None = None

        self.browser = QTextBrowser()
        self.browser.setDocument(PreviewDocument(self.browser))
        self.browser.setObjectName("previewBrowser")
        use_paper(self.browser)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(QDesktopServices.openUrl)
        # Imported here: the renderer pulls in Markdown, which the first paint can do without.
        from ui.preview.document import preview_css

        self._css = preview_css()
        self.browser.document().setDefaultStyleSheet(self._css)
        self.browser.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openInBrowser")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_in_browser)
        try:
            from ui.icons import icon

            self.open_button.setIcon(icon("browser"))
        except Exception:  # an icon is a nicety; the button works without one
            pass

        header = QHBoxLayout()
        header.setContentsMargins(8, 4, 8, 4)
        header.addWidget(self.title)
        header.addWidget(self.status, 1)
        header.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.browser, 1)

        self.retranslate()

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._render)
        self._runner = BackgroundRunner(self)
        self._runner.finished.connect(self._rendered)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Preview"))
        self.open_button.setText(self.tr("Open in browser"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what to show ----------------------------------------------------------------

    def set_sections(self, sections: list[SectionRecord]) -> None:
        """Section names for the breadcrumb ("Berita › Dunia"), keyed by path."""
        self._section_names = {section.path: section.name for section in sections}

    def show_record(self, record: ArticleRecord, settings: Settings) -> None:
        """Show ``record`` soon; cheap enough to call on every keystroke."""
        self._record = record
        self._settings = settings
        self._generation += 1
        self.open_button.setEnabled(True)
        self._timer.start()

    def show_now(self) -> None:
        """Skip the pause: build the page right away (still off the GUI thread)."""
        self._timer.stop()
        self._render()

    def clear(self) -> None:
        self._record = None
        self._generation += 1
        self._timer.stop()
        self.browser.clear()
        self.open_button.setEnabled(False)

    def html(self) -> str:
        """The HTML last put on screen."""
        return self._html

    def is_pending(self) -> bool:
        return self._timer.isActive() or self._runner.busy()

    # --- rendering off the GUI thread ------------------------------------------------

    def _render(self) -> None:
        if self._record is None or self._settings is None:
            return
        from ui.preview.document import build_preview

        record, settings, names = self._record, self._settings, dict(self._section_names)
        generation = self._generation
        width = max(200, min(720, self.browser.viewport().width() - IMAGE_MARGIN))
        gui_thread = self.thread()
        css = self._css
        text_width = self.browser.viewport().width()
        pictures = self._pictures
        gathered = pictures.gather(record)
        db = self._db

        def work() -> tuple[int, str, QTextDocument, dict[str, QImage], int]:
            from ui.preview.document import correction_box

            page = build_preview(
                record,
                settings,
                section_names=names,
                image_width=width,
                corrections=correction_box(db, record, settings.zone),
            )
            images = pictures.images(gathered, width)
            # Parsing the HTML into a document and laying it out are the slow part of showing
            # it (about 35 ms for 8,000 words): done here, the GUI thread only swaps it in.
            # PySide6 holds the interpreter lock during each of these calls, so Python on
            # the GUI thread can still wait that long once per render (bench/typing_bench.py
            # measures it); C++ work there (painting, input) goes on.
            document = PreviewDocument()
            document.image_width = width
            document.setDefaultStyleSheet(css)
            document.setDocumentMargin(DOCUMENT_MARGIN)
            add_to(document, images)
            document.setHtml(page)
            # Laid out here too, at the browser's width, so the swap does not lay it out.
            document.setTextWidth(text_width)
            document.size()
            document.moveToThread(gui_thread)
            return generation, page, document, images, width

        self._wanted_token = self._runner.submit(work)

    def _rendered(self, token: int, result: object) -> None:
        if isinstance(result, Exception):
            message = self.tr("The preview could not be built: %1").replace("%1", str(result))
            self.status.setText(message)
            self.failed.emit(message)
            return
        if not isinstance(result, tuple):
            return
        generation, page, document, images, width = result
        self._pictures.keep(images, width)
        if generation != self._generation:
            document.deleteLater()
            return  # typed on meanwhile: a newer page is on its way
        self.status.clear()
        bar = self.browser.verticalScrollBar()
        self._html = page
        # As the browser's child, the document is deleted by the browser when replaced.
        document.setParent(self.browser)
        self.browser.setDocument(document)
        # A new document starts at the top; put the reader back where the editor is.
        bar.setValue(round(self._scroll_fraction * bar.maximum()))
        self.rendered.emit()

    # --- scrolling -------------------------------------------------------------------

    def set_scroll_fraction(self, fraction: float) -> None:
        self._scroll_fraction = min(1.0, max(0.0, fraction))
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(self._scroll_fraction * bar.maximum()))

    def scroll_fraction(self) -> float:
        bar = self.browser.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    # --- open in browser -------------------------------------------------------------

    def page_for_browser(self) -> str:
        """The current article as a complete page with its stylesheet."""
        if self._record is None or self._settings is None:
            raise RuntimeError("No article is shown in the preview.")
        from ui.preview.document import build_preview

        return build_preview(
            self._record, self._settings, section_names=self._section_names, full_page=True
        )

    def set_database(self, db: Database | None) -> None:
        """With a database, "Open in browser" shows the page exactly as publish writes it,
        and the media library's pictures show."""
        self._db = db
        if db is None:
            self._pictures.set_loader(None)
            return
        from ui.sync.pictures import PictureFetches, preview_loader

        # On a replica a picture not here yet is fetched on a worker; offline it says so.
        if self._fetches is not None:
            self._fetches.deleteLater()
        self._fetches = PictureFetches(db, self)
        self._fetches.arrived.connect(self._picture_arrived)
        self._pictures.set_loader(preview_loader(self._fetches))

    def _picture_arrived(self, sha256: str) -> None:
        """A picture came from the newsroom server (or turned out out of reach): the page
        is shown again with it."""
        self._pictures.forget(sha256)
        if self._record is not None:
            self._generation += 1
            self._timer.start()

    def browser_folder(self) -> Path:
        """This pane's own folder for "Open in browser" pages.

        Made by mkdtemp under a random name, readable and writable by this user alone
        (0700): on a shared machine nobody else can plant a file or a link where the page
        is written, as they could in a fixed folder in /tmp.
        """
        if self._browser_folder is None:
            self._browser_folder = tempfile.TemporaryDirectory(prefix="redaksi-preview-")
        return Path(self._browser_folder.name)

    def open_in_browser(self) -> Path | None:
        """Write the page to this pane's private folder and open it in the system browser."""
        if self._record is None or self._settings is None:
            return None
        folder = self.browser_folder()
        target = None
        if self._db is not None:
            from ui.preview.published_page import render_published_page

            try:
                target = render_published_page(self._db, self._record, self._settings, folder)
            except Exception as error:  # the preview page below still shows the article
                self.status.setText(
                    self.tr("Showing the preview page: %1").replace("%1", str(error))
                )
        if target is None:
            target = folder / f"{self._record.id}.preview.html"
            target.write_text(self.page_for_browser(), encoding="utf-8")
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            # No browser started (none set up, or it failed): say so, and where the page is.
            QMessageBox.warning(
                self,
                self.tr("No browser opened"),
                self.tr(
                    "No web browser could be started. The page is saved here; open it in a "
                    "browser yourself:\n%1"
                ).replace("%1", str(target)),
            )
        return target
