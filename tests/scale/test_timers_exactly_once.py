"""Timers fire exactly once with several workers at once, and those that fell due while
nothing ran fire at the next start (PostgreSQL + Redis + a real Celery worker)."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from workflow_app.extensions import db
from workflow_app.jobs import periodic
from workflow_app.jobs.celery_app import TASK, celery_for

from .support import (CeleryWorker, assert_fired_once, due_cases, firings, needs_pg_and_redis, request_data,
                      still_due, wait_until)

pytestmark = needs_pg_and_redis
CASES = 12


def _fire_in_threads(app, threads: int) -> list[int]:
    """fire_due_timers in `threads` threads at once, each with its own session."""
    results: list[int] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(threads)

    def work():
        try:
            barrier.wait(30)
            with app.app_context():
                results.append(periodic.fire_due_timers())
        except BaseException as error:   # noqa: BLE001 - reported by the test
            errors.append(error)

    pool = [threading.Thread(target=work) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(120)
    assert not errors, errors
    assert not any(t.is_alive() for t in pool), "a firing thread did not finish"
    return results


def test_concurrent_fire_due_fires_each_timer_once(app, api):
    ids = due_cases(api, CASES)
    assert still_due(ids) == CASES
    results = _fire_in_threads(app, 4)
    assert sum(results) == CASES          # together they fired every case, none twice
    assert_fired_once(ids)
    assert periodic.fire_due_timers() == 0


@pytest.fixture
def worker_factory(tmp_path):
    started: list[CeleryWorker] = []

    def start(*args: str, poll_seconds: float = 5) -> CeleryWorker:
        worker = CeleryWorker(tmp_path, *args, poll_seconds=poll_seconds)
        started.append(worker)
        worker.wait_ready()
        return worker

    yield start
    for worker in started:
        worker.stop()


def test_celery_worker_and_local_threads_fire_each_timer_once(app, api, worker_factory):
    ids = due_cases(api, CASES)
    worker = worker_factory("--concurrency", "2")
    celery = celery_for(worker.settings())
    for _ in range(6):                    # more ticks than workers: they overlap
        celery.send_task(TASK, args=("fire_due_timers", {}))
    _fire_in_threads(app, 2)              # and this process competes with them
    wait_until(lambda: still_due(ids) == 0, 60, "every due timer to fire")
    wait_until(lambda: worker.queued() == 0, 60, "the worker to take every job sent")
    worker.stop()                         # warm shutdown: every job it took has finished
    assert_fired_once(ids)
    assert "succeeded in" in worker.log_text()          # the worker took some of the ticks


def test_timers_due_while_everything_was_stopped_fire_at_the_next_start(app, api, worker_factory, tmp_path):
    ids = due_cases(api, 5, late=timedelta(days=2))       # due for two days, nothing running
    assert firings(ids) == {} and still_due(ids) == 5
    # The next start: a worker with its beat, which sends "fire_due_timers" every second.
    worker_factory("--concurrency", "1", "--beat", "--schedule", str(tmp_path / "beat-schedule"),
                   poll_seconds=1)
    wait_until(lambda: still_due(ids) == 0, 60, "the beat's ticks to fire the overdue timers")
    assert_fired_once(ids)


def test_concurrent_reminder_runs_remind_each_task_once(app, api):
    from sqlalchemy import select

    from workflow_app import clock
    from workflow_app.jobs import run
    from workflow_app.models import Notification

    reminder_marker_prefix = "[nhắc hạn "                 # services/notifications.reminder_marker
    ids = [api.start("requester.tand_tinh", request_data())["id"] for _ in range(4)]
    clock.advance(timedelta(days=2, hours=1))            # intake due within DUE_SOON_HOURS
    results, barrier = [], threading.Barrier(3)

    def work():
        barrier.wait(30)
        results.append(run("notify_due_soon", {}, app))

    pool = [threading.Thread(target=work) for _ in range(3)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(60)
    assert sum(results) == len(ids)
    for instance_id in ids:
        messages = db.session.execute(select(Notification.message).where(
            Notification.instance_id == instance_id)).scalars().all()
        reminders = [m for m in messages if reminder_marker_prefix in m]
        assert len(reminders) == 1, reminders
