"""Handing jobs over once the transaction that asked for them commits.

A job queued with `after_commit` inside a transaction rides on it: nothing is handed over
before the commit (a worker must never see rows that are not there yet, nor act on a
decision that was rolled back), and a rollback drops it.
"""
from __future__ import annotations

import atexit
import logging
import queue
import threading
import time

from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from .registry import run

log = logging.getLogger(__name__)
MODES = ("inline", "thread", "celery")
_PENDING = "jobs.pending"
_COMMITTED = "jobs.committed"
EXIT_WAIT_SECONDS = 30


def mode(app: Flask | None = None) -> str:
    """JOBS_MODE if set; otherwise celery with a broker, inline under tests, else thread."""
    config = (app or current_app).config
    chosen = config.get("JOBS_MODE") or (
        "celery" if config.get("CELERY_BROKER_URL") else "inline" if config.get("TESTING") else "thread")
    if chosen not in MODES:
        raise ValueError(f"JOBS_MODE must be one of {', '.join(MODES)}, not {chosen!r}")
    return chosen


def after_commit(name: str, **kwargs) -> None:
    """Queue job `name` with the current transaction of `db.session`."""
    from ..extensions import db
    queue_on(db.session(), name, kwargs)


def queue_on(session: Session, name: str, kwargs: dict) -> None:
    """Queue job `name` with the transaction of `session` (for session event listeners)."""
    session.info.setdefault(_PENDING, []).append((name, kwargs))


def hand_over(app: Flask, jobs: list[tuple[str, dict]]) -> None:
    chosen = mode(app)
    for name, kwargs in jobs:
        if chosen == "celery":
            from .celery_app import send
            try:
                send(name, kwargs)
            except Exception:                # broker down: the periodic sweep recovers the work
                log.exception("job %s could not be sent to the broker", name)
        elif chosen == "thread":
            _worker(app).put((name, kwargs))
        else:
            _run_logged(app, name, kwargs)


def _run_logged(app: Flask, name: str, kwargs: dict) -> None:
    try:
        run(name, kwargs, app)
    except Exception:
        log.exception("background job %s failed", name)


# -- thread mode: one worker thread per process ----------------------------------------------------
_workers: dict[int, queue.Queue] = {}
_workers_lock = threading.Lock()


def _worker(app: Flask) -> queue.Queue:
    with _workers_lock:
        q = _workers.get(id(app))
        if q is None:
            q = _workers[id(app)] = queue.Queue()
            threading.Thread(target=_drain, args=(app, q), name="jobs", daemon=True).start()
            atexit.register(_finish, q)
        return q


def _drain(app: Flask, q: queue.Queue) -> None:
    while True:
        name, kwargs = q.get()
        _run_logged(app, name, kwargs)
        q.task_done()


def _finish(q: queue.Queue, limit: float = EXIT_WAIT_SECONDS) -> None:
    """At exit (a CLI command, a worker stopping), let the thread finish what is queued, for a
    bounded time: what is left is found by the periodic sweep."""
    deadline = time.monotonic() + limit
    while q.unfinished_tasks and time.monotonic() < deadline:
        time.sleep(0.05)
    if q.unfinished_tasks:
        log.warning("%d background jobs left for the periodic sweep", q.unfinished_tasks)


# -- riding on the transaction -------------------------------------------------------------------
@event.listens_for(Session, "after_commit")
def _committed(session):
    jobs = session.info.pop(_PENDING, None)
    if jobs:
        session.info[_COMMITTED] = jobs


@event.listens_for(Session, "after_transaction_end")
def _ended(session, transaction):
    # Handed over once the committed transaction has ended and its connection is back in the
    # pool (on SQLite that lets go of the writers' file lock, which an inline job needs).
    if transaction.parent is not None:
        return
    jobs = session.info.pop(_COMMITTED, None)
    if jobs and has_app_context():
        hand_over(current_app._get_current_object(), jobs)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session):
    session.info.pop(_PENDING, None)


def wait_idle(app: Flask) -> None:
    """Block until the thread worker of `app` has run everything queued (tests, shutdown)."""
    q = _workers.get(id(app))
    if q is not None:
        q.join()
