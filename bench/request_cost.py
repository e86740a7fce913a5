"""CPU per request inside one process: the application without HTTP, clients or other processes.

The same protection case as http_cases.py is driven through Flask's test client (the real
WSGI application, its authentication, services and SQL) on a fresh SQLite file, or on the
PostgreSQL database given with --database-url (the caller owns it; it is migrated and seeded).
Documents and mail are not rendered: the jobs they queue are counted and dropped, because
they are background work measured elsewhere (bench/pdf_render.py). It prints the median and
mean CPU time (time.process_time) of each kind of request, and with --profile the top
functions of the completions under cProfile.

    .venv/bin/python bench/request_cost.py --cases 60
    .venv/bin/python bench/request_cost.py --cases 60 --profile 40
    .venv/bin/python bench/request_cost.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/wf_cost
"""
from __future__ import annotations

import argparse
import cProfile
import collections
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from case_path import protection_path, users_of  # noqa: E402

os.environ.setdefault("ARGON2_TIME_COST", "1")
os.environ.setdefault("ARGON2_MEMORY_COST", "8192")


def make_app(database_url: str | None, folder: str):
    from flask_migrate import upgrade

    from workflow_app import create_app, demo
    from workflow_app.jobs import dispatch
    url = database_url or f"sqlite:///{folder}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "STORAGE_DIR": f"{folder}/files", "JOBS_MODE": "inline"})
    dropped = collections.Counter()
    dispatch.hand_over = lambda app, jobs: dropped.update(name for name, _ in jobs)
    with app.app_context():
        upgrade(directory=str(Path(__file__).resolve().parent.parent / "migrations"))
        demo.seed()
    return app, dropped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--lean", action="store_true", help="no read of the case before each completion")
    parser.add_argument("--database-url")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile the completions, print N lines")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="wf-request-cost-")
    app, dropped = make_app(args.database_url, folder)
    client = app.test_client()
    path = protection_path()
    tokens = {}
    for user in users_of(path):
        answer = client.post("/api/v1/auth/token", json={"username": user, "password": "baove183"})
        tokens[user] = answer.get_json()["token"]
    cpu = collections.defaultdict(list)
    profiler = cProfile.Profile() if args.profile else None

    def call(kind, method, user, url, expect, **kw):
        profiling = profiler is not None and kind == "complete" and measuring
        t0 = time.process_time()
        if profiling:
            profiler.enable()
        answer = client.open(url, method=method, headers={"Authorization": f"Bearer {tokens[user]}"}, **kw)
        if profiling:
            profiler.disable()
        spent = time.process_time() - t0
        if answer.status_code != expect:
            raise SystemExit(f"{method} {url}: {answer.status_code} {answer.get_data(as_text=True)[:500]}")
        if measuring:
            cpu[kind].append(spent)
        return answer.get_json()

    measuring = False
    for n in range(args.warmup + args.cases):
        measuring = n >= args.warmup
        case = call("start", "POST", path["start"]["user"], "/api/v1/process-instances", 201,
                    json={"process_model": "protection_request", "data": path["start"]["data"]})
        active = case["active_tasks"]
        for step in path["steps"]:
            if not args.lean:
                active = call("read", "GET", step["user"], f"/api/v1/process-instances/{case['id']}", 200)["active_tasks"]
            task = next(t for t in active if t["element_id"] == step["element_id"])
            answer = call("complete", "POST", step["user"], f"/api/v1/tasks/{task['id']}/complete", 200,
                          json={"data": step["data"]})
            if measuring:
                cpu[f"complete {step['element_id']}"].append(cpu["complete"][-1])
            active = answer["next_tasks"]
        assert answer["process_instance"]["status"] == "completed"

    print(f"database        {'PostgreSQL' if args.database_url else 'SQLite (fresh file)'}")
    print(f"cases           {args.cases} measured after {args.warmup} warm-up, reads before completions: "
          f"{'no' if args.lean else 'yes'}")
    print(f"jobs dropped    {dict(dropped)} (documents and mail are background work)")
    print("CPU per request (ms): median / mean / p95")
    for kind, values in cpu.items():
        values = sorted(values)
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"  {kind:<24} n={len(values):<5} {statistics.median(values) * 1e3:7.2f} "
              f"{statistics.fmean(values) * 1e3:7.2f} {p95 * 1e3:7.2f}")
    if profiler is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
