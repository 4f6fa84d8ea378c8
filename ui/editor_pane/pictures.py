"""Pictures chosen in the editor join the newsroom's media library (editor.media).

A lead image or a body picture chosen from a file is copied into the library and the
article points at it as ``media:<sha256>``: what the editor sees is what is published,
also from another machine, and the file on the reporter's disk may go. The pane never
touches the database; the window hands it an intake that does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from editor.errors import RedaksiError

if TYPE_CHECKING:
    from editor.media.library import MediaRecord

# Keeps the picture at a path in the library, with an alt text for a picture that has
# none yet ("" for none); raises RedaksiError saying why not.
PictureIntake = Callable[[str, str], "MediaRecord"]


def bring_in(parent: QWidget, intake: PictureIntake | None, path: str) -> MediaRecord | None:
    """The library's record of the picture at ``path``; None, after one clear line, when
    it could not be added (not a picture, nobody to add it, no database).

    A picture the library has no description of is described now, once for every
    article that shows it: the pre-publish checklist asks for it.
    """
    if intake is None:
        return None
    try:
        picture = intake(path, "")
        if not picture.alt_text:
            alt, ok = QInputDialog.getText(
                parent,
                QCoreApplication.translate("Pictures", "Describe the picture"),
                QCoreApplication.translate(
                    "Pictures",
                    "What does the picture show? Readers who cannot see it hear this (alt text):",
                ),
            )
            if ok and alt.strip():
                picture = intake(path, alt.strip())
        return picture
    except (RedaksiError, OSError) as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Pictures", "Picture not added"), str(error)
        )
        return None
