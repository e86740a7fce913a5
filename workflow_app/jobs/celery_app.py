"""The Celery application of the scale-out mode: one generic task and the beat schedule.

    celery -A workflow_app.jobs.celery_app worker --concurrency 2
    celery -A workflow_app.jobs.celery_app beat -s instance/celerybeat-schedule

Both read the same environment as the web workers (CELERY_BROKER_URL, DATABASE_URL, ...).
Every job goes through one task, `workflow_app.run_job(name, kwargs)`, which runs the
registered job (registry.py) inside a Flask application created once per worker process.

Delivery is at least once: a message is acknowledged only after its job ran (acks_late), and
a worker killed mid-job (kill -9) leaves it unacknowledged, so the broker hands it out again
(with Redis: when the visibility timeout has passed). Jobs are idempotent, and what matters
is in the database anyway: the beat ticks below find due timers and pending documents
whether or not a message was lost.
"""
from __future__ import annotations

import logging
import os
import threading
from datetime import timedelta
from pathlib import Path

from celery import Celery, signals
from flask import Flask, current_app, has_app_context

log = logging.getLogger(__name__)
TASK = "workflow_app.run_job"
DEFAULT_QUEUE = "workflow_app"
_apps: dict[tuple, Celery] = {}
_apps_lock = threading.Lock()


def settings(config) -> dict:
    """Celery settings from a Flask config mapping (or config.load()'s dict)."""
    poll = float(config.get("TIMER_POLL_SECONDS") or 5)
    queue = config.get("CELERY_QUEUE") or DEFAULT_QUEUE
    return {
        "broker_url": config.get("CELERY_BROKER_URL"),
        "broker_connection_retry_on_startup": True,
        # A job survives the death of the worker running it: acknowledged after it ran, given
        # back when the worker is lost, and one message at a time per worker process.
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        # Redis hands an unacknowledged message out again after this many seconds.
        "broker_transport_options": {"visibility_timeout": int(config.get("JOB_VISIBILITY_TIMEOUT") or 900)},
        "task_serializer": "json",
        "accept_content": ["json"],
        "result_serializer": "json",
        "task_ignore_result": True,
        "result_backend": None,
        "task_default_queue": queue,
        "worker_hijack_root_logger": False,
        "beat_schedule": beat_schedule(poll, config),
        "timezone": "UTC",
        "enable_utc": True,
    }


def beat_schedule(poll: float, config) -> dict:
    """The periodic jobs. Each tick expires if no worker took it before the next one, so ticks
    do not pile up while the workers are down; the next tick does the work instead."""
    def entry(job_name: str, every: float) -> dict:
        return {"task": TASK, "schedule": timedelta(seconds=every), "args": (job_name, {}),
                "options": {"expires": max(every, 1.0)}}
    return {
        "fire-due-timers": entry("fire_due_timers", poll),
        "notify-due-soon": entry("notify_due_soon", float(config.get("REMINDER_POLL_SECONDS") or 60)),
        "sweep-documents": entry("sweep_documents", float(config.get("SWEEP_POLL_SECONDS") or 60)),
        "sweep-audit-exports": entry("sweep_audit_exports", float(config.get("SWEEP_POLL_SECONDS") or 60)),
        # Review rounds are due twice a year; hourly is cheap and the job is idempotent.
        "start-due-review-rounds": entry("start_due_review_rounds",
                                         float(config.get("REVIEW_ROUNDS_POLL_SECONDS") or 3600)),
    }


def celery_for(config) -> Celery:
    """The Celery app of a broker and queue (one per distinct setting, created once)."""
    key = (config.get("CELERY_BROKER_URL"), config.get("CELERY_QUEUE") or DEFAULT_QUEUE,
           str(config.get("TIMER_POLL_SECONDS") or 5))
    with _apps_lock:
        celery = _apps.get(key)
        if celery is None:
            celery = Celery("workflow_app", set_as_current=False)
            celery.conf.update(settings(config))
            celery.task(name=TASK, bind=True)(_run_job)
            celery = _apps[key] = celery
        return celery


def send(name: str, kwargs: dict) -> None:
    """Queue job `name` on the broker of the current Flask app (dispatch.hand_over calls it)."""
    config = current_app.config if has_app_context() else _environment_config()
    celery_for(config).send_task(TASK, args=(name, kwargs))


# -- the worker side -------------------------------------------------------------------------------
_flask: dict[int, Flask] = {}


def flask_app() -> Flask:
    """The Flask app of this worker process, created on first use (after the fork)."""
    pid = os.getpid()
    app = _flask.get(pid)
    if app is None:
        from .. import create_app, gc_tuning
        app = _flask[pid] = create_app()
        gc_tuning.tune()                 # the worker lives long: keep the app out of the collector's way
    return app


def _run_job(task, name: str, kwargs: dict | None = None):
    from .registry import run
    log.debug("job %s started (delivery %s)", name, task.request.id)
    result = run(name, kwargs or {}, flask_app())
    return result if isinstance(result, (int, float, str, bool, type(None))) else None


def _environment_config() -> dict:
    from .. import config as config_module
    instance = Path(__file__).resolve().parent.parent.parent / "instance"
    return config_module.load(str(instance))


@signals.worker_init.connect
def _check_broker(sender=None, **_kwargs):
    if not (sender and sender.app.conf.broker_url):
        raise SystemExit("CELERY_BROKER_URL chưa được đặt: worker Celery cần một broker Redis "
                         "(ví dụ redis://127.0.0.1:6379/0).")


@signals.worker_process_init.connect
def _fresh_connections(**_kwargs):
    """A forked pool process must not share the parent's database connections."""
    _flask.clear()


# `celery -A workflow_app.jobs.celery_app ...` finds this app, configured from the environment.
app = celery_for(_environment_config())
