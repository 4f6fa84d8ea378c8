"""The app's side of the newsroom's media library (editor.media)."""
