"""The editor pane: metadata form above a Markdown body, with formatting and find/replace."""

from ui.editor_pane.pane import EditorPane

__all__ = ["EditorPane"]
