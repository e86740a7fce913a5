"""Faults under load: kill -9 a web worker and the Celery worker while clients complete cases,
then count what the clients saw acknowledged against what history holds.

What it does:
  1. creates a PostgreSQL database of its own (dropped at the end; --keep keeps it), migrates
     and seeds it (`flask db upgrade`, `seed-demo`, cheap argon2);
  2. starts the production mode as scripts/scale.sh does: gunicorn with gunicorn.conf.py
     (2 workers), a Celery worker (solo pool) and Celery beat (ticks every second), on a
     Redis queue of its own;
  3. creates --timer-cases protection cases whose intake timer falls due during the run (they
     are started with the clock moved back, so the servers keep the real clock);
  4. --clients threads drive full protection cases through the HTTP API (bench/case_path.py:
     start → intake → verify → decide → execute → review → terminate), recording every
     completion acknowledged (HTTP 200) by task id. A request whose answer never came (the
     connection reset by a kill) is "unknown": the client reads the case again to go on;
  5. in the middle of the load it kills -9 a gunicorn worker three times (the master starts
     another each time) and the Celery worker once (restarted by this script);
  6. waits for the timers and the documents, then prints the counts and exits 1 if any
     acknowledged completion is missing or doubled, any unknown one applied twice, any case
     half-written, any timer not fired or fired twice, any document left pending, or the
     audit chain broken.

    .venv/bin/python bench/faults.py                       # 6 clients, 60 cases, 10 timer cases
    .venv/bin/python bench/faults.py --short               # the CI run: 3 clients, 30 cases, ≤ 60 s of load
    .venv/bin/python bench/faults.py --pg-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres \
        --redis-url redis://127.0.0.1:6379/4
"""
from __future__ import annotations

import argparse
import collections
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from case_path import ROOT, STARTER, protection_path, users_of  # noqa: E402
from http_cases import AUDITOR, CHEAP_ARGON2, flask_cli, obtain_tokens  # noqa: E402

REQUEST_TIMEOUT = 60
INTAKE_DAYS = 3
NETWORK_ERRORS = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)


def log(message: str) -> None:
    print(f"faults: {message}", flush=True)


# -- the processes ----------------------------------------------------------------------------

class Processes:
    """gunicorn, the Celery worker and beat, each in its own process group."""

    def __init__(self, env: dict, tmp: Path, port: int):
        self.env, self.tmp, self.port = env, tmp, port
        self.web = self._spawn("web", [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")])
        self.worker = self.start_worker()
        self.beat = self._spawn("beat", [sys.executable, "-m", "celery", "-A", "workflow_app.jobs.celery_app",
                                         "beat", "-l", "INFO", "-s", str(tmp / "beat-schedule")])
        self.restarts = 0
        self.restarter: threading.Thread | None = None

    def _spawn(self, name: str, cmd: list[str]) -> subprocess.Popen:
        out = open(self.tmp / f"{name}.log", "ab")
        return subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)

    def start_worker(self) -> subprocess.Popen:
        return self._spawn("worker", [sys.executable, "-m", "celery", "-A", "workflow_app.jobs.celery_app",
                                      "worker", "--pool", "solo", "-l", "INFO", "--without-mingle",
                                      "--without-gossip", "--without-heartbeat"])

    def wait_web(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.web.poll() is not None:
                raise SystemExit(f"gunicorn exited:\n{self.tail('web')}")
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/api/v1/openapi.json", timeout=5).ok:
                    return
            except NETWORK_ERRORS:
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer:\n{self.tail('web')}")

    def web_workers(self) -> list[int]:
        return children_of(self.web.pid)

    def kill_web_worker(self) -> int | None:
        workers = self.web_workers()
        if not workers:
            return None
        os.kill(workers[0], signal.SIGKILL)
        return workers[0]

    def kill_and_restart_worker(self, pause: float = 2.0) -> int:
        """kill -9 the Celery worker now; start a new one `pause` seconds later (in the
        background, so that the load and the other kills go on meanwhile)."""
        pid = self.worker.pid
        os.killpg(pid, signal.SIGKILL)
        self.worker.wait(10)

        def restart():
            time.sleep(pause)
            self.worker = self.start_worker()
            self.restarts += 1
        self.restarter = threading.Thread(target=restart, daemon=True)
        self.restarter.start()
        return pid

    def tail(self, name: str, lines: int = 30) -> str:
        path = self.tmp / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def stop(self) -> None:
        for proc in (self.web, self.worker, self.beat):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 30
        for proc in (self.web, self.worker, self.beat):
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(10)


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == str(pid):
            found.append(int(stat.parent.name))
    return sorted(found)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- the clients -------------------------------------------------------------------------------

class Ledger:
    """What the clients saw, shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged: dict[str, tuple[str, str]] = {}   # task id -> (instance id, element)
        self.unknown: dict[str, tuple[str, str]] = {}        # sent, answer never seen
        self.unknown_starts = 0
        self.network_errors = 0
        self.statuses = collections.Counter()                # unexpected HTTP statuses
        self.samples: list[str] = []
        self.cases_done = 0
        self.cases: list[str] = []

    def note_status(self, what: str, response) -> None:
        with self.lock:
            self.statuses[f"{what} {response.status_code}"] += 1
            if len(self.samples) < 5:
                self.samples.append(f"{what} {response.status_code}: {response.text[:200]}")


class Client:
    def __init__(self, base: str, tokens: dict, path: dict, ledger: Ledger, deadline: float):
        self.base, self.tokens, self.path, self.ledger, self.deadline = base, tokens, path, ledger, deadline
        self.session = requests.Session()

    def _headers(self, user: str) -> dict:
        return {"Authorization": f"Bearer {self.tokens[user]}"}

    def _request(self, method: str, user: str, url: str, **kw):
        """The response, or None when the connection failed (counted)."""
        try:
            return self.session.request(method, f"{self.base}/api/v1{url}", headers=self._headers(user),
                                        timeout=REQUEST_TIMEOUT, **kw)
        except NETWORK_ERRORS:
            with self.ledger.lock:
                self.ledger.network_errors += 1
            self.session.close()
            self.session = requests.Session()
            return None

    def run_case(self) -> bool:
        start = self.path["start"]
        response = self._request("POST", start["user"], "/process-instances",
                                 json={"process_model": "protection_request", "data": start["data"]})
        if response is None:
            with self.ledger.lock:
                self.ledger.unknown_starts += 1     # maybe started; an orphan case is checked too
            return False
        if response.status_code != 201:
            self.ledger.note_status("start", response)
            return False
        instance_id = response.json()["id"]
        with self.ledger.lock:
            self.ledger.cases.append(instance_id)
        for step in self.path["steps"]:
            if not self._complete_step(instance_id, step):
                return False
        with self.ledger.lock:
            self.ledger.cases_done += 1
        return True

    def _complete_step(self, instance_id: str, step: dict) -> bool:
        """Complete `step` once, whatever the kills do; False when it cannot go on."""
        element, user = step["element_id"], step["user"]
        attempts = 0
        while attempts < 20 and time.monotonic() < self.deadline + 120:
            attempts += 1
            response = self._request("GET", user, f"/process-instances/{instance_id}")
            if response is None or response.status_code >= 500:
                if response is not None:
                    self.ledger.note_status("read", response)
                time.sleep(0.3)
                continue
            if response.status_code != 200:
                self.ledger.note_status("read", response)
                return False
            tasks = [t for t in response.json()["active_tasks"] if t["element_id"] == element]
            if not tasks:
                # The step is done: an "unknown" completion of it was applied after all.
                with self.ledger.lock:
                    done = any(v == (instance_id, element) for v in self.ledger.unknown.values())
                if done:
                    return True
                self.ledger.note_status(f"no task {element}", response)
                return False
            task_id = tasks[0]["id"]
            response = self._request("POST", user, f"/tasks/{task_id}/complete", json={"data": step["data"]})
            if response is None:
                with self.ledger.lock:
                    self.ledger.unknown[task_id] = (instance_id, element)
                time.sleep(0.3)
                continue                             # read again: applied or not?
            if response.status_code == 200:
                with self.ledger.lock:
                    self.ledger.acknowledged[task_id] = (instance_id, element)
                    self.ledger.unknown.pop(task_id, None)
                return True
            self.ledger.note_status(f"complete {element}", response)
            if response.status_code in (409,) or response.status_code >= 500:
                time.sleep(0.3)
                continue
            return False
        return False


def drive(base, tokens, path, ledger: Ledger, clients: int, cases: int, max_seconds: float) -> float:
    lock = threading.Lock()
    issued = [0]
    deadline = time.monotonic() + max_seconds

    def take() -> bool:
        with lock:
            if issued[0] >= cases or time.monotonic() > deadline:
                return False
            issued[0] += 1
            return True

    def loop():
        client = Client(base, tokens, path, ledger, deadline)
        try:
            while take():
                client.run_case()
        except Exception as error:           # a bug of the script must not hang the run
            with ledger.lock:
                ledger.statuses[f"client {error.__class__.__name__}"] += 1
                ledger.samples.append(repr(error))
        finally:
            client.session.close()

    threads = [threading.Thread(target=loop, name=f"client-{i}") for i in range(clients)]
    t0 = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max_seconds + 300)
    return time.monotonic() - t0


def chaos(procs: Processes, ledger: Ledger, expected: int, stop: threading.Event, events: list[str]) -> None:
    """Kill a web worker at ~25 %, ~60 % and ~80 % of the expected completions, and the Celery
    worker at ~45 % (it is restarted two seconds later)."""
    plan = [(0.25, "web"), (0.45, "worker"), (0.60, "web"), (0.80, "web")]
    for share, what in plan:
        while not stop.is_set():
            with ledger.lock:
                done = len(ledger.acknowledged)
            if done >= share * expected:
                break
            time.sleep(0.05)
        if stop.is_set():
            events.append(f"{what}: not killed (the load ended first)")
            continue
        if what == "web":
            pid = procs.kill_web_worker()
            events.append(f"kill -9 gunicorn worker {pid} after {done} acknowledged completions")
        else:
            pid = procs.kill_and_restart_worker()
            events.append(f"kill -9 Celery worker {pid} after {done} acknowledged completions; restarted 2 s later")


# -- set-up and checks inside the application --------------------------------------------------

def make_app(env: dict):
    for key in ("DATABASE_URL", "CELERY_BROKER_URL", "CELERY_QUEUE", "JOBS_MODE", "STORAGE_DIR"):
        os.environ[key] = env[key]
    from workflow_app import create_app
    return create_app({**{k: int(v) for k, v in CHEAP_ARGON2.items()}})


def start_timer_cases(app, count: int, first_due: float, spread: float) -> list[str]:
    """`count` cases whose intake timer falls due between `first_due` and `first_due + spread`
    seconds from now: started with the clock moved back, through the API (test client)."""
    from tests.support import request_data
    from workflow_app import clock
    client = app.test_client()
    ids = []
    try:
        for i in range(count):
            ahead = first_due + (spread * i / max(1, count - 1))
            clock.reset()
            clock.advance(-timedelta(days=INTAKE_DAYS) + timedelta(seconds=ahead))
            token = client.post("/api/v1/auth/token", json={"username": STARTER, "password": "baove183"})
            token = token.get_json()["token"]
            response = client.post("/api/v1/process-instances", headers={"Authorization": f"Bearer {token}"},
                                   json={"process_model": "protection_request", "data": request_data()})
            assert response.status_code == 201, response.get_json()
            ids.append(response.get_json()["id"])
    finally:
        clock.reset()
    return ids


def db_counts(app, timer_ids: list[str]) -> dict:
    from sqlalchemy import func, select

    from workflow_app import clock
    from workflow_app.extensions import db
    from workflow_app.models import AuditEvent, PendingDocument, ProcessInstance
    with app.app_context():
        completed = collections.Counter(db.session.execute(
            select(AuditEvent.task_id).where(AuditEvent.type == "task_completed")).scalars())
        fired = collections.Counter(db.session.execute(
            select(AuditEvent.instance_id).where(AuditEvent.type == "timer_fired",
                                                 AuditEvent.instance_id.in_(timer_ids),
                                                 AuditEvent.element_id == "timer_intake")).scalars())
        due = db.session.execute(select(func.count()).select_from(ProcessInstance).where(
            ProcessInstance.next_wakeup_at <= clock.now(),
            ProcessInstance.status.in_(("running", "waiting")))).scalar_one()
        pending = db.session.execute(select(func.count()).select_from(PendingDocument)).scalar_one()
        db.session.remove()
    return {"completed": completed, "fired": fired, "due": due, "pending": pending}


def half_written(app) -> list[str]:
    """Cases whose inbox rows or status disagree with their engine state."""
    from SpiffWorkflow.util.task import TaskState
    from sqlalchemy import select

    from workflow_app.engine.state import restore
    from workflow_app.extensions import db
    from workflow_app.models import HumanTask, ProcessInstance
    from workflow_app.services import bundles
    bad = []
    with app.app_context():
        rows = collections.defaultdict(set)
        for task_id, instance_id in db.session.execute(select(HumanTask.id, HumanTask.instance_id)).all():
            rows[instance_id].add(task_id)
        for instance in db.session.execute(select(ProcessInstance)).scalars():
            if instance.status in ("error", "cancelled"):
                continue
            bundle = bundles.for_instance(instance).bundle
            workflow = restore(instance.state, bundle.spec, bundle.subprocess_specs)
            ready = {str(t.id) for t in workflow.get_tasks(state=TaskState.READY, manual=True)}
            status = "completed" if workflow.is_completed() else "running" if ready else "waiting"
            if ready != rows.get(instance.id, set()) or status != instance.status:
                bad.append(f"{instance.case_number}: status {instance.status} (state says {status}), "
                           f"inbox {len(rows.get(instance.id, set()))} rows, state {len(ready)} ready")
        db.session.remove()
    return bad


def wait_for(predicate, timeout: float, poll: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(poll)
    return bool(predicate())


# -- main --------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", action="store_true",
                        help="the CI run: 3 clients, 30 cases, 4 timer cases, at most 60 s of load")
    parser.add_argument("--clients", type=int)
    parser.add_argument("--cases", type=int)
    parser.add_argument("--timer-cases", type=int)
    parser.add_argument("--max-seconds", type=float)
    parser.add_argument("--pg-url", default=os.environ.get("FAULTS_PG_URL",
                                                           "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"),
                        help="a PostgreSQL server (any database on it): a database is created there and dropped")
    parser.add_argument("--redis-url", default=os.environ.get("FAULTS_REDIS_URL", "redis://127.0.0.1:6379/4"))
    parser.add_argument("--keep", action="store_true", help="keep the database and the logs")
    args = parser.parse_args()
    clients = args.clients or (3 if args.short else 6)
    cases = args.cases or (30 if args.short else 60)
    timer_cases = args.timer_cases if args.timer_cases is not None else (4 if args.short else 10)
    max_seconds = args.max_seconds or (60.0 if args.short else 300.0)

    import psycopg
    from sqlalchemy.engine import make_url
    server = make_url(args.pg_url)
    name = f"wf_faults_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = dict(host=server.host or "127.0.0.1", port=server.port or 5432, user=server.username or "postgres",
                 password=server.password, dbname=server.database or "postgres", autocommit=True, connect_timeout=5)
    with psycopg.connect(**admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = server.set(database=name).render_as_string(hide_password=False)
    tmp = Path(tempfile.mkdtemp(prefix="wf-faults-"))
    queue = f"wf-faults-{uuid.uuid4().hex[:8]}"
    port = free_port()
    env = {**os.environ, **CHEAP_ARGON2, "DATABASE_URL": url, "CELERY_BROKER_URL": args.redis_url,
           "CELERY_QUEUE": queue, "JOBS_MODE": "celery", "STORAGE_DIR": str(tmp / "files"),
           "TIMER_POLL_SECONDS": "1", "SWEEP_POLL_SECONDS": "5", "JOB_VISIBILITY_TIMEOUT": "30",
           "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2", "WEB_TIMEOUT": "60", "LOG_LEVEL": "warning",
           "PYTHONUNBUFFERED": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("FLASK_APP", None)
    log(f"database {name}, Redis {args.redis_url} queue {queue}, logs {tmp}")
    procs = None
    failed = True
    try:
        flask_cli(env, "db", "upgrade")
        flask_cli(env, "seed-demo")
        app = make_app(env)
        path = protection_path()
        expected = cases * len(path["steps"])
        procs = Processes(env, tmp, port)
        procs.wait_web()
        # Their timers fall due 2 to 5 seconds from now: during the load, among the kills.
        timer_ids = start_timer_cases(app, timer_cases, first_due=2, spread=3)
        base = f"http://127.0.0.1:{port}"
        tokens = obtain_tokens(base, [*users_of(path), AUDITOR])
        ledger = Ledger()
        stop, events = threading.Event(), []
        killer = threading.Thread(target=chaos, args=(procs, ledger, expected, stop, events), daemon=True)
        log(f"load: {clients} clients, {cases} cases ({expected} completions), {timer_cases} timer cases, "
            f"at most {max_seconds:.0f} s")
        killer.start()
        wall = drive(base, tokens, path, ledger, clients, cases, max_seconds)
        stop.set()
        killer.join(30)
        if procs.restarter is not None:
            procs.restarter.join(30)
        if procs.worker.poll() is not None:                     # the restarted worker must be there
            procs.worker = procs.start_worker()

        # Let the timers and the documents settle: beat ticks every second; a render job lost
        # with the killed worker is redone by the sweep (pending for more than a minute).
        wait_for(lambda: (c := db_counts(app, timer_ids))["due"] == 0 and len(c["fired"]) == len(timer_ids), 90)
        wait_for(lambda: db_counts(app, timer_ids)["pending"] == 0, 150, poll=1)
        counts = db_counts(app, timer_ids)
        bad_cases = half_written(app)
        verify = requests.get(f"{base}/api/v1/audit/verify", timeout=REQUEST_TIMEOUT,
                              headers={"Authorization": f"Bearer {tokens[AUDITOR]}"})
        chain = verify.json() if verify.ok else {"ok": False, "status": verify.status_code}

        completed = counts["completed"]
        acked = ledger.acknowledged
        once = sum(1 for t in acked if completed[t] == 1)
        missing = [t for t in acked if completed[t] == 0]
        doubled = [t for t in acked if completed[t] > 1]
        unknown_applied = sum(1 for t in ledger.unknown if completed[t] == 1)
        unknown_doubled = [t for t in ledger.unknown if completed[t] > 1]
        doubled_anywhere = [t for t, n in completed.items() if n > 1]
        fired_once = sum(1 for i in timer_ids if counts["fired"][i] == 1)
        fired_twice = [i for i in timer_ids if counts["fired"][i] > 1]
        not_fired = [i for i in timer_ids if counts["fired"][i] == 0]

        print()
        print(f"load                {wall:.1f} s, {ledger.cases_done} of {cases} cases completed, "
              f"{len(ledger.cases)} started")
        for event in events:
            print(f"fault               {event}")
        print(f"web workers now     {len(procs.web_workers())} (gunicorn replaced every killed one)")
        print(f"client errors       {ledger.network_errors} connection errors (expected with kills), "
              f"{ledger.unknown_starts} starts without an answer")
        if ledger.statuses:
            print("other statuses      " + ", ".join(f"{k}: {v}" for k, v in sorted(ledger.statuses.items())))
            for sample in ledger.samples:
                print(f"  e.g. {sample}")
        print(f"acknowledged        {len(acked)} completions")
        print(f"  exactly once      {once}")
        print(f"  missing           {len(missing)}")
        print(f"  duplicated        {len(doubled)}")
        print(f"unknown             {len(ledger.unknown)} (answer never seen): {unknown_applied} applied once, "
              f"{len(ledger.unknown) - unknown_applied - len(unknown_doubled)} not applied, "
              f"{len(unknown_doubled)} applied twice")
        print(f"history             {sum(completed.values())} task_completed events, "
              f"{len(doubled_anywhere)} tasks completed twice")
        print(f"half-written cases  {len(bad_cases)}")
        for line in bad_cases[:10]:
            print(f"  {line}")
        print(f"timers              {len(timer_ids)} due during the run: {fired_once} fired once, "
              f"{len(fired_twice)} twice or more, {len(not_fired)} not fired; still due now: {counts['due']}")
        print(f"documents pending   {counts['pending']} after the sweep")
        print(f"audit chain         {'intact' if chain.get('ok') else 'BROKEN'} ({chain.get('events', '?')} events)")
        problems = (len(missing) + len(doubled) + len(unknown_doubled) + len(doubled_anywhere) + len(bad_cases)
                    + len(fired_twice) + len(not_fired) + counts["pending"] + (0 if chain.get("ok") else 1))
        failed = bool(problems) or not acked
        print(f"RESULT              {'FAIL' if failed else 'OK'}: "
              f"{'nothing lost, nothing doubled' if not failed else 'see the counts above'}")
        if failed:
            for what in ("web", "worker", "beat"):
                print(f"--- {what}.log (tail)\n{procs.tail(what, 15)}")
        return 1 if failed else 0
    finally:
        if procs is not None:
            procs.stop()
        _forget_queue(args.redis_url, queue)
        if args.keep:
            log(f"kept database {name} and {tmp}")
        else:
            from sqlalchemy import create_engine  # noqa: F401 (make sure no engine of ours holds it)
            try:
                with psycopg.connect(**admin) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except psycopg.Error as error:
                log(f"WARNING: could not drop {name}: {error}")
            import shutil
            shutil.rmtree(tmp, ignore_errors=True)


def _forget_queue(redis_url: str, queue: str) -> None:
    try:
        from workflow_app.jobs.broker import forget_queue
        forget_queue(redis_url, queue)
    except Exception as error:   # noqa: BLE001 - cleanup only
        log(f"WARNING: queue {queue} left on {redis_url}: {error}")


if __name__ == "__main__":
    sys.exit(main())
