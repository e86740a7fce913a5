"""Full protection cases through the real HTTP API, by concurrent clients.

What it does:
  1. a fresh SQLite database in a temporary folder (or the PostgreSQL database given with
     --database-url, which the caller owns), migrated with `flask db upgrade` and seeded
     with `flask seed-demo`, cheap argon2 parameters so that logins stay cheap;
  2. the application served by werkzeug's threaded WSGI server (bench/serve.py) on
     127.0.0.1, a free port, in a separate process;
  3. one bearer token per demo user, obtained once, before the clock starts;
  4. --clients threads, each with its own persistent HTTP connection, take cases from a shared
     counter until --cases are done (or --max-seconds passed) and drive each one through
     start → intake → verify → decide → execute → review → terminate, the path of
     tests/api/test_smoke_flow.py. Before each completion a client reads the case
     (GET /process-instances/<id>) to find its task, as that test does; --lean takes the
     task id from the previous response instead.
  5. prints cases/s, completions/s, latency percentiles per kind of request, errors by
     status (there must be none: the exit status is 1 otherwise), checks the audit chain,
     and stops the server.

--breakdown times the parts of each completion inside the server (bench/breakdown.py:
wrappers put around service functions from outside, no profiler); --profile runs the
completions under cProfile and prints the top functions. Timing figures are printed,
never asserted.

    .venv/bin/python bench/http_cases.py                     # 8 clients, 40 cases, SQLite
    .venv/bin/python bench/http_cases.py --clients 2 --cases 10 --lean
    .venv/bin/python bench/http_cases.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/wf_bench
"""
from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from case_path import ROOT, protection_path, users_of  # noqa: E402

PASSWORD = "baove183"
AUDITOR = "auditor.ubkt_tu"
CHEAP_ARGON2 = {"ARGON2_TIME_COST": "1", "ARGON2_MEMORY_COST": "8192"}
REQUEST_TIMEOUT = 120


# -- the server ------------------------------------------------------------------------------

def flask_cli(env: dict, *args: str) -> float:
    """Run `flask --app workflow_app ARGS`; return its wall time; raise with its output."""
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "workflow_app", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"flask {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - t0


class Server:
    """bench/serve.py in a child process; `port` once it said READY."""

    def __init__(self, env: dict, log_path: Path, port: int = 0, profile: str | None = None,
                 breakdown: str | None = None, serialize_posts: bool = False, workers: int = 0,
                 threads: int = 1):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        cmd = [sys.executable, os.environ.get("BENCH_SERVE", str(ROOT / "bench" / "serve.py")), "--port", str(port)]
        if workers:
            cmd += ["--workers", str(workers), "--threads", str(threads)]
        if profile:
            cmd += ["--profile", profile]
        if breakdown:
            cmd += ["--breakdown", breakdown]
        if serialize_posts:
            cmd += ["--serialize-posts"]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=self.log)
        self.port = self._wait_ready(60)

    def _wait_ready(self, timeout: float) -> int:
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        buffer = b""
        while time.monotonic() < deadline:
            if sel.select(timeout=0.5):
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                buffer += chunk
                for line in buffer.decode(errors="replace").splitlines():
                    if line.startswith("READY "):
                        self.code_root = line.split(maxsplit=2)[2] if len(line.split()) > 2 else "?"
                        return int(line.split()[1])
            if self.proc.poll() is not None:
                break
        self.stop()
        raise SystemExit(f"the server did not start; its log:\n{self.log_tail()}")

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the server process and its children (gunicorn workers)
        so far (Linux /proc), else None."""
        total, found = 0, False
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if stat.parent.name == str(self.proc.pid) or fields[1] == str(self.proc.pid):
                total += int(fields[11]) + int(fields[12])
                found = True
        return total / os.sysconf("SC_CLK_TCK") if found else None

    def log_tail(self, lines: int = 40) -> str:
        self.log.flush()
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self.log.close()


def documents_backlog(conn) -> tuple[int, int]:
    """(pending, issued) generated documents, read on the SQLAlchemy connection `conn`."""
    from sqlalchemy import text
    pending = conn.execute(text("SELECT count(*) FROM pending_document")).scalar_one()
    issued = conn.execute(text("SELECT count(*) FROM stored_file WHERE kind = 'document'")).scalar_one()
    conn.rollback()                      # a fresh snapshot at the next poll
    return pending, issued


def drain_documents(url: str, limit: float = 120.0) -> tuple[int, int, int, float]:
    """Wait until no document is pending (rendered by the background jobs); returns the
    backlog when the load stopped, the pending and issued counts at the end, and the seconds
    the drain took (or `limit`)."""
    from sqlalchemy import create_engine
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            t0 = time.perf_counter()
            backlog, issued = documents_backlog(conn)
            pending = backlog
            while pending and time.perf_counter() - t0 < limit:
                time.sleep(0.2)
                pending, issued = documents_backlog(conn)
            return backlog, pending, issued, time.perf_counter() - t0
    finally:
        engine.dispose()


def machine_busy_seconds() -> float | None:
    """CPU seconds all processes of the machine have used since boot (Linux /proc/stat)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)          # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def start_celery_worker(env: dict, log_path: Path, nice: int = 0) -> subprocess.Popen:
    """One Celery worker process (solo pool: the machine has 2 cores) for the jobs; `nice`
    lowers its CPU priority, as background work behind the requests on a shared machine."""
    return subprocess.Popen([*(["nice", "-n", str(nice)] if nice else []), sys.executable, "-m", "celery", "-A", "workflow_app.jobs.celery_app", "worker",
                             "--pool", "solo", "--loglevel", "WARNING", "--without-gossip", "--without-mingle"],
                            cwd=ROOT, env=env, stdout=open(log_path, "wb"), stderr=subprocess.STDOUT)


# -- the clients -----------------------------------------------------------------------------

class Recorder:
    """Latencies by kind, errors by status; one per client thread, merged at the end."""

    def __init__(self):
        self.latency = collections.defaultdict(list)      # kind -> [seconds]
        self.by_element = collections.defaultdict(list)   # element id -> [seconds] (completions)
        self.errors = collections.Counter()               # status -> count
        self.error_samples: list[str] = []
        self.cases_done = 0

    def error(self, key, detail: str) -> None:
        self.errors[key] += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(f"{key}: {detail[:400]}")

    def merge(self, other: "Recorder") -> None:
        for k, v in other.latency.items():
            self.latency[k].extend(v)
        for k, v in other.by_element.items():
            self.by_element[k].extend(v)
        self.errors.update(other.errors)
        self.error_samples.extend(other.error_samples[: max(0, 5 - len(self.error_samples))])
        self.cases_done += other.cases_done


class LeanSession:
    """The load generator's HTTP client: one persistent connection (http.client), reopened
    when the server closes it (gunicorn's sync workers close after every answer). A load
    generator should cost the machine little: with `requests` the eight client threads used
    a fifth to a third of a core at these rates (`--http-client requests` to compare)."""

    def __init__(self, base: str):
        host, _, port = base.removeprefix("http://").partition(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=REQUEST_TIMEOUT)

    def request(self, method: str, url: str, headers: dict, json_body=None) -> tuple[int, bytes]:
        body = None
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers = {**headers, "Content-Type": "application/json"}
        for attempt in (1, 2):
            try:
                self.connection.request(method, url, body=body, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.connection.close()
                if attempt == 2 or method != "GET":
                    raise                 # a POST is never sent twice: it may have been applied
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.connection.close()


class RequestsSession:
    """The same interface on `requests` (the client of the figures measured before 2026-12)."""

    def __init__(self, base: str):
        self.base, self.session = base, requests.Session()

    def request(self, method: str, url: str, headers: dict, json_body=None) -> tuple[int, bytes]:
        response = self.session.request(method, self.base + url, headers=headers, json=json_body,
                                        timeout=REQUEST_TIMEOUT)
        return response.status_code, response.content

    def close(self) -> None:
        self.session.close()


HTTP_CLIENTS = {"lean": LeanSession, "requests": RequestsSession}


class Client:
    def __init__(self, base: str, tokens: dict[str, str], path: dict, lean: bool, http_client: str = "lean"):
        self.base, self.tokens, self.path, self.lean = base, tokens, path, lean
        self.session = HTTP_CLIENTS[http_client](base)
        self.rec = Recorder()

    def _call(self, kind: str, method: str, user: str, url: str, expect: int, json=None):
        headers = {"Authorization": f"Bearer {self.tokens[user]}"}
        t0 = time.perf_counter()
        try:
            status, body = self.session.request(method, url, headers, json)
        except (OSError, http.client.HTTPException, requests.RequestException) as exc:
            self.rec.error(f"exception:{exc.__class__.__name__}", f"{method} {url}: {exc}")
            return None, time.perf_counter() - t0
        elapsed = time.perf_counter() - t0
        if status != expect:
            self.rec.error(status, f"{method} {url}: {body.decode('utf-8', 'replace')}")
            return None, elapsed
        self.rec.latency[kind].append(elapsed)
        return _json_loads(body), elapsed

    def run_case(self) -> None:
        start = self.path["start"]
        case, _ = self._call("start", "POST", start["user"], "/api/v1/process-instances", 201,
                             json={"process_model": "protection_request", "data": start["data"]})
        if case is None:
            return
        active = case["active_tasks"]
        result = None
        for step in self.path["steps"]:
            if not self.lean:
                body, _ = self._call("read", "GET", step["user"], f"/api/v1/process-instances/{case['id']}", 200)
                if body is None:
                    return
                active = body["active_tasks"]
            matches = [t for t in active if t["element_id"] == step["element_id"]]
            if not matches:
                self.rec.error("no_task", f"no active {step['element_id']} in {[t['element_id'] for t in active]}")
                return
            result, elapsed = self._call("complete", "POST", step["user"],
                                         f"/api/v1/tasks/{matches[0]['id']}/complete", 200,
                                         json={"data": step["data"]})
            if result is None:
                return
            self.rec.by_element[step["element_id"]].append(elapsed)
            active = result["next_tasks"]
        status = result["process_instance"]["status"]
        if status != "completed":
            self.rec.error("not_completed", f"case {case['case_number']} ended {status}")
            return
        self.rec.cases_done += 1


_json_loads = json.loads


def obtain_tokens(base: str, users: list[str]) -> dict[str, str]:
    tokens = {}
    with requests.Session() as session:
        for user in users:
            response = session.post(f"{base}/api/v1/auth/token", json={"username": user, "password": PASSWORD},
                                    timeout=REQUEST_TIMEOUT)
            if response.status_code != 200:
                raise SystemExit(f"login of {user} failed: {response.status_code} {response.text}")
            tokens[user] = response.json()["token"]
    return tokens


def drive(base: str, tokens: dict, path: dict, clients: int, cases: int, max_seconds: float, lean: bool,
          http_client: str = "lean"):
    lock = threading.Lock()
    issued = [0]
    deadline = time.monotonic() + max_seconds
    workers = [Client(base, tokens, path, lean, http_client) for _ in range(clients)]

    def take() -> bool:
        with lock:
            if issued[0] >= cases or time.monotonic() > deadline:
                return False
            issued[0] += 1
            return True

    def loop(client: Client):
        try:
            while take():
                client.run_case()
        except Exception as exc:  # a bug in the benchmark itself must not hang the run
            client.rec.error(f"client:{exc.__class__.__name__}", repr(exc))
        finally:
            client.session.close()

    threads = [threading.Thread(target=loop, args=(w,), name=f"client-{i}") for i, w in enumerate(workers)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(1.0, deadline - time.monotonic()) + REQUEST_TIMEOUT)
    wall = time.perf_counter() - t0
    total = Recorder()
    for w in workers:
        total.merge(w.rec)
    hung = [t.name for t in threads if t.is_alive()]
    if hung:
        total.error("hung_client", ", ".join(hung))
    return total, wall, issued[0]


# -- report ----------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of `values`, which must not be empty."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def row(label: str, values: list[float]) -> str:
    if not values:
        return f"  {label:<22} n=0"
    ms = [v * 1000 for v in values]
    return (f"  {label:<22} n={len(ms):<5} p50={percentile(ms, 50):8.1f}  p95={percentile(ms, 95):8.1f}  "
            f"p99={percentile(ms, 99):8.1f}  max={max(ms):8.1f}  mean={sum(ms) / len(ms):8.1f} ms")


def report(rec: Recorder, wall: float, issued: int, args, setup: dict) -> None:
    completions = len(rec.latency["complete"])
    print(f"database        {setup['database']}")
    kind = (f"gunicorn, {args.workers} workers × {args.threads} thread(s)" if args.workers
            else "werkzeug threaded, 1 process")
    print(f"server          {kind}, 127.0.0.1:{setup['port']}, jobs {setup['jobs']}, code from {setup['code']}"
          f"{' [EXPERIMENT: POSTs serialized in-process]' if args.serialize_posts else ''}")
    print(f"setup           db upgrade {setup['upgrade']:.1f} s, seed-demo {setup['seed']:.1f} s, "
          f"server ready {setup['ready']:.1f} s, {len(setup['users'])} logins {setup['logins']:.2f} s")
    print(f"load            {args.clients} clients ({args.http_client}), {issued} cases issued (of {args.cases}), "
          f"reads before completions: {'no (--lean)' if args.lean else 'yes'}")
    print(f"wall time       {wall:.2f} s")
    print(f"cases           {rec.cases_done} completed  ->  {rec.cases_done / wall:.2f} cases/s")
    print(f"completions     {completions}  ->  {completions / wall:.2f} task completions/s")
    requests_total = sum(len(v) for v in rec.latency.values())
    print(f"requests        {requests_total}  ->  {requests_total / wall:.2f} requests/s (all kinds)")
    print("latency (client side, successful requests)")
    print(row("complete (all)", rec.latency["complete"]))
    for element in [s["element_id"] for s in setup["path"]["steps"]]:
        print(row(f"  complete {element}", rec.by_element[element]))
    print(row("start case", rec.latency["start"]))
    if not args.lean:
        print(row("read case", rec.latency["read"]))
    if rec.errors:
        print("errors by status " + ", ".join(f"{k}: {v}" for k, v in sorted(rec.errors.items(), key=str)))
        for sample in rec.error_samples:
            print(f"  e.g. {sample}")
    else:
        print("errors by status none")


def print_profile(path: Path, top: int) -> None:
    if not path.exists():
        print("no profile was written")
        return
    import io
    import pstats
    for sort in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(str(path), stream=out).sort_stats(sort).print_stats(top)
        text = out.getvalue()
        head = text[:text.find("   ncalls")].strip().splitlines()
        print(f"\nserver-side cProfile of all task completions, by {sort} ({head[0].strip() if head else ''})")
        print(text[text.find("   ncalls"):].rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads (default 8)")
    parser.add_argument("--cases", type=int, default=40, help="cases in total (default 40)")
    parser.add_argument("--max-seconds", type=float, default=600.0,
                        help="stop issuing new cases after this long (default 600)")
    parser.add_argument("--database-url", help="a PostgreSQL URL (postgresql+psycopg://...) the caller owns; "
                                               "it is migrated and seeded. Default: a fresh SQLite file")
    parser.add_argument("--lean", action="store_true",
                        help="no GET of the case before each completion (task ids from the previous answer)")
    parser.add_argument("--http-client", choices=sorted(HTTP_CLIENTS), default="lean",
                        help="the clients' HTTP library: lean = http.client with a persistent connection "
                             "(default), requests = requests.Session (the earlier figures)")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, server log)")
    parser.add_argument("--json", dest="json_out", help="also write the raw figures to this JSON file")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile the server's task completions and print the top functions "
                             "(slows the server: use its figures for shares, not for speed)")
    parser.add_argument("--profile-top", type=int, default=30)
    parser.add_argument("--breakdown", action="store_true",
                        help="time the parts of each task completion inside the server (cheap wrappers, "
                             "no profiler) and print where the time goes")
    parser.add_argument("--workers", type=int, default=0,
                        help="serve with gunicorn and this many worker processes (default: werkzeug, 1 process)")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (default 1: sync)")
    parser.add_argument("--jobs", choices=("thread", "celery"), default="thread",
                        help="where documents and mail are rendered after the commit: a thread of each "
                             "server process (default) or a Celery worker started by the script "
                             "(needs Redis on 127.0.0.1:6379; --redis-url to change)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--celery-nice", type=int, default=0,
                        help="run the Celery worker under nice(1) with this niceness (e.g. 19): the "
                             "documents wait for idle CPU instead of competing with the requests")
    parser.add_argument("--serialize-posts", action="store_true",
                        help="experiment, not the application as shipped: the server runs POST requests one "
                             "at a time behind an in-process lock (bench/serve.py), to compare with SQLite's "
                             "busy-timeout waiting")
    args = parser.parse_args()
    if args.clients < 1 or args.cases < 1:
        parser.error("--clients and --cases must be at least 1")
    if args.database_url and not args.database_url.startswith("postgresql"):
        parser.error("--database-url must be a PostgreSQL URL (SQLite is the default)")

    tmp = Path(tempfile.mkdtemp(prefix="wf-bench-http-"))
    url = args.database_url or f"sqlite:///{tmp / 'bench.sqlite3'}"
    env = {**os.environ, **CHEAP_ARGON2, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("FLASK_APP", None)
    env["JOBS_MODE"] = args.jobs
    if args.jobs == "celery":
        env["CELERY_BROKER_URL"] = args.redis_url
    path = protection_path()
    users = [*users_of(path), AUDITOR]
    setup = {"database": "PostgreSQL (given)" if args.database_url else f"SQLite (fresh, {tmp})",
             "path": path, "users": users, "jobs": args.jobs}
    server = celery = None
    try:
        setup["upgrade"] = flask_cli(env, "db", "upgrade")
        setup["seed"] = flask_cli(env, "seed-demo")
        t0 = time.perf_counter()
        profile_file = str(tmp / "completions.prof") if args.profile else None
        breakdown_file = str(tmp / "breakdown.json") if args.breakdown else None
        server = Server(env, tmp / "server.log", args.port, profile_file, breakdown_file, args.serialize_posts,
                        args.workers, args.threads)
        if args.jobs == "celery":
            celery = start_celery_worker(env, tmp / "celery.log", args.celery_nice)
        setup["ready"] = time.perf_counter() - t0
        setup["port"], setup["code"] = server.port, server.code_root
        base = f"http://127.0.0.1:{server.port}"
        t0 = time.perf_counter()
        tokens = obtain_tokens(base, users)
        setup["logins"] = time.perf_counter() - t0

        server_cpu0, client_cpu0, machine0 = server.cpu_seconds(), time.process_time(), machine_busy_seconds()
        rec, wall, issued = drive(base, tokens, path, args.clients, args.cases, args.max_seconds, args.lean,
                                  args.http_client)
        server_cpu1, client_cpu1, machine1 = server.cpu_seconds(), time.process_time(), machine_busy_seconds()
        report(rec, wall, issued, args, setup)
        backlog, pending, documents, drained = drain_documents(url)
        print(f"documents       {documents} issued after the commit ({args.jobs}); {backlog} still pending when "
              f"the load stopped, {'drained' if not pending else f'{pending} NOT drained'} {drained:.1f} s later")
        if pending:
            rec.error("documents_pending", f"{pending} documents never rendered")
        if server_cpu0 is not None and server_cpu1 is not None:
            used, clients = server_cpu1 - server_cpu0, client_cpu1 - client_cpu0
            line = (f"cpu             server {used:.2f} s ({used / wall * 100:.0f} % of one core), "
                    f"clients {clients:.2f} s ({clients / wall * 100:.0f} %)")
            if machine0 is not None and machine1 is not None:
                # everything else: the database server (PostgreSQL), and anything else running —
                # if that is high and the database is SQLite, the figures are disturbed.
                others = max(0.0, machine1 - machine0 - used - clients)
                line += f", rest of the machine {others:.2f} s ({others / wall * 100:.0f} %)"
                if not args.database_url and others / wall > 0.2:
                    line += "  <- other processes were busy: figures may be disturbed"
            print(f"{line}; {os.cpu_count()} cores")

        verify = requests.get(f"{base}/api/v1/audit/verify", timeout=REQUEST_TIMEOUT,
                              headers={"Authorization": f"Bearer {tokens[AUDITOR]}"})
        body = verify.json() if verify.status_code == 200 else {"ok": False, "status": verify.status_code}
        print(f"audit chain     {'intact' if body.get('ok') else 'BROKEN'} "
              f"({body.get('events', '?')} events)")
        if not body.get("ok"):
            rec.error("audit_chain", json.dumps(body, ensure_ascii=False))
        if rec.errors:
            print(f"server log tail ({tmp / 'server.log'}):\n{server.log_tail(20)}")
        if args.json_out:
            Path(args.json_out).write_text(json.dumps({
                "clients": args.clients, "cases": rec.cases_done, "wall_s": wall, "lean": args.lean,
                "database": "postgresql" if args.database_url else "sqlite",
                "latency_s": rec.latency, "by_element_s": rec.by_element,
                "errors": {str(k): v for k, v in rec.errors.items()}}, indent=1))
        return 1 if rec.errors else 0
    finally:
        if celery is not None:
            celery.terminate()
            try:
                celery.wait(timeout=20)
            except subprocess.TimeoutExpired:
                celery.kill()
        if server is not None:
            server.stop()
            if args.breakdown:
                from breakdown import report as breakdown_report
                print()
                print(breakdown_report(breakdown_file) if Path(breakdown_file).exists() else "no breakdown written")
            if args.profile:
                print_profile(tmp / "completions.prof", args.profile_top)
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
