"""Named background jobs and how one is run."""
from __future__ import annotations

import logging
from typing import Callable

from flask import Flask, current_app

log = logging.getLogger(__name__)
_JOBS: dict[str, Callable[..., object]] = {}


def job(name: str):
    """Register the decorated function as the background job `name`."""
    def register(fn):
        if _JOBS.get(name, fn) is not fn:
            raise ValueError(f"job {name!r} is registered twice")
        _JOBS[name] = fn
        return fn
    return register


def names() -> list[str]:
    _load()
    return sorted(_JOBS)


def run(name: str, kwargs: dict | None = None, app: Flask | None = None):
    """Run job `name` in a fresh application context: its own session, committed or rolled
    back by the job itself, and removed afterwards whatever happens."""
    from ..extensions import db
    _load()
    fn = _JOBS.get(name)
    if fn is None:
        raise KeyError(f"unknown job {name!r}")
    app = app or current_app._get_current_object()
    with app.app_context():
        try:
            return fn(**(kwargs or {}))
        except Exception:
            db.session.rollback()
            raise
        finally:
            db.session.remove()


def _load() -> None:
    """Import the modules that register jobs (once; imports are cached)."""
    from . import audit_exports, periodic  # noqa: F401
    from ..documents import jobs  # noqa: F401
    from ..services import notifications  # noqa: F401
