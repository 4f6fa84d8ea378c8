"""The article list: an SQL-paged table model, its filter bar and the pane around them.

Kept free of Qt imports: start-up reads ``PAGE_SIZE`` on a worker thread, and PySide6 must
only be touched from the GUI thread while it is still setting itself up.
"""

#: Rows fetched per page as the list scrolls.
PAGE_SIZE = 200
