"""Jobs ride on the transaction that asked for them: handed over at commit, dropped at
rollback, and run where JOBS_MODE says (inline, a worker thread, or Celery)."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from workflow_app.extensions import db
from workflow_app.jobs import after_commit, dispatch, job, mode

RAN: list[tuple[dict, str]] = []


@job("tests.scale.record")
def record(**kwargs):
    RAN.append((kwargs, threading.current_thread().name))
    return len(RAN)


@pytest.fixture(autouse=True)
def fresh_record():
    RAN.clear()
    yield
    RAN.clear()


def _queue_in_a_transaction(**kwargs):
    db.session.execute(text("SELECT 1"))
    after_commit("tests.scale.record", **kwargs)


def test_mode_follows_the_settings(app):
    assert mode(app) == "inline"                           # TESTING
    app.config["CELERY_BROKER_URL"] = "redis://127.0.0.1:6379/3"
    assert mode(app) == "celery"
    app.config.update(CELERY_BROKER_URL=None, TESTING=False)
    assert mode(app) == "thread"
    app.config["JOBS_MODE"] = "inline"
    assert mode(app) == "inline"
    app.config["JOBS_MODE"] = "rabbit"
    with pytest.raises(ValueError):
        mode(app)


def test_inline_runs_after_the_commit_not_before(app):
    app.config["JOBS_MODE"] = "inline"
    _queue_in_a_transaction(n=1)
    assert RAN == []
    db.session.commit()
    assert RAN == [({"n": 1}, threading.current_thread().name)]


def test_a_rollback_drops_the_jobs_of_its_transaction(app):
    app.config["JOBS_MODE"] = "inline"
    _queue_in_a_transaction(n=1)
    db.session.rollback()
    db.session.execute(text("SELECT 1"))
    db.session.commit()
    assert RAN == []


def test_thread_mode_runs_on_the_worker_thread(app):
    app.config["JOBS_MODE"] = "thread"
    _queue_in_a_transaction(n=2)
    db.session.commit()
    dispatch.wait_idle(app)
    assert RAN == [({"n": 2}, "jobs")]


def test_celery_mode_sends_name_and_arguments_to_the_broker(app, monkeypatch):
    from workflow_app.jobs import celery_app
    sent = []
    monkeypatch.setattr(celery_app, "send", lambda name, kwargs: sent.append((name, kwargs)))
    app.config["JOBS_MODE"] = "celery"
    _queue_in_a_transaction(n=3)
    assert sent == []
    db.session.commit()
    assert sent == [("tests.scale.record", {"n": 3})] and RAN == []


def test_celery_mode_with_the_broker_down_does_not_fail_the_commit(app, monkeypatch):
    from workflow_app.jobs import celery_app

    def down(name, kwargs):
        raise ConnectionError("broker down")
    monkeypatch.setattr(celery_app, "send", down)
    app.config["JOBS_MODE"] = "celery"
    _queue_in_a_transaction(n=4)
    db.session.commit()                                    # logged; the periodic sweep recovers
    assert RAN == []


def test_the_celery_task_runs_the_named_job(app, monkeypatch):
    from workflow_app.jobs import celery_app
    celery = celery_app.celery_for({"CELERY_BROKER_URL": "memory://", "CELERY_QUEUE": "tests"})
    monkeypatch.setattr(celery_app, "flask_app", lambda: app)
    task = celery.tasks[celery_app.TASK]
    assert task.apply(args=("tests.scale.record", {"n": 5})).get() == 1
    assert RAN[0][0] == {"n": 5}
    assert celery.conf.task_acks_late and celery.conf.task_reject_on_worker_lost
    assert celery.conf.worker_prefetch_multiplier == 1
    schedule = celery.conf.beat_schedule
    assert {entry["args"][0] for entry in schedule.values()} == {
        "fire_due_timers", "notify_due_soon", "sweep_documents", "sweep_audit_exports", "start_due_review_rounds"}
