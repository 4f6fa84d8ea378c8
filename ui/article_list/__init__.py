"""The article list: an SQL-paged table model, its filter bar and the pane around them."""
