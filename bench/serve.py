"""Serve the application for the HTTP benchmark: werkzeug, threaded, loopback only.

Configuration comes from the environment (DATABASE_URL, ARGON2_*, ...), exactly as
`flask run` would read it. The server binds 127.0.0.1 on the given port (0 = a free one)
and prints one line `READY <port>` on stdout once it accepts connections; SIGTERM or
SIGINT stops it. Used by bench/http_cases.py; not meant for anything but benchmarks.
"""
from __future__ import annotations

import argparse
import os
import cProfile
import logging
import pstats
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from werkzeug.serving import WSGIRequestHandler, make_server  # noqa: E402

from workflow_app import create_app  # noqa: E402


class Profiled:
    """WSGI middleware: cProfile each request whose path matches, summed into one file.

    cProfile sees only the thread that enabled it, and the threaded server runs each
    request on its own thread, so every request gets its own profiler; the stats are
    added up under a lock and written when the server stops.
    """

    def __init__(self, app, out: str, match: str):
        self.app, self.out, self.match = app, out, match
        self.stats = None
        self.lock = threading.Lock()
        self.requests = 0

    def __call__(self, environ, start_response):
        if self.match not in environ.get("PATH_INFO", ""):
            return self.app(environ, start_response)
        profiler = cProfile.Profile()
        profiler.enable()
        try:
            body = b"".join(self.app(environ, start_response))   # run the whole view while profiling
        finally:
            profiler.disable()
            with self.lock:
                self.requests += 1
                if self.stats is None:
                    self.stats = pstats.Stats(profiler)
                else:
                    self.stats.add(profiler)
        return [body]

    def write(self) -> None:
        if self.stats is not None:
            self.stats.dump_stats(self.out)
            print(f"profiled {self.requests} requests -> {self.out}", file=sys.stderr, flush=True)


class SerializedPosts:
    """Experiment: one POST at a time in this process, waiting on a lock instead of SQLite's
    busy handler (which polls with sleeps of up to 100 ms, so it is neither prompt nor fair)."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") != "POST":
            return self.app(environ, start_response)
        with self.lock:
            return [b"".join(self.app(environ, start_response))]


class QuietHandler(WSGIRequestHandler):
    """No access log: one stderr line per request would be part of what we measure."""

    def log_request(self, code="-", size="-"):
        pass


def serve_gunicorn(port: int, workers: int, threads: int) -> int:
    """gunicorn in this process (the master) with `workers` forked workers, as in production
    (gunicorn.conf.py is not read: the settings that matter for the benchmark are set here)."""
    import socket

    from gunicorn.app.base import BaseApplication

    if port == 0:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]

    class Bench(BaseApplication):
        def load_config(self):
            for key, value in {"bind": f"127.0.0.1:{port}", "workers": workers, "threads": threads,
                               "worker_class": "gthread" if threads > 1 else "sync",
                               "keepalive": 30, "backlog": 256, "timeout": 120,
                               # BENCH_ACCESS_LOG=FILE: one line per request with its time in the
                               # worker (microseconds), to compare with the client's latency.
                               "accesslog": os.environ.get("BENCH_ACCESS_LOG") or None,
                               "access_log_format": "%(m)s %(U)s %(s)s %(D)s",
                               "loglevel": "warning", "when_ready": _ready,
                               "post_worker_init": _tuned}.items():
                self.cfg.set(key, value)

        def load(self):
            return create_app()

    def _tuned(_worker):                  # as gunicorn.conf.py does in production
        from workflow_app import gc_tuning
        gc_tuning.tune()

    def _ready(_server):
        import workflow_app
        print(f"READY {port} {Path(workflow_app.__file__).resolve().parent.parent}", flush=True)

    Bench().run()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--profile", help="write cProfile stats of matching requests to this file")
    parser.add_argument("--profile-match", default="/complete", help="substring of the profiled paths")
    parser.add_argument("--breakdown", help="write a timing breakdown of task completions (JSON) to this file")
    parser.add_argument("--workers", type=int, default=0,
                        help="serve with gunicorn and this many worker processes (0: werkzeug, one process)")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (gthread if > 1)")
    parser.add_argument("--serialize-posts", action="store_true",
                        help="experiment: run POST requests one at a time behind an in-process lock")
    args = parser.parse_args()

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    if args.workers:
        if args.profile or args.breakdown or args.serialize_posts:
            parser.error("--profile, --breakdown and --serialize-posts need the werkzeug server (no --workers)")
        return serve_gunicorn(args.port, args.workers, args.threads)
    app = create_app()
    from workflow_app import gc_tuning
    gc_tuning.tune()
    breakdown = None
    if args.breakdown:
        from breakdown import Breakdown
        breakdown = app.wsgi_app = Breakdown(app, args.breakdown, "/complete")
    if args.serialize_posts:
        app.wsgi_app = SerializedPosts(app.wsgi_app)
    profiled = Profiled(app.wsgi_app, args.profile, args.profile_match) if args.profile else None
    if profiled is not None:
        app.wsgi_app = profiled
    server = make_server("127.0.0.1", args.port, app, threaded=True, request_handler=QuietHandler)

    def stop(_signum, _frame):
        # shutdown() waits for serve_forever() to return, so it must not run on its thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    import workflow_app
    print(f"READY {server.server_port} {Path(workflow_app.__file__).resolve().parent.parent}", flush=True)
    server.serve_forever()
    server.server_close()
    if profiled is not None:
        profiled.write()
    if breakdown is not None:
        breakdown.write()
    return 0


if __name__ == "__main__":
    sys.exit(main())
