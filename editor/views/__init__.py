"""Page views: importing counts from CSV files and web-server access logs.

``import_view_files(db, paths)`` is the entry point; ``editor.rankings`` reads the counts.
"""

from editor.views.importing import ViewImportReport, ViewProblem, import_view_files

__all__ = ["ViewImportReport", "ViewProblem", "import_view_files"]
