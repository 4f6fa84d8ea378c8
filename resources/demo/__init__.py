"""Demo newsroom content read by ``editor.demo``."""
