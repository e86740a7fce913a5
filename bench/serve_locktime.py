"""bench/serve.py with the SQLite write lock timed: how long each request holds it, and how long
writers wait for it. On SQLite every write of every worker queues on one lock (db_setup.py), so
the share of the wall time it is held bounds the throughput of the whole server.

    BENCH_SERVE=bench/serve_locktime.py LOCKTIME_DIR=/tmp/locktime \\
        .venv/bin/python bench/http_cases.py --workers 2 --jobs celery --celery-nice 19 --cases 160 --lean
    .venv/bin/python bench/serve_locktime.py --report /tmp/locktime

Each server process (each gunicorn worker) writes its samples to LOCKTIME_DIR when it exits;
`--report` prints, per kind of request, the wall and CPU time the lock was held (median, mean,
total), and the time writers waited for it. Benchmarks only: the wrappers are put around the
lock functions from the outside, application code is not changed.
"""
from __future__ import annotations

import atexit
import collections
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def report(folder: str) -> int:
    held, waited = collections.defaultdict(list), []
    for path in Path(folder).glob("locktime-*.json"):
        doc = json.loads(path.read_text())
        waited += doc["waited"]
        for wall, cpu, kind in doc["held"]:
            held[kind].append((wall, cpu))
    if not held:
        print(f"no samples in {folder}")
        return 1
    print("SQLite write lock, per kind of request (ms): held wall median / mean, held CPU median / mean, total wall (s)")
    for kind, samples in sorted(held.items()):
        walls, cpus = [w for w, _ in samples], [c for _, c in samples]
        print(f"  {kind:<28} n={len(samples):<6} wall {statistics.median(walls) * 1e3:5.2f} / "
              f"{statistics.fmean(walls) * 1e3:5.2f}   cpu {statistics.median(cpus) * 1e3:5.2f} / "
              f"{statistics.fmean(cpus) * 1e3:5.2f}   total {sum(walls):6.2f}")
    print(f"  waits for the lock: n={len(waited)}, mean {statistics.fmean(waited) * 1e3:.2f} ms, "
          f"total {sum(waited):.2f} s")
    return 0


def instrument() -> None:
    """Wrap the lock functions of db_setup and the application factory of serve.py."""
    import serve
    from workflow_app import create_app, db_setup

    folder = Path(os.environ.get("LOCKTIME_DIR") or "/tmp/locktime")
    folder.mkdir(parents=True, exist_ok=True)
    local = threading.local()
    held, waited = [], []
    acquire, release = db_setup._acquire, db_setup._release_record

    def timed_acquire(connection, path):
        t0 = time.perf_counter()
        acquire(connection, path)
        waited.append(time.perf_counter() - t0)
        connection.connection._connection_record.info["locktime"] = (time.perf_counter(), time.thread_time())

    def timed_release(record):
        if record is not None and db_setup._LOCK_FD in record.info and "locktime" in record.info:
            t0, c0 = record.info.pop("locktime")
            held.append((time.perf_counter() - t0, time.thread_time() - c0, getattr(local, "kind", "other")))
        return release(record)

    db_setup._acquire, db_setup._release_record = timed_acquire, timed_release

    def dump():
        (folder / f"locktime-{os.getpid()}.json").write_text(json.dumps({"held": held, "waited": waited}))

    class Kind:
        def __init__(self, app):
            self.app = app

        def __call__(self, environ, start_response):
            path = environ.get("PATH_INFO", "")
            local.kind = f"{environ.get('REQUEST_METHOD')} {path.rsplit('/', 1)[-1] if path.endswith(('/complete', '/claim')) else '/'.join(path.split('/')[3:4])}"
            try:
                return [b"".join(self.app(environ, start_response))]
            finally:
                local.kind = "other"

    def instrumented_app():
        app = create_app()
        app.wsgi_app = Kind(app.wsgi_app)
        atexit.register(dump)
        return app

    serve.create_app = instrumented_app


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--report":
        sys.exit(report(sys.argv[2]))
    instrument()
    import serve
    sys.exit(serve.main())
