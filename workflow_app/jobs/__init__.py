"""Background work: what runs after a transaction commits, outside the request that caused it.

- registry.py   `@job("name")` registers a function; `run(name, kwargs)` runs one in its own
                application context (its own session and transaction)
- dispatch.py   `after_commit(name, **kwargs)`: queue a job with the current transaction; it is
                handed over once the transaction commits and dropped if it rolls back. Where it
                runs depends on JOBS_MODE: `inline` (right after the commit, same thread: tests),
                `thread` (a worker thread in this process: the embedded one-server mode) or
                `celery` (a Celery worker through the broker of CELERY_BROKER_URL)
- celery_app.py the Celery application, its task and the beat schedule (scale-out mode)
- periodic.py   the periodic jobs: due timers, reminders, review rounds, documents left behind
- audit_exports.py  the auditors' exports: rendering one, and the sweep of those left behind

Jobs are delivered at least once, so every job is idempotent: it locks the row it works on and
does nothing when the work is already done. What must survive a crash is in the database
(a pending document row, a timer's next_wakeup_at), never only in the queue: the periodic
sweep finds what a lost message or a killed worker left behind.
"""
from .dispatch import after_commit, mode
from .registry import job, run

__all__ = ["after_commit", "job", "mode", "run"]
