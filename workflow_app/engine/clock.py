"""Make SpiffWorkflow's timers read the application clock.

SpiffWorkflow's timer module calls `datetime.now(timezone.utc)` on the name it imported;
replacing that name with a subclass whose `now()` asks `workflow_app.clock` is the one
seam it offers. Installed once, at import of the engine package.
"""
from __future__ import annotations

from datetime import datetime

import SpiffWorkflow.bpmn.specs.event_definitions.timer as _timer_module

from .. import clock


class _ClockDatetime(datetime):
    @classmethod
    def now(cls, tz=None):
        current = clock.now()
        return current.astimezone(tz) if tz is not None else current.replace(tzinfo=None)


def install() -> None:
    _timer_module.datetime = _ClockDatetime
