"""Firing due timers: the scheduler's use case (CLI loop now, Celery beat at scale)."""
from __future__ import annotations

from sqlalchemy import select

from .. import clock, engine
from ..extensions import db
from ..models import ProcessInstance
from . import bundles
from .advance import apply_step
from .errors import Conflict
from .tx import begin_write


def due_instance_ids(limit: int = 100) -> list[str]:
    return list(db.session.execute(
        select(ProcessInstance.id).where(ProcessInstance.next_wakeup_at <= clock.now(),
                                         ProcessInstance.status.in_(("running", "waiting")))
        .order_by(ProcessInstance.next_wakeup_at).limit(limit)).scalars())


def fire_one(instance_id: str) -> bool:
    """Fire the due timers of one instance; False if another worker got there first."""
    begin_write()
    instance = db.session.execute(
        select(ProcessInstance).where(ProcessInstance.id == instance_id,
                                      ProcessInstance.next_wakeup_at <= clock.now(),
                                      ProcessInstance.status.in_(("running", "waiting")))
        .with_for_update(skip_locked=True).execution_options(populate_existing=True)).scalar_one_or_none()
    if instance is None:
        db.session.rollback()
        return False
    pinned = bundles.for_instance(instance)
    step = engine.fire_timers(pinned.bundle, instance.state)
    try:
        apply_step(instance, pinned, step, None)
    except Conflict:
        return False
    db.session.commit()
    return True


def fire_due(limit: int = 100) -> int:
    """Fire every due timer once; returns the number of instances advanced."""
    fired = 0
    ids = due_instance_ids(limit)
    db.session.commit()
    for instance_id in ids:
        fired += fire_one(instance_id)
    return fired
