"""SQLite writers queue on a file lock (db_setup.py) before BEGIN IMMEDIATE: held for the
write transaction only, shared by threads and processes, let go if its holder dies."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest
from sqlalchemy import text

from workflow_app.extensions import db
from workflow_app.services.tx import begin_write


@pytest.fixture
def sqlite_app(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the file lock is for SQLite")
    return app


def lock_path() -> str:
    return f"{db.engine.url.database}.writelock"


def test_a_second_writer_starts_only_after_the_first_commits(sqlite_app):
    order, started = [], threading.Event()

    def second():
        with sqlite_app.app_context():
            started.set()
            begin_write()
            order.append("second has the lock")
            db.session.rollback()
            db.session.remove()

    begin_write()
    db.session.execute(text("UPDATE audit_head SET seq = seq WHERE id = 1"))
    thread = threading.Thread(target=second)
    thread.start()
    started.wait(5)
    thread.join(0.3)                      # it cannot get the lock while we hold it
    order.append("first commits")
    db.session.commit()
    thread.join(10)
    assert not thread.is_alive()
    assert order == ["first commits", "second has the lock"]


def test_the_lock_is_not_held_between_transactions_nor_by_readers(sqlite_app):
    import fcntl
    begin_write()
    db.session.commit()
    db.session.execute(text("SELECT 1")).scalar()          # a reader takes no file lock
    fd = os.open(lock_path(), os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)     # free: raises if someone holds it
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
    db.session.rollback()


def test_a_process_killed_while_holding_the_lock_does_not_block_the_others(sqlite_app):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({lock_path()!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "time.sleep(600)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        begin_write()                        # would block for ever if the kernel kept the lock
        db.session.rollback()
    finally:
        if holder.poll() is None:
            holder.kill()
