"""The periodic jobs: what Celery beat sends every few seconds, or the embedded loop runs.

- "fire_due_timers"          every due timer, each instance fired exactly once
- "notify_due_soon"          reminders of tasks about to be overdue, each task reminded once
- "start_due_review_rounds"  the review round (sơ kết, tổng kết) of the period just ended
- "sweep_documents"          (documents/jobs.py) documents whose render job was lost
- "sweep_audit_exports"      (jobs/audit_exports.py) auditors' exports whose job was lost or failed

`tick()` runs them one after the other in this process: `flask run-timers [--loop]`.

Why one job that loops over the due instances rather than one message per due instance:
the database is already the queue (`next_wakeup_at`, indexed), so a message adds nothing
that a lost message could take away. A fan-out would put the same instances on the queue
again at every tick while they are being fired, and a broker outage would lose nothing but
could pile up duplicates. Several workers may run the loop at once (overlapping ticks, or
several beats by mistake): `fire_one` takes each instance with SELECT ... FOR UPDATE SKIP
LOCKED and re-checks that it is still due, and the optimistic `version` column refuses a
second write, so each worker fires a disjoint set and every timer fires once.
"""
from __future__ import annotations

import logging
import time

from flask import Flask, current_app
from sqlalchemy import text

from ..extensions import db
from .registry import job, run

log = logging.getLogger(__name__)
FIRE_BUDGET_SECONDS = 60.0
_REMINDERS_LOCK = 183_001          # pg_advisory_xact_lock key of notify_due_soon


@job("fire_due_timers")
def fire_due_timers(limit: int = 100, budget_seconds: float = FIRE_BUDGET_SECONDS) -> int:
    """Fire every due timer; returns the number of instances advanced by this worker.

    An instance another worker holds (or that stopped being due) is left to that worker; an
    instance whose firing fails is logged and skipped until the next run, so that it cannot
    keep the others waiting."""
    from ..services import timers
    fired, passed = 0, set()
    deadline = time.monotonic() + budget_seconds
    while time.monotonic() < deadline:
        ids = [i for i in timers.due_instance_ids(limit) if i not in passed]
        db.session.commit()
        if not ids:
            break
        progress = 0
        for instance_id in ids:
            try:
                done = timers.fire_one(instance_id)
            except Exception:            # noqa: BLE001 - one broken case must not stop the others
                db.session.rollback()
                log.exception("timers of instance %s could not be fired", instance_id)
                done = False
            if done:
                fired += 1
                progress += 1
            else:
                passed.add(instance_id)
        if not progress:
            break
    return fired


@job("notify_due_soon")
def notify_due_soon() -> int:
    """Reminders, by one worker at a time: the check-then-write of each reminder runs under
    a transaction-scoped lock (PostgreSQL advisory lock; SQLite's write lock), so two runs
    at once cannot both write the same reminder."""
    from ..services.reminders import notify_due_soon as remind
    from ..services.tx import begin_write
    begin_write()
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _REMINDERS_LOCK})
    return remind()


@job("start_due_review_rounds")
def start_due_review_rounds() -> int:
    """The due round, opened once (review_rounds.start_round locks the model row and returns
    the round that exists); returns the number of due rounds, existing or new."""
    from ..services.errors import ServiceError
    from ..services.review_rounds import start_due
    try:
        return len(start_due())
    except ServiceError as error:        # no periodic_review diagram, or no monitor yet
        db.session.rollback()
        log.warning("review rounds not started: %s", error)
        return 0


TICK = (("fired", "fire_due_timers"), ("reminded", "notify_due_soon"), ("documents", "sweep_documents"),
        ("exports", "sweep_audit_exports"))


def tick(app: Flask | None = None, *, review_rounds: bool = False) -> dict[str, int]:
    """Run the periodic jobs once, each in its own session; a failing one is logged and
    counted as 0 so that the others still run. Returns {"fired", "reminded", "documents",
    "exports", "rounds"}."""
    app = app or current_app._get_current_object()
    steps = list(TICK) + ([("rounds", "start_due_review_rounds")] if review_rounds else [])
    result = {"fired": 0, "reminded": 0, "documents": 0, "exports": 0, "rounds": 0}
    for key, name in steps:
        try:
            result[key] = int(run(name, {}, app) or 0)
        except Exception:                # noqa: BLE001 - logged; the next tick tries again
            log.exception("periodic job %s failed", name)
    return result
