"""Choice lists for forms, read from the reference tables.

Every task completion validates against them, and they change rarely (an administrator adds an
agency or a measure), so each process keeps them for up to a minute per database. A change
made through this process's session is seen at once; one made by another process (another
web worker, the CLI) within the minute.
"""
from __future__ import annotations

import threading
import time

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from ..extensions import db
from ..models import Agency, Measure

TTL_SECONDS = 60.0
_cache: dict[str, tuple[float, dict]] = {}
_lock = threading.Lock()


def choices() -> dict[str, list[tuple[str, str]]]:
    key = str(db.engine.url)
    now = time.monotonic()
    cached = _cache.get(key)
    if cached is not None and now - cached[0] < TTL_SECONDS:
        return cached[1]
    agencies = db.session.execute(select(Agency.code, Agency.name).order_by(Agency.code)).all()
    measures = db.session.execute(select(Measure.code, Measure.title).where(Measure.active)
                                  .order_by(Measure.position, Measure.code)).all()
    value = {"agencies": [tuple(a) for a in agencies], "measures": [tuple(m) for m in measures]}
    with _lock:
        _cache[key] = (now, value)
    return value


def names() -> dict[str, dict[str, str]]:
    """{"agencies": {code: name}, "measures": {code: title}} of every row, inactive measures too
    (a document names what was decided, even if the measure is retired since), cached like
    `choices`."""
    key = "names:" + str(db.engine.url)
    now = time.monotonic()
    cached = _cache.get(key)
    if cached is not None and now - cached[0] < TTL_SECONDS:
        return cached[1]
    value = {"agencies": dict(db.session.execute(select(Agency.code, Agency.name)).all()),
             "measures": dict(db.session.execute(select(Measure.code, Measure.title)).all())}
    with _lock:
        _cache[key] = (now, value)
    return value


def forget() -> None:
    with _lock:
        _cache.clear()


@event.listens_for(Session, "after_flush")
def _reference_data_changed(session, _flush_context):
    if any(isinstance(obj, (Agency, Measure)) for obj in (*session.new, *session.dirty, *session.deleted)):
        forget()
