"""The article's metadata above the body: headline with its budget, kicker, slug, section,
language, and behind "More" the bylines, tags and lead image.

The form is compact on purpose: the body gets most of the height.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.records import ArticleRecord, PersonRecord, SectionRecord
from editor.slugs import slugify
from ui.editor_pane.bylines import BylineEditor
from ui.editor_pane.lead_picture import LeadPicture
from ui.editor_pane.pictures import PictureIntake, bring_in
from ui.editor_pane.tag_completer import TagCompleter
from ui.file_dialogs import open_file_name

if TYPE_CHECKING:
    from editor.media.library import MediaRecord

#: Portal headlines longer than this get cut in lists and search results.
HEADLINE_BUDGET = 100
MORE_KEY = "editor/metadataMoreVisible"
WARNING_STYLE = "color: #c0392b; font-weight: bold;"


def section_labels(sections: list[SectionRecord]) -> dict[uuid.UUID, str]:
    """Each section with its parents, "Berita › Dunia", so the combo shows the tree."""
    by_id = {section.id: section for section in sections}
    labels: dict[uuid.UUID, str] = {}
    for section in sections:
        names, current, seen = [], section, set()
        while current is not None and current.id not in seen:
            seen.add(current.id)
            names.append(current.name)
            current = by_id.get(current.parent_id) if current.parent_id else None
        labels[section.id] = " › ".join(reversed(names))
    return labels


class MetadataForm(QWidget):
    """Edits everything about an article except its body."""

    changed = Signal()
    sectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Copies a chosen lead image into the media library (set with the database).
        self.take_picture: PictureIntake | None = None
        self._loading = False
        self._slug_follows_headline = True
        self._sections: list[SectionRecord] = []

        self.kicker = QLineEdit()
        self.kicker.setObjectName("kicker")
        self.headline = QLineEdit()
        self.headline.setObjectName("headline")
        headline_font = self.headline.font()
        headline_font.setPointSizeF(headline_font.pointSizeF() * 1.25)
        headline_font.setBold(True)
        self.headline.setFont(headline_font)
        self.budget = QLabel()
        self.budget.setObjectName("headlineBudget")
        self.slug = QLineEdit()
        self.slug.setObjectName("slug")
        self.section = QComboBox()
        self.section.setObjectName("section")
        self.section.setMinimumContentsLength(12)
        self.section.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Indonesia", "id")
        self.language.addItem("English", "en")
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreButton")
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)

        self.bylines = BylineEditor()
        self.tags = QLineEdit()
        self.tags.setObjectName("tags")
        self.tag_completer = TagCompleter(self.tags, self)
        # What the article stores: typed here as a path or an address, or hidden behind
        # the picture's thumbnail and name when it names a library picture.
        self.lead_image = QLineEdit()
        self.lead_image.setObjectName("leadImage")
        self.lead_picture = LeadPicture()
        self.lead_picture.removeRequested.connect(self.lead_image.clear)
        self.lead_picture.setVisible(False)
        self.choose_image = QToolButton()
        self.choose_image.clicked.connect(self._choose_image)
        self.caption = QLineEdit()
        self.caption.setObjectName("caption")
        self.credit = QLineEdit()
        self.credit.setObjectName("credit")

        self._build_layout()
        self._connect()
        self._update_budget()
        self.retranslate()

    def retranslate(self) -> None:
        """The form's words in the interface language (again after a language change)."""
        self.kicker.setPlaceholderText(self.tr("Kicker"))
        self.headline.setPlaceholderText(self.tr("Headline"))
        self.budget.setToolTip(
            self.tr("Characters used of the headline budget (%1)").replace(
                "%1", str(HEADLINE_BUDGET)
            )
        )
        self.slug.setToolTip(self.tr("Follows the headline until you edit it"))
        self.section.setToolTip(self.tr("Section"))
        self.language.setToolTip(self.tr("Language of the article"))
        self.more_button.setText(self.tr("More"))
        self.tags.setPlaceholderText(self.tr("tag, another tag"))
        self.lead_image.setPlaceholderText(self.tr("No lead image"))
        self.choose_image.setText(self.tr("Choose…"))
        self.lead_picture.retranslate()
        self.caption.setPlaceholderText(self.tr("Caption"))
        self.credit.setPlaceholderText(self.tr("Credit, e.g. NATO/Net"))
        self.slug_label.setText(self.tr("Slug"))
        self.row_labels["byline"].setText(self.tr("Byline"))
        self.row_labels["tags"].setText(self.tr("Tags"))
        self.row_labels["image"].setText(self.tr("Lead image"))
        self.row_labels["caption"].setText(self.tr("Caption"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _build_layout(self) -> None:
        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setHorizontalSpacing(6)
        top.setVerticalSpacing(4)
        first_row = QHBoxLayout()
        first_row.addWidget(self.kicker, 2)
        first_row.addWidget(self.section, 3)
        first_row.addWidget(self.language, 0)
        top.addLayout(first_row, 0, 0, 1, 2)
        top.addWidget(self.more_button, 0, 2)
        top.addWidget(self.headline, 1, 0, 1, 2)
        top.addWidget(self.budget, 1, 2)
        slug_label = QLabel()
        slug_label.setBuddy(self.slug)
        self.slug_label = slug_label
        top.addWidget(slug_label, 2, 0)
        top.addWidget(self.slug, 2, 1, 1, 2)
        top.setColumnStretch(1, 1)

        self.more = QWidget()
        self.more.setObjectName("moreSection")
        more = QFormLayout(self.more)
        more.setContentsMargins(0, 0, 0, 0)
        more.setVerticalSpacing(4)
        #: The "More" rows' labels, by row, so a language change can reword them.
        self.row_labels = {name: QLabel() for name in ("byline", "tags", "image", "caption")}
        more.addRow(self.row_labels["byline"], self.bylines)
        more.addRow(self.row_labels["tags"], self.tags)
        image_row = QHBoxLayout()
        image_row.addWidget(self.lead_picture, 1)
        image_row.addWidget(self.lead_image, 1)
        image_row.addWidget(self.choose_image)
        more.addRow(self.row_labels["image"], image_row)
        credit_row = QHBoxLayout()
        credit_row.addWidget(self.caption, 2)
        credit_row.addWidget(self.credit, 1)
        more.addRow(self.row_labels["caption"], credit_row)
        # Folded by default, so the body gets the height; the reporter's choice sticks.
        self.more.setVisible(False)
        if QSettings().value(MORE_KEY, False, type=bool):
            self.set_more_visible(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.more)

    def _connect(self) -> None:
        self.more_button.toggled.connect(self.set_more_visible)
        self.lead_image.textChanged.connect(self._show_lead_image)
        self.headline.textChanged.connect(self._headline_edited)
        self.slug.textEdited.connect(self._slug_edited)
        for field in (
            self.kicker,
            self.slug,
            self.tags,
            self.lead_image,
            self.caption,
            self.credit,
        ):
            field.textChanged.connect(self._emit_changed)
        self.section.currentIndexChanged.connect(self._section_edited)
        self.language.currentIndexChanged.connect(self._emit_changed)
        self.bylines.changed.connect(self._emit_changed)

    def set_more_visible(self, visible: bool) -> None:
        """Show or hide bylines, tags and lead image; the choice is kept for next time."""
        QSettings().setValue(MORE_KEY, visible)
        self.more.setVisible(visible)
        self.more_button.setChecked(visible)
        self.more_button.setArrowType(
            Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow
        )

    # --- loading and reading back ----------------------------------------------------

    def load(
        self,
        record: ArticleRecord,
        sections: list[SectionRecord],
        people: list[PersonRecord],
    ) -> None:
        self._loading = True
        try:
            self._sections = list(sections)
            self.section.clear()
            self.section.addItem(self.tr("(no section)"), None)
            labels = section_labels(sections)
            for section in sections:
                # Qt compares item data as QVariants: a string id finds itself, a UUID does not.
                self.section.addItem(labels[section.id], str(section.id))
            index = self.section.findData(str(record.section_id)) if record.section_id else 0
            self.section.setCurrentIndex(max(index, 0))
            self.kicker.setText(record.kicker)
            self.headline.setText(record.headline)
            self.headline.setCursorPosition(0)  # show the start of a long headline
            self.slug.setText(record.slug)
            self._slug_follows_headline = not record.slug or record.slug == slugify(record.headline)
            self.language.setCurrentIndex(max(self.language.findData(record.language), 0))
            self.bylines.set_people(people, record.bylines)
            self.tags.setText(", ".join(record.tags))
            self.tag_completer.set_tags([*self.tag_completer.tags(), *record.tags])
            self.lead_image.setText(record.lead_image)
            self.caption.setText(record.lead_image_caption)
            self.credit.setText(record.lead_image_credit)
        finally:
            self._loading = False
        self._update_budget()

    def apply_to(self, record: ArticleRecord) -> ArticleRecord:
        """``record`` with this form's values."""
        section = self.current_section()
        section_id = section.id if section else None
        tags = tuple(tag.strip() for tag in self.tags.text().split(",") if tag.strip())
        return replace(
            record,
            kicker=self.kicker.text().strip(),
            headline=self.headline.text().strip(),
            slug=self.slug.text().strip(),
            section_id=section_id,
            section_name=section.name if section else "",
            section_path=section.path if section else "",
            language=self.language.currentData() or "id",
            bylines=self.bylines.bylines(),
            tags=tags,
            lead_image=self.lead_image.text().strip(),
            lead_image_caption=self.caption.text().strip(),
            lead_image_credit=self.credit.text().strip(),
        )

    def current_section(self) -> SectionRecord | None:
        key = self.section.currentData()
        return next((s for s in self._sections if str(s.id) == key), None)

    def select_section(self, section_id: uuid.UUID | None) -> None:
        index = self.section.findData(str(section_id)) if section_id else 0
        self.section.setCurrentIndex(max(index, 0))

    def set_known_tags(self, tags: list[str]) -> None:
        self.tag_completer.set_tags(tags)

    # --- reacting to edits -----------------------------------------------------------

    def _emit_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _headline_edited(self, text: str) -> None:
        self._update_budget()
        if self._slug_follows_headline and not self._loading:
            self.slug.setText(slugify(text) if text.strip() else "")
        self._emit_changed()

    def _slug_edited(self, text: str) -> None:
        # Typed by hand: from now on the slug is the reporter's, not the headline's.
        self._slug_follows_headline = not text.strip()

    def _section_edited(self) -> None:
        if not self._loading:
            self.sectionChanged.emit()
        self._emit_changed()

    def slug_follows_headline(self) -> bool:
        return self._slug_follows_headline

    def _update_budget(self) -> None:
        used = len(self.headline.text())
        self.budget.setText(f"{used}/{HEADLINE_BUDGET}")
        self.budget.setStyleSheet(WARNING_STYLE if used > HEADLINE_BUDGET else "")

    def _show_lead_image(self, reference: str) -> None:
        """A library picture as its thumbnail and name; anything else as the text."""
        shown = self.lead_picture.show_reference(reference)
        self.lead_picture.setVisible(shown)
        self.lead_image.setVisible(not shown)

    def _choose_image(self) -> None:
        path = open_file_name(
            self,
            self.tr("Choose the lead image"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.gif)"),
        )
        if not path:
            return
        picture = bring_in(self, self.take_picture, path)
        if picture is not None:
            self.use_lead_picture(picture)

    def use_lead_picture(self, picture: MediaRecord) -> None:
        """Make a library picture the lead image; its description fills the caption and
        credit the reporter has not written yet."""
        self.lead_image.setText(picture.ref)
        if not self.caption.text().strip():
            self.caption.setText(picture.caption)
        if not self.credit.text().strip():
            self.credit.setText(picture.credit)
