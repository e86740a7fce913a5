"""gunicorn settings of the production mode: `gunicorn -c gunicorn.conf.py` (scripts/scale.sh).

Everything comes from the environment, like the application's own settings:

    BIND              address to listen on (default 127.0.0.1:8000; 0.0.0.0:8000 behind a proxy)
    WEB_CONCURRENCY   worker processes (default one per core, at least 2: measured best,
                      bench/README.md — more workers than cores only queue on the CPU)
    WEB_THREADS       threads per worker (default 1: sync workers; > 1 uses gthread)
    WEB_TIMEOUT       seconds before a silent worker is killed and replaced (default 60)
    WEB_PRELOAD       1 = import the application once in the master, before forking (default 1)
    ACCESS_LOG        "-" for stdout, a file path, or empty for none (default: none)
    LOG_LEVEL         gunicorn's log level (default info)

Workers are stateless (sessions are signed cookies, tokens are in the database, jobs go to
the broker), so any number of them, on any number of machines, serve the same database.
"""
from __future__ import annotations

import multiprocessing
import os

wsgi_app = "workflow_app:create_app()"
bind = os.environ.get("BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY") or max(2, multiprocessing.cpu_count()))
threads = int(os.environ.get("WEB_THREADS") or 1)
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("WEB_TIMEOUT") or 60)
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that a slow leak cannot grow without bound.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS") or 5000)
max_requests_jitter = max_requests // 10
preload_app = os.environ.get("WEB_PRELOAD", "1").strip().lower() in ("1", "true", "yes", "on")
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
proc_name = "baove183-web"


def post_fork(server, worker):
    """A preloaded application was created in the master: a forked worker must not reuse
    the master's database connections (two processes on one socket corrupt both), so it
    drops the pool it inherited without closing it, and opens its own connections."""
    app = getattr(server.app, "callable", None)
    if app is None:
        return
    from workflow_app.extensions import db
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)


def post_worker_init(worker):
    """The application is loaded: freeze it out of the collector's sight (gc_tuning.py)."""
    from workflow_app import gc_tuning
    gc_tuning.tune()
