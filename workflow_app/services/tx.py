"""Transactions of the use cases.

A write use case calls `begin_write()` first. On SQLite that starts the transaction with
BEGIN IMMEDIATE, so concurrent writers queue on the database lock (busy timeout) instead of
failing halfway; on PostgreSQL it is an ordinary transaction, and the rows that must not
change underneath are locked with SELECT ... FOR UPDATE where they are read.
"""
from __future__ import annotations

from ..extensions import db


def begin_write() -> None:
    session = db.session()
    if session.in_transaction():
        # Authentication read the token in a plain transaction; end it so that the write
        # transaction starts fresh (and, on SQLite, takes the write lock at once).
        session.commit()
    session.connection(execution_options={"sqlite_immediate": True})
