"""Transactions of the use cases.

A write use case calls `begin_write()` first. On SQLite that starts the transaction with
BEGIN IMMEDIATE, so concurrent writers queue on the database lock (a file lock, db_setup.py)
instead of failing halfway; on PostgreSQL it is an ordinary READ COMMITTED transaction (the
request's read transaction goes on), and the rows that must not change underneath are locked
with SELECT ... FOR UPDATE where they are read.
"""
from __future__ import annotations

from ..db_setup import upgrade_to_write
from ..extensions import db


def begin_write() -> None:
    session = db.session()
    if session.get_bind().dialect.name != "sqlite":
        # PostgreSQL at READ COMMITTED: each statement sees what is committed when it runs and
        # FOR UPDATE locks the newest row, so the read transaction goes on as the write one
        # (one COMMIT and BEGIN fewer per write).
        return
    if session.in_transaction() and not (session.new or session.dirty or session.deleted):
        # Authentication (and a completion's preparation) read in a plain transaction: it becomes
        # the write transaction on the same connection, which on SQLite takes the write lock at
        # once. Nothing was written, so what was loaded stays loaded: use cases re-read under
        # the write lock the rows that can change (the task, the instance).
        upgrade_to_write(session.connection())
        return
    if session.in_transaction():
        commit_keeping_objects()
    session.connection(execution_options={"sqlite_immediate": True})


def commit_keeping_objects() -> None:
    """Commit without expiring the objects loaded in the session: they hold what this
    transaction read or wrote, so reading them afterwards need not query again."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True
