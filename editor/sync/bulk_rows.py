"""Many rows of one table written in one driver call (``executemany``).

A first sync writes a newsroom's rows a page at a time. Through SQLAlchemy's ``insert``
with a list of rows, most of the time went to building each row's parameters, not to
SQLite. Here each column's value is converted once by the column type's own bind
processor (so a UUID, a time or a JSON value is stored exactly as SQLAlchemy stores it)
and the rows go to the driver as plain tuples.

Rows that leave out a column with a Python-side default the database does not have
(which only SQLAlchemy's insert fills in) are written the ordinary way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session

#: SQLite allows 32,766 parameters a statement; a driver call takes any number of rows,
#: but a page of rows is converted and sent in slices of this many.
ROWS_PER_CALL = 2000


def _marker(dialect: Dialect) -> str | None:
    return {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)


def _processors(
    table: Table, names: Sequence[str], dialect: Dialect
) -> list[Callable[[Any], Any] | None]:
    # The processor SQLAlchemy itself applies to a bound value of this column's type.
    return [table.c[name].type._cached_bind_processor(dialect) for name in names]


def _fills_defaults(table: Table, names: Sequence[str]) -> bool:
    """Whether a column left out has a default only SQLAlchemy's insert would fill in
    (one the database also has, as ``server_default``, is filled in by the database)."""
    return any(
        column.default is not None and column.server_default is None and column.name not in names
        for column in table.columns
    )


def _tuples(
    rows: Sequence[dict[str, Any]],
    names: Sequence[str],
    processors: list[Callable[[Any], Any] | None],
) -> list[tuple[Any, ...]]:
    converted = []
    for row in rows:
        converted.append(
            tuple(
                value if process is None or value is None else process(value)
                for value, process in zip((row[n] for n in names), processors, strict=True)
            )
        )
    return converted


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``table``."""
    if not rows:
        return
    connection: Connection = session.connection()
    dialect = connection.dialect
    names = list(rows[0])
    marker = _marker(dialect)
    if marker is None or _fills_defaults(table, names) or any(set(r) != set(names) for r in rows):
        for start in range(0, len(rows), 500):
            session.execute(insert(table), list(rows[start : start + 500]))
        return
    quote = dialect.identifier_preparer.quote
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join([marker] * len(names))})"
    )
    processors = _processors(table, names, dialect)
    for start in range(0, len(rows), ROWS_PER_CALL):
        chunk = rows[start : start + ROWS_PER_CALL]
        connection.exec_driver_sql(statement, _tuples(chunk, names, processors))


def update_rows(session: Session, table: Table, key: str, rows: Sequence[dict[str, Any]]) -> None:
    """UPDATE each row of ``table`` whose ``key`` column matches, to the row's values
    (dicts with the same keys, ``key`` among them)."""
    if not rows:
        return
    connection: Connection = session.connection()
    dialect = connection.dialect
    names = [n for n in rows[0] if n != key]
    marker = _marker(dialect)
    if marker is None or any(set(r) != {key, *names} for r in rows):
        from sqlalchemy import update

        for row in rows:
            values = {n: v for n, v in row.items() if n != key}
            session.execute(update(table).where(table.c[key] == row[key]).values(**values))
        return
    quote = dialect.identifier_preparer.quote
    statement = (
        f"UPDATE {quote(table.name)} SET "
        f"{', '.join(f'{quote(n)} = {marker}' for n in names)} "
        f"WHERE {quote(key)} = {marker}"
    )
    order = [*names, key]
    processors = _processors(table, order, dialect)
    for start in range(0, len(rows), ROWS_PER_CALL):
        chunk = rows[start : start + ROWS_PER_CALL]
        connection.exec_driver_sql(statement, _tuples(chunk, order, processors))
