"""What the scale tests share: cases whose timers are due, counting firings, a Celery worker."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import func, select

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import AuditEvent, ProcessInstance

from ..support import FAST_ARGON2, VAULT_KEY, request_data

ROOT = Path(__file__).resolve().parent.parent.parent
PG_URL = os.environ.get("TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
INTAKE_DAYS = 3

needs_pg_and_redis = pytest.mark.skipif(
    not PG_URL.startswith("postgresql") or not REDIS_URL,
    reason="exactly-once timers across processes need PostgreSQL (TEST_DATABASE_URL=postgresql+psycopg://...) "
           "and Redis (TEST_REDIS_URL=redis://...); scripts/test.sh sets both in its PostgreSQL phase")


def broker_url() -> str:
    """TEST_REDIS_URL's server with another database number (the suite's own stays clean)."""
    parts = urlsplit(REDIS_URL)
    number = int((parts.path or "/0").strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(number - 1) % 16}"))


def due_cases(api, count: int, late: timedelta = timedelta(hours=1)) -> list[str]:
    """`count` protection cases started so long ago that their intake timer fell due `late`
    ago: the clock is moved back while they start, so that processes on the real clock (a
    Celery worker) see them due without any clock of their own being moved."""
    clock.advance(-(timedelta(days=INTAKE_DAYS) + late))
    try:
        ids = [api.start("requester.tand_tinh", request_data())["id"] for _ in range(count)]
    finally:
        clock.reset()
        api.tokens.clear()          # tokens issued in the past have expired
    return ids


def firings(instance_ids: list[str]) -> Counter:
    """timer_fired audit events per (instance, element)."""
    rows = db.session.execute(select(AuditEvent.instance_id, AuditEvent.element_id).where(
        AuditEvent.type == "timer_fired", AuditEvent.instance_id.in_(instance_ids))).all()
    db.session.commit()
    return Counter((row.instance_id, row.element_id) for row in rows)


def still_due(instance_ids: list[str]) -> int:
    count = db.session.execute(select(func.count()).select_from(ProcessInstance).where(
        ProcessInstance.id.in_(instance_ids), ProcessInstance.next_wakeup_at <= clock.now())).scalar_one()
    db.session.commit()
    return count


def assert_fired_once(instance_ids: list[str]) -> None:
    counts = firings(instance_ids)
    assert set(counts) == {(i, "timer_intake") for i in instance_ids}, counts
    assert set(counts.values()) == {1}, {k: v for k, v in counts.items() if v != 1}
    assert still_due(instance_ids) == 0
    rows = db.session.execute(select(ProcessInstance).where(ProcessInstance.id.in_(instance_ids))).scalars()
    for instance in rows:
        assert instance.status in ("running", "waiting"), instance.status
        assert instance.next_wakeup_at is None or clock.as_utc(instance.next_wakeup_at) > clock.now()
    db.session.commit()


def wait_until(predicate, timeout: float, what: str, poll: float = 0.25):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(poll)


class CeleryWorker:
    """`celery worker` in its own process group, on a queue of its own; stopped (warm
    shutdown, then SIGKILL of the group) by `stop()`."""

    def __init__(self, tmp: Path, *args: str, poll_seconds: float = 5):
        self.queue = f"wf-test-{uuid.uuid4().hex[:12]}"
        self.broker = broker_url()
        self.log_path = tmp / f"{self.queue}.log"
        env = {**os.environ, **{k: str(v) for k, v in FAST_ARGON2.items()},
               "DATABASE_URL": PG_URL, "CELERY_BROKER_URL": self.broker, "CELERY_QUEUE": self.queue,
               "VAULT_KEY": VAULT_KEY, "STORAGE_DIR": str(tmp / "files"),
               "TIMER_POLL_SECONDS": str(poll_seconds), "PYTHONPATH": str(ROOT)}
        for name in ("JOBS_MODE", "FLASK_APP"):
            env.pop(name, None)
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "workflow_app.jobs.celery_app", "worker",
                 "-Q", self.queue, "-l", "INFO", "--without-mingle", "--without-gossip",
                 "--without-heartbeat", *args],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def settings(self) -> dict:
        return {"CELERY_BROKER_URL": self.broker, "CELERY_QUEUE": self.queue}

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout: float = 60) -> None:
        wait_until(lambda: self.proc.poll() is not None or " ready." in self.log_text(), timeout,
                   "the Celery worker to start")
        assert self.proc.poll() is None, f"the Celery worker exited:\n{self.log_text()[-3000:]}"

    def stop(self, timeout: float = 30) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)       # warm shutdown: running jobs finish
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)     # pool processes left behind, if any
        except ProcessLookupError:
            pass
        self.proc.wait(10)
        self._forget_queue()

    def queued(self) -> int:
        """Messages still waiting in the queue (not yet taken by the worker)."""
        import redis
        client = redis.Redis.from_url(self.broker)
        try:
            return client.llen(self.queue)
        finally:
            client.close()

    def _forget_queue(self) -> None:
        from workflow_app.jobs.broker import forget_queue
        forget_queue(self.broker, self.queue)
