"""The newsroom dashboard: pyqtgraph charts of the series ``editor.dashboard`` computes.

Importing this package is cheap; pyqtgraph is imported by its modules, which the main
window imports only when the dashboard is first opened (start-up is a budget).
"""
