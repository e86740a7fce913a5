"""Database connection behaviour per dialect.

SQLite: WAL journal, a busy timeout, synchronous=NORMAL, foreign keys on, and our own
BEGIN so that a write use case can ask for BEGIN IMMEDIATE (services/tx.py): concurrent
writers then wait for the lock instead of failing with "database is locked" mid-way.

Writers also queue on an OS file lock (flock on `<database>.writelock`) before BEGIN
IMMEDIATE. SQLite's own busy handler polls with sleeps of up to 100 ms, so under load a
writer that has waited keeps losing the lock to newcomers (measured: max latency 11.6 s with
8 clients). A blocked flock wakes as soon as the lock is free, works across threads and
processes (every gunicorn worker, the CLI, the timer loop), and is released by the kernel if a
process dies holding it. The busy timeout stays as the backstop for writers that do not take
the file lock (a plain BEGIN that turns into a write, another program).
"""
from __future__ import annotations

import fcntl
import os

from sqlalchemy import event
from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 30_000
_LOCK_FD = "writelock_fd"


def configure(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    lock_path = _lock_path(engine)

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None      # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        immediate = connection.get_execution_options().get("sqlite_immediate")
        if immediate and lock_path:
            _acquire(connection, lock_path)
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
        except BaseException:
            _release(connection)
            raise

    # The file lock is let go once the transaction has ended: when the connection goes back to
    # the pool (right after COMMIT or ROLLBACK: the session returns it) or is dropped, and just
    # before a ROLLBACK is sent. Not before COMMIT: the next writer's BEGIN IMMEDIATE would meet
    # SQLite's lock while the COMMIT runs and sleep in the busy handler (1, 2, 5 ms...), which
    # measured 0.7 ms lost on every write with two web workers.
    event.listen(engine, "rollback", _release)
    for name in ("checkin", "invalidate", "close"):
        event.listen(engine.pool, name, lambda _dbapi, record, *_: _release_record(record))


def upgrade_to_write(connection) -> None:
    """Turn the read transaction open on `connection` (a plain BEGIN) into a write transaction
    on the same connection: end the read snapshot, queue on the file lock, BEGIN IMMEDIATE. A
    read transaction cannot take the write lock in place (SQLite refuses a write from a snapshot
    older than the last commit), but the connection and the session's transaction need not be
    given back to the pool and taken again for that. The lock is let go as for any write (ADR 0011)."""
    connection.exec_driver_sql("COMMIT")
    lock_path = _lock_path(connection.engine)
    if lock_path:
        _acquire(connection, lock_path)
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    except BaseException:
        _release(connection)
        raise


def _lock_path(engine: Engine) -> str | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return f"{database}.writelock"


def _acquire(connection, path: str) -> None:
    if _LOCK_FD in connection.connection._connection_record.info:
        return                             # still held by this connection (a BEGIN after a COMMIT)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    connection.connection._connection_record.info[_LOCK_FD] = fd


def _release(connection) -> None:
    try:
        record = connection.connection._connection_record
    except Exception:                      # closed or invalidated: the pool events release it
        return
    _release_record(record)


def _release_record(record) -> None:
    if record is None:
        return
    fd = record.info.pop(_LOCK_FD, None)
    if fd is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
