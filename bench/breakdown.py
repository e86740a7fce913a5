"""Where the time of a task completion goes, measured inside the server without a profiler.

`install(app)` wraps, from the outside and only in the benchmark server, the functions a
completion calls (application code is not changed): each wrapper adds its wall time to
the current request's tally, and the WSGI middleware folds the tallies of requests whose
path matches into totals, written as JSON when the server stops. Nested parts are nested
in the report (e.g. `engine.complete` contains `engine restore`). Wall time, so under
concurrency a part also holds the time spent waiting for the GIL or a database lock.
"""
from __future__ import annotations

import functools
import json
import threading
import time
from collections import defaultdict

_local = threading.local()
TOP = "__top_level_parts__"
REQUEST = "request (WSGI app, in server)"
QUERIES = "__sql_statements__"

# (label, module path, attribute): wrapped in this order; labels indented by nesting.
PARTS = [
    ("authenticate (token lookup)", "workflow_app.auth.tokens", "user_for"),
    ("_prepare_completion (read only: checks, form, handler, engine)", "workflow_app.services.tasks",
     "_prepare_completion"),
    ("  visible_task (the task row, may the caller see the case)", "workflow_app.services.tasks", "visible_task"),
    ("  bundles.for_instance", "workflow_app.services.bundles", "for_instance"),
    ("  forms validated", "workflow_app.services.tasks", "validated"),
    ("  vault sealed", "workflow_app.services.tasks", "sealed"),
    ("  handlers.run", "handlers", "run"),
    ("  engine.complete", "workflow_app.engine", "complete"),
    ("    engine restore", "workflow_app.engine.runtime", "restore"),
    ("    engine dump", "workflow_app.engine.runtime", "dump"),
    ("_write_completion (the write transaction)", "workflow_app.services.tasks", "_write_completion"),
    ("  begin_write (SQLite: file lock + BEGIN IMMEDIATE, waits)", "workflow_app.services.tasks", "begin_write"),
    ("  apply_step (inbox, parties, flush, audit)", "workflow_app.services.tasks", "apply_step"),
    ("    _sync_inbox (human_task rows, notifications)", "workflow_app.services.advance", "_sync_inbox"),
    ("    audit.append", "workflow_app.services.advance", "audit"),
    ("  documents issued (pending rows, what they will say)", "workflow_app.services.casefile", "issue"),
    ("  commit_keeping_objects (COMMIT, jobs handed over)", "workflow_app.services.tasks", "commit_keeping_objects"),
    ("    jobs handed over (broker, thread queue)", "workflow_app.jobs.dispatch", "hand_over"),
    ("  commit", None, None),
]


def _timed(label, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        tally = getattr(_local, "tally", None)
        if tally is None:
            return fn(*args, **kwargs)
        _local.depth += 1
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - t0
            _local.depth -= 1
            tally[label] += elapsed
            if _local.depth == 0:
                tally[TOP] += elapsed           # for "other": nested parts are not added twice
    return wrapper


class _AuditProxy:
    """`audit` as advance.py sees it, with `append` timed."""

    def __init__(self, module, label):
        self._module = module
        self.append = _timed(label, module.append)

    def __getattr__(self, name):
        return getattr(self._module, name)


class Breakdown:
    def __init__(self, flask_app, out: str, match: str):
        self.flask_app = flask_app
        self.app, self.out, self.match = flask_app.wsgi_app, out, match
        self.lock = threading.Lock()
        self.totals = defaultdict(float)
        self.requests = 0
        self._install()

    def _install(self):
        import importlib
        for label, module_name, attr in PARTS:
            if module_name is None:
                continue
            module = importlib.import_module(module_name)
            if attr == "audit":
                module.audit = _AuditProxy(module.audit, label)
            else:
                setattr(module, attr, _timed(label, getattr(module, attr)))
        from workflow_app.extensions import db
        session = db.session               # the scoped_session: calls go through its proxies
        session.commit = _timed("commit", session.commit)
        from sqlalchemy import event
        with self.flask_app.app_context():
            event.listen(db.engine, "before_cursor_execute", self._count_statement)

    @staticmethod
    def _count_statement(_conn, _cursor, statement, *_args):
        tally = getattr(_local, "tally", None)
        if tally is not None:
            tally[QUERIES] += 1

    def __call__(self, environ, start_response):
        if self.match not in environ.get("PATH_INFO", ""):
            return self.app(environ, start_response)
        _local.tally = defaultdict(float)
        _local.depth = 0
        t0 = time.perf_counter()
        try:
            body = b"".join(self.app(environ, start_response))
        finally:
            total = time.perf_counter() - t0
            tally, _local.tally = _local.tally, None
            with self.lock:
                self.requests += 1
                self.totals[REQUEST] += total
                for k, v in tally.items():
                    self.totals[k] += v
        return [body]

    def write(self):
        with open(self.out, "w") as fh:
            json.dump({"requests": self.requests, "totals_s": self.totals,
                       "order": [REQUEST, *[p[0] for p in PARTS]]}, fh)


def report(path: str) -> str:
    with open(path) as fh:
        doc = json.load(fh)
    n = doc["requests"] or 1
    totals = doc["totals_s"]
    total = totals.get(REQUEST, 0) or 1
    lines = [f"server-side breakdown of {doc['requests']} task completions (wall time, mean per request)"]

    def line(label, value):
        lines.append(f"  {label:<60} {value / n * 1000:7.2f} ms  {value / total * 100:5.1f} %")
    for label in doc["order"]:
        line(label, totals.get(label, 0.0))
    line("other (routing, JSON, response schema, ...)", total - totals.get(TOP, 0.0))
    lines.append(f"  SQL statements per completion: {totals.get(QUERIES, 0) / n:.1f}")
    return "\n".join(lines)
