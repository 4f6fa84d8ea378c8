"""Spell checking in the editor: the service that loads checkers, the underlines, the menus."""
