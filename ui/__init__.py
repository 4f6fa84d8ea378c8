"""Redaksi desktop app (PySide6). The core lives in ``editor`` and never imports this."""
