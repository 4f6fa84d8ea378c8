"""The first start asks once which language the interface speaks.

Following the machine's locale gave English to every newsroom whose machines run
``C.UTF-8``; a question in both languages at the first start does not. IT can answer it
for everyone with ``language = "id"`` in the system configuration (editor.sysconfig).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ui.i18n import save_language_preference


def ask_language() -> str:
    """Show the question (in both languages, before any translation is installed), save
    and return the answer; Indonesian when the box is closed without one."""
    box = QMessageBox()
    box.setObjectName("firstLanguage")
    box.setWindowTitle("Redaksi")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText("Pilih bahasa tampilan Redaksi.\nChoose the language of Redaksi's interface.")
    box.setInformativeText(
        "Bisa diubah kapan saja di Alat → Preferensi.\n"
        "You can change it at any time in Tools → Preferences."
    )
    indonesian = box.addButton("Bahasa Indonesia", QMessageBox.ButtonRole.AcceptRole)
    english = box.addButton("English", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(indonesian)
    box.exec()
    language = "en" if box.clickedButton() is english else "id"
    save_language_preference(language)
    return language
