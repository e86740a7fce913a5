"""The engine: the only package that imports SpiffWorkflow.

The rest of the application talks to it through this facade: read and check a diagram,
get the parsed specs of a set of versions, start an instance, complete a user task,
fire due timers. State goes in and out as JSON text; nothing here touches the database.
"""
from SpiffWorkflow.util.task import TaskState as _TaskState  # noqa: F401 (keeps import order)

from . import clock as _clock
from .iterators import raise_depth_limit as _raise_depth_limit
from .parsing import Problem, ParsedDiagram, check_with_spiff, read
from .runtime import (NotWaiting, ReadyTask, Step, TaskNotReady, complete, deliver, fire_timers,
                      ready_task, start)
from .sandbox import HELPERS, ScriptRefused, compile_script
from .specs import SpecBundle
from .specs import clear as clear_spec_cache
from .specs import get as get_specs

_clock.install()
_raise_depth_limit()

__all__ = [
    "HELPERS", "NotWaiting", "ParsedDiagram", "Problem", "ReadyTask", "ScriptRefused", "SpecBundle", "Step",
    "TaskNotReady", "check_with_spiff", "clear_spec_cache", "compile_script", "complete", "deliver",
    "fire_timers", "get_specs", "read", "ready_task", "start",
]
