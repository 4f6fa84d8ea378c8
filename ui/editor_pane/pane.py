"""The editor pane: metadata form, formatting toolbar, Markdown body, find/replace bar.

The pane edits one ArticleRecord at a time. It never touches the database: saving is
the autosave controller's job, and ``mark_saved`` tells the pane a save went through.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QSizePolicy, QToolBar, QVBoxLayout, QWidget

from editor.records import ArticleRecord, PersonRecord, SectionRecord
from ui.actions import ActionRegistry, ActionSpec
from ui.editor_pane.body_editor import BodyEditor
from ui.editor_pane.content import content, with_content
from ui.editor_pane.formatting import insert_block, prefix_lines, wrap_selection
from ui.editor_pane.metadata_form import MetadataForm
from ui.editor_pane.pictures import PictureIntake, bring_in
from ui.editor_pane.related_dialog import ArticleSearch, RelatedArticleDialog
from ui.editor_pane.restore_undo import RestoreUndo
from ui.editor_pane.spelling_hooks import PaneSpelling
from ui.editor_pane.word_count import WordCount
from ui.file_dialogs import open_file_name
from ui.find_replace import FindReplaceBar
from ui.spelling.service import SpellingService

if TYPE_CHECKING:
    from editor.media.library import MediaRecord
    from editor.workflow.spelling_item import WordExceptions

ArticlePath = Callable[[uuid.UUID], str]


class EditorPane(QWidget):
    """Edits one article. Signals tell the window what changed; nothing is saved here."""

    contentChanged = Signal()
    statsChanged = Signal(int, int)
    scrollFractionChanged = Signal(float)
    #: "Add to the newsroom dictionary" chosen: the window adds it as the signed-in person.
    newsroomWordRequested = Signal(str)
    #: Something the person should read once (a word not added, no dictionary...).
    spellingNotice = Signal(str)
    #: Local files dropped on the body (the window brings pictures into the library).
    picturesDropped = Signal(list)

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorPane")
        self._registry = registry
        self._record: ArticleRecord | None = None
        self._loading = False
        self._dirty = False
        self._search: ArticleSearch | None = None
        self._sections: list[SectionRecord] = []
        self._people: list[PersonRecord] = []
        self._article_path: ArticlePath | None = None
        self._take_picture: PictureIntake | None = None

        self.form = MetadataForm()
        self.body = BodyEditor()
        self.spelling = PaneSpelling(
            self.body,
            [(self.form.headline, True), (self.form.kicker, True), (self.form.caption, False)],
            article=self.record_id,
            language=lambda: str(self.form.language.currentData() or "id"),
            newsroom_word=self.newsroomWordRequested.emit,
            notice=self.spellingNotice.emit,
        )
        self.body.filesDropped.connect(self.picturesDropped)
        self.find_bar = FindReplaceBar(self.body)
        self.words = WordCount(self.body.toPlainText, self)
        self.words.counted.connect(self.statsChanged)
        self.target_label = self.words.label
        self._toolbar = QToolBar(self.tr("Formatting"))
        self._toolbar.setObjectName("formattingToolbar")
        self._toolbar.setIconSize(self._toolbar.iconSize() * 0.8)
        self._create_actions()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.form)
        layout.addWidget(self._toolbar)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.find_bar)

        self._restore_undo = RestoreUndo(self)
        self.body.textChanged.connect(self._body_changed)
        self.form.changed.connect(self._changed)
        self.form.sectionChanged.connect(self._section_changed)
        self.form.language.currentIndexChanged.connect(lambda _index: self.spelling.apply())
        self.body.verticalScrollBar().valueChanged.connect(
            lambda _value: self.scrollFractionChanged.emit(self.body.scroll_fraction())
        )
        self.setEnabled(False)

    # --- language ------------------------------------------------------------------

    def retranslate(self) -> None:
        """The pane's actions in the interface language, again after a language change
        (the form rewords itself)."""
        self._toolbar.setWindowTitle(self.tr("Formatting"))
        self._registry.retranslate(
            {
                "edit.bold": (self.tr("Bold"), ""),
                "edit.italic": (self.tr("Italic"), ""),
                "edit.heading": (self.tr("Heading"), ""),
                "edit.link": (self.tr("Link"), ""),
                "edit.quote": (self.tr("Quote"), ""),
                "edit.list": (self.tr("List"), ""),
                "edit.image": (self.tr("Image…"), ""),
                "edit.pullquote": (self.tr("Pull quote"), ""),
                "edit.related": (self.tr("“Baca juga” link…"), ""),
                "edit.find": (self.tr("Find"), ""),
                "edit.replace": (self.tr("Replace"), ""),
                "edit.undo": (self.tr("Undo"), ""),
                "edit.redo": (self.tr("Redo"), ""),
                "edit.paste_plain": (self.tr("Paste as plain text"), ""),
            }
        )
        self.words.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- actions and toolbar ---------------------------------------------------------

    def _action(self, spec: ActionSpec, slot: Callable[[], object]) -> QAction:
        """Register ``spec`` (or reuse the window's action of that id) and place it here."""
        if self._registry.has(spec.id):
            action = self._registry.action(spec.id)
            action.triggered.connect(slot)
        else:
            action = self._registry.add(spec, slot)
        # Shortcuts work while the keyboard is anywhere in this pane.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        formatting = [
            (
                ActionSpec("edit.bold", self.tr("Bold"), QKeySequence.StandardKey.Bold, "bold"),
                self.bold,
            ),
            (
                ActionSpec(
                    "edit.italic", self.tr("Italic"), QKeySequence.StandardKey.Italic, "italic"
                ),
                self.italic,
            ),
            (ActionSpec("edit.heading", self.tr("Heading"), "Ctrl+Alt+H", "heading"), self.heading),
            (ActionSpec("edit.link", self.tr("Link"), "Ctrl+K", "link"), self.link),
            (ActionSpec("edit.quote", self.tr("Quote"), "Ctrl+Shift+.", "quote"), self.quote),
            (ActionSpec("edit.list", self.tr("List"), "Ctrl+Shift+8", "list"), self.bullet_list),
            # triggered(bool) must not reach image(path) or related_link(chosen): a bare
            # lambda takes the argument-less signal.
            (
                ActionSpec("edit.image", self.tr("Image…"), "Ctrl+Shift+I", "image"),
                lambda: self.image(),
            ),
            (
                ActionSpec("edit.pullquote", self.tr("Pull quote"), "Ctrl+Shift+Q", "pullquote"),
                self.pull_quote,
            ),
            (
                ActionSpec("edit.related", self.tr("“Baca juga” link…"), "Ctrl+Shift+K", "related"),
                lambda: self.related_link(),
            ),
        ]
        for spec, slot in formatting:
            self._toolbar.addAction(self._action(spec, slot))
        self._toolbar.addSeparator()
        find = self._action(
            ActionSpec("edit.find", self.tr("Find"), QKeySequence.StandardKey.Find, "find"),
            self.find_bar.open_find,
        )
        replace_action = self._action(
            ActionSpec(
                "edit.replace", self.tr("Replace"), QKeySequence.StandardKey.Replace, "replace"
            ),
            self.find_bar.open_replace,
        )
        self._toolbar.addAction(find)
        self._toolbar.addAction(replace_action)
        self._toolbar.addSeparator()
        undo = self._action(
            ActionSpec("edit.undo", self.tr("Undo"), QKeySequence.StandardKey.Undo, "undo"),
            self.body.undo,
        )
        redo = self._action(
            ActionSpec("edit.redo", self.tr("Redo"), QKeySequence.StandardKey.Redo, "redo"),
            self.body.redo,
        )
        self._action(
            ActionSpec("edit.paste_plain", self.tr("Paste as plain text"), "Ctrl+Shift+V", None),
            self.body.paste_plain,
        )
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.body.undoAvailable.connect(undo.setEnabled)
        self.body.redoAvailable.connect(redo.setEnabled)
        self._toolbar.addAction(undo)
        self._toolbar.addAction(redo)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._toolbar.addWidget(spacer)
        self._toolbar.addWidget(self.target_label)

    def toolbar(self) -> QToolBar:
        return self._toolbar

    # --- spelling ------------------------------------------------------------------------

    def set_spelling(self, service: SpellingService) -> None:
        """Check spelling with the window's service (without one, nothing is checked)."""
        self.spelling.attach(service)

    def set_newsroom_words_allowed(self, allowed: bool) -> None:
        """Editors and admins may add to the newsroom's dictionary from the menus."""
        self.spelling.set_newsroom_words_allowed(allowed)

    def spelling_exceptions(self, article_id: uuid.UUID) -> WordExceptions:
        return self.spelling.exceptions(article_id)

    # --- formatting commands ---------------------------------------------------------

    def _cursor(self) -> QTextCursor:
        return self.body.textCursor()

    def _apply(self, command: Callable[[QTextCursor], None]) -> None:
        cursor = self._cursor()
        command(cursor)
        self.body.setTextCursor(cursor)
        self.body.setFocus()

    def bold(self) -> None:
        self._apply(lambda c: wrap_selection(c, "**", "**", self.tr("bold text")))

    def italic(self) -> None:
        self._apply(lambda c: wrap_selection(c, "*", "*", self.tr("italic text")))

    def link(self) -> None:
        self._apply(lambda c: wrap_selection(c, "[", "](https://)", self.tr("link text")))

    def heading(self) -> None:
        self._apply(lambda c: prefix_lines(c, "## "))

    def quote(self) -> None:
        self._apply(lambda c: prefix_lines(c, "> "))

    def bullet_list(self) -> None:
        self._apply(lambda c: prefix_lines(c, "- "))

    def pull_quote(self) -> None:
        words = self.tr("Quoted words")
        text = f"> [!kutipan] {words}\n> — {self.tr('Speaker')}"
        self._apply(lambda c: insert_block(c, text, select=words))

    def set_picture_intake(self, intake: PictureIntake) -> None:
        """How chosen pictures join the newsroom's media library (needs the database)."""
        self._take_picture = intake
        self.form.take_picture = intake

    def image(self, path: str | None = None) -> None:
        """Insert a picture from a file: copied into the media library, then shown as
        ``![alt](media:<sha256>)`` with a caption and credit line."""
        if path is None:
            path = open_file_name(
                self,
                self.tr("Insert an image"),
                "",
                self.tr("Images (*.jpg *.jpeg *.png *.webp *.gif)"),
            )
        if not path:
            return
        picture = bring_in(self, self._take_picture, path)
        if picture is not None:
            self.insert_picture(picture)

    def insert_picture(self, picture: MediaRecord) -> None:
        """Insert a library picture at the cursor as a figure: ``![alt](media:…)``, its
        caption and a ``Foto:`` credit line, as the lead image is shown."""
        alt = picture.alt_text or self.tr("Photo description")
        caption = picture.caption or self.tr("Caption")
        text = f"![{alt}]({picture.ref})\n{caption}\nFoto: {picture.credit}"
        # The caption is selected when it is still to be written; "Foto:" ends the figure,
        # waiting for the credit where the library has none.
        self._apply(lambda c: insert_block(c, text, select="" if picture.caption else caption))

    def set_article_lookup(self, search: ArticleSearch, article_path: ArticlePath) -> None:
        """How "Baca juga" finds other articles and their addresses (needs the database)."""
        self._search = search
        self._article_path = article_path

    def related_link(self, chosen: tuple[str, str] | None = None) -> None:
        """Insert ``Baca juga: [headline](path)``; asks with a search dialog by default."""
        if chosen is None:
            if self._search is None or self._article_path is None:
                return
            dialog = RelatedArticleDialog(self._search, self)
            if not dialog.exec() or (hit := dialog.chosen()) is None:
                return
            chosen = (hit.headline, self._article_path(hit.id))
        headline, path = chosen
        label = "Read also" if self.form.language.currentData() == "en" else "Baca juga"
        self._apply(lambda c: insert_block(c, f"{label}: [{headline}]({path})"))

    # --- loading and reading back ----------------------------------------------------

    def load(
        self,
        record: ArticleRecord,
        sections: list[SectionRecord],
        people: list[PersonRecord],
    ) -> None:
        self._restore_undo.forget()  # a new text: its undo history starts afresh
        self._loading = True
        try:
            self._record = record
            self.form.load(record, sections, people)
            self.spelling.apply()
            self.body.setPlaceholderText("")
            self.body.set_text(record.body)
            self._dirty = False
            self._update_target()
        finally:
            self._loading = False
        self._sections = sections
        self._people = people
        self.setEnabled(True)
        self.words.count_now()

    def show_waiting(
        self,
        record: ArticleRecord,
        text: str,
        sections: list[SectionRecord],
        people: list[PersonRecord],
    ) -> None:
        """``record``'s fields, locked, with ``text`` where its body will be (its text is
        on the way, or cannot come): nothing is edited, so nothing is saved."""
        self._restore_undo.forget()
        self._loading = True
        try:
            self._record = None
            self.form.load(record, sections, people)
            self.body.set_text("")
            self.body.setPlaceholderText(text)
            self._dirty = False
            self._update_target()
        finally:
            self._loading = False
        self.setEnabled(False)
        self.words.set_unknown()  # no words yet, not the last article's

    def reload(self, record: ArticleRecord) -> None:
        """Show ``record`` with the sections and people of the last ``load``."""
        self.load(record, self._sections, self._people)

    def restore_undoably(self, before: ArticleRecord, restored: ArticleRecord) -> None:
        """Show ``restored`` (a revision put back, as stored now) in place of ``before``
        (what the pane showed) as one step that Ctrl+Z (Edit → Undo) takes back whole:
        headline, lead image, the other fields and the body."""
        self.reload(with_content(restored, before))
        self._restore_undo.restore(before, restored)

    def sections(self) -> list[SectionRecord]:
        return self._sections

    def people(self) -> list[PersonRecord]:
        return self._people

    def fields_replaced(self) -> None:
        """The form's fields were set all at once (a restore, or its undo): an edit."""
        self._update_target()
        self._changed()

    def record_id(self) -> uuid.UUID | None:
        return self._record.id if self._record else None

    def current_record(self) -> ArticleRecord:
        if self._record is None:
            raise RuntimeError("No article is loaded in the editor.")
        body = self.body.toPlainText()
        return replace(self.form.apply_to(self._record), body=body, word_count=self.words.words())

    def stored_version(self) -> int | None:
        """The version of the article the text here is based on."""
        return self._record.version if self._record else None

    def adopt_stored(self, record: ArticleRecord) -> bool:
        """Base the typed text on ``record``, a newer stored version whose edited fields
        are those the text started from (only its state moved: published by the
        scheduler, approved elsewhere). False, changing nothing, when someone changed the
        text too: the next save meets it in the conflict dialog, as it should."""
        if self._record is None or record.id != self._record.id:
            return False
        if content(record) != content(self._record):
            return False
        self._record = record
        return True

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_saved(self, record: ArticleRecord) -> None:
        """A save of this article went through: adopt its version; clean if nothing moved on."""
        if self._record is None or record.id != self._record.id:
            return
        mine = self.current_record()
        self._record = replace(
            self._record,
            version=record.version,
            updated_at=record.updated_at,
            created_at=record.created_at,
            published_at=record.published_at,
            status=record.status,
        )
        # Typing may have gone on since the text that was saved was taken.
        self._dirty = content(mine) != content(record)

    # --- change tracking and statistics ----------------------------------------------

    def _body_changed(self) -> None:
        if self._loading or self.body.restyling:
            return
        self._changed()
        self.words.count_soon()

    def _changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.contentChanged.emit()

    def _section_changed(self) -> None:
        self._update_target()

    def _update_target(self) -> None:
        section = self.form.current_section()
        self.words.set_target(section.word_target if section else 0)

    def word_stats(self) -> int:
        return self.words.words()
