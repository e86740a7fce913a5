"""Running instances: start, complete a user task, fire due timers.

Each function restores the workflow from its state, does one thing, runs engine steps
until the workflow waits, and returns a `Step`: the new state, the status, the READY user
tasks (with their deadlines), and the history events found by comparing every task's
state before and after (docs/adr/0003-engine-state.md). Before the new state is dumped, the
finished part of the task tree that no live task can reach is cut, so that the state and
the cost of a step do not grow with the length of the case (docs/adr/0009-bounded-task-tree.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from uuid import UUID

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.specs.event_definitions.message import MessageEventDefinition
from SpiffWorkflow.bpmn.specs.mixins.events.event_types import CatchingEvent
from SpiffWorkflow.bpmn.specs.mixins.multiinstance_task import LoopTask
from SpiffWorkflow.bpmn.specs.event_definitions.item_aware_event import ErrorEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.bpmn.util import BpmnEvent
from SpiffWorkflow.exceptions import SpiffWorkflowException, TaskNotFoundException
from SpiffWorkflow.spiff.specs.event_definitions import \
    MessageEventDefinition as SpiffMessageEventDefinition
from SpiffWorkflow.util.task import TaskState

from .compaction import compact
from .specs import SpecBundle
from .state import attach_engine, dump, restore


class TaskNotReady(Exception):
    """The task does not exist in the instance, or is not a READY user task."""


class NotWaiting(Exception):
    """The instance is not waiting for the message delivered to it."""


@dataclass
class ReadyTask:
    id: str
    element_id: str
    name: str
    process_id: str
    data: dict
    due_at: datetime | None


@dataclass
class Step:
    state: str
    status: str                       # running | waiting | completed | error
    ready: list[ReadyTask]
    events: list[dict] = field(default_factory=list)
    next_wakeup_at: datetime | None = None
    error: str | None = None
    data: dict = field(default_factory=dict)   # workflow data, once completed
    thrown: list[dict] = field(default_factory=list)   # messages for other cases: {name, payload}


def start(bundle: SpecBundle, data: dict) -> Step:
    workflow = BpmnWorkflow(bundle.spec, bundle.subprocess_specs)
    attach_engine(workflow)
    for task in workflow.get_tasks(state=TaskState.READY):
        task.set_data(**data)
    return _advance(workflow, _snapshot(workflow, empty=True), lambda: None)


def complete(bundle: SpecBundle, state: str, task_id: str, values: dict) -> Step:
    workflow = restore(state, bundle.spec, bundle.subprocess_specs)
    task = find_ready(workflow, task_id)
    before = _snapshot(workflow)

    def act():
        task.set_data(**values)
        task.run()
    return _advance(workflow, before, act)


def fire_timers(bundle: SpecBundle, state: str) -> Step:
    workflow = restore(state, bundle.spec, bundle.subprocess_specs)
    return _advance(workflow, _snapshot(workflow), workflow.refresh_timers)


def deliver(bundle: SpecBundle, state: str, name: str, payload: dict) -> Step:
    """Deliver message `name` to an instance waiting for it (NotWaiting otherwise)."""
    workflow = restore(state, bundle.spec, bundle.subprocess_specs)
    if name not in waiting_messages(workflow):
        raise NotWaiting(name)
    event = BpmnEvent(SpiffMessageEventDefinition(name), payload=payload)
    return _advance(workflow, _snapshot(workflow), lambda: workflow.send_event(event))


def waiting_messages(workflow: BpmnWorkflow) -> set[str]:
    return {e.name for e in workflow.waiting_events() if e.event_type.endswith("MessageEventDefinition")}


def ready_task(bundle: SpecBundle, state: str, task_id: str) -> ReadyTask:
    workflow = restore(state, bundle.spec, bundle.subprocess_specs)
    return _ready_view(find_ready(workflow, task_id))


def find_ready(workflow: BpmnWorkflow, task_id: str):
    try:
        task = workflow.get_task_from_id(UUID(task_id))
    except (TaskNotFoundException, ValueError):
        raise TaskNotReady(task_id) from None
    if task is None or task.state != TaskState.READY or not task.task_spec.manual:
        raise TaskNotReady(task_id)
    return task


# -- internals -----------------------------------------------------------------------------

def _all_tasks(workflow: BpmnWorkflow):
    return chain(workflow.tasks.values(), *(sp.tasks.values() for sp in workflow.subprocesses.values()))


def _snapshot(workflow: BpmnWorkflow, empty: bool = False) -> dict:
    return {} if empty else {t.id: t.state for t in _all_tasks(workflow)}


def _advance(workflow: BpmnWorkflow, before: dict, act) -> Step:
    error = None
    try:
        act()
        workflow.do_engine_steps()
    except SpiffWorkflowException as exc:
        error = _incident(exc)
    except Exception as exc:  # a handler-free engine should not get here; keep the case safe
        error = {"message": f"{exc.__class__.__name__}: {exc}", "element_id": None}
    events = _events(workflow, before)
    thrown_error, thrown = _thrown(workflow)
    if error is None and thrown_error is not None:
        error = thrown_error
    if error is not None:
        events.append({"type": "error", "element_id": error.get("element_id"),
                       "element_name": error.get("element_name"), "task_id": None,
                       "data": {"message": error["message"]}})
    ready = [_ready_view(t) for t in workflow.get_tasks(state=TaskState.READY, manual=True)]
    if error is not None:
        status = "error"
    elif workflow.is_completed():
        status = "completed"
    elif ready:
        status = "running"
    else:
        status = "waiting"
    next_wakeup_at = _next_wakeup(workflow)
    if error is None:
        compact(workflow)             # after events, ready tasks and wake-up: they saw the full step
    return Step(state=dump(workflow), status=status, ready=ready, events=events,
                next_wakeup_at=next_wakeup_at, error=error and error["message"],
                data=dict(workflow.data) if status == "completed" else {}, thrown=thrown)


def _incident(exc: SpiffWorkflowException) -> dict:
    task = getattr(exc, "task", None)
    spec = getattr(task, "task_spec", None)
    message = str(exc)
    line = getattr(exc, "line_number", None)
    if line:
        message = f"{message} (dòng {line})"
    return {"message": message, "element_id": getattr(spec, "bpmn_id", None),
            "element_name": getattr(spec, "bpmn_name", None)}


def _thrown(workflow: BpmnWorkflow) -> tuple[dict | None, list[dict]]:
    """Events nothing inside the workflow caught: an error (an incident) and messages for
    other cases. SpiffWorkflow empties the list on read, so it is read once, here."""
    error, messages = None, []
    for event in workflow.get_events():
        definition = getattr(event, "event_definition", None)
        if isinstance(definition, ErrorEventDefinition) and error is None:
            code = getattr(definition, "code", None) or getattr(definition, "name", "")
            error = {"message": f"Sự kiện lỗi không được xử lý: {code}", "element_id": None}
        elif isinstance(definition, MessageEventDefinition):
            messages.append({"name": definition.name, "payload": dict(event.payload or {})})
    return error, messages


def _kind(task) -> str | None:
    spec = task.task_spec
    if spec.manual:
        return None                   # user tasks are recorded by the service, with their actor
    definition = getattr(spec, "event_definition", None)
    if isinstance(definition, TimerEventDefinition):
        return "timer_fired"
    if isinstance(definition, MessageEventDefinition) and isinstance(spec, CatchingEvent):
        return "message_received"
    if "Gateway" in spec.__class__.__name__:
        return "gateway_taken"
    return "element_completed"


def _events(workflow: BpmnWorkflow, before: dict) -> list[dict]:
    changed = [t for t in _all_tasks(workflow) if before.get(t.id) != t.state]
    changed.sort(key=lambda t: t.last_state_change)
    events = []
    for task in changed:
        spec = task.task_spec
        if not spec.bpmn_id:
            continue                  # engine-internal tasks (Start, End, splits)
        base = {"element_id": spec.bpmn_id, "element_name": spec.bpmn_name, "task_id": str(task.id)}
        if task.state == TaskState.READY and spec.manual:
            events.append({"type": "task_ready", **base, "data": {}})
        elif task.state == TaskState.CANCELLED and spec.manual and task.id in before:
            events.append({"type": "task_cancelled", **base, "data": {}})
        elif task.state == TaskState.COMPLETED and (kind := _kind(task)):
            data = {}
            if kind == "gateway_taken":
                data["to"] = sorted(_next_elements(task))
            events.append({"type": kind, **base, "data": data})
    return events


def _next_elements(task, depth: int = 0) -> set[str]:
    """BPMN ids of the elements a completed gateway led to, looking through the engine's
    internal tasks (boundary-event splits) but not at the boundary events themselves."""
    found = set()
    for child in task.children:
        if child.has_state(TaskState.CANCELLED | TaskState.PREDICTED_MASK):
            continue
        if child.task_spec.bpmn_id:
            if child.task_spec.__class__.__name__ != "BoundaryEvent":
                found.add(child.task_spec.bpmn_id)
        elif depth < 3:
            found |= _next_elements(child, depth + 1)
    return found


def _timer_deadline(task) -> datetime | None:
    value = task.internal_data.get("event_value")
    if isinstance(value, dict):
        value = value.get("next")
    if not isinstance(value, str):
        return None
    try:
        return TimerEventDefinition.get_datetime(value)
    except ValueError:
        return None


def _is_waiting_timer(task) -> bool:
    return (task.state == TaskState.WAITING
            and isinstance(getattr(task.task_spec, "event_definition", None), TimerEventDefinition))


def _is_timer(task) -> bool:
    return isinstance(getattr(task.task_spec, "event_definition", None), TimerEventDefinition)


def _due_at(task) -> datetime | None:
    """The earliest deadline among the boundary timers attached to `task` (or to the
    multi-instance task it belongs to): the due date is the timer, never a second sum.
    A timer that already fired (non-interrupting) still marks the deadline: the task is
    overdue, not free of a deadline."""
    deadlines = []
    holders = [task]
    if task.parent is not None and isinstance(task.parent.task_spec, LoopTask):
        holders.append(task.parent)           # a multi-instance child: timers sit on its parent
    for holder in holders:
        if holder.parent is None:
            continue
        for sibling in holder.parent.children:
            if sibling is not holder and _is_timer(sibling) and sibling.state in (
                    TaskState.WAITING, TaskState.COMPLETED):
                deadline = _timer_deadline(sibling)
                if deadline is not None:
                    deadlines.append(deadline)
    return min(deadlines) if deadlines else None


def _next_wakeup(workflow: BpmnWorkflow) -> datetime | None:
    deadlines = [d for t in _all_tasks(workflow) if _is_waiting_timer(t)
                 if (d := _timer_deadline(t)) is not None]
    return min(deadlines) if deadlines else None


def _ready_view(task) -> ReadyTask:
    return ReadyTask(id=str(task.id), element_id=task.task_spec.bpmn_id,
                     name=task.task_spec.bpmn_name or task.task_spec.bpmn_id,
                     process_id=task.workflow.spec.name, data=task.data, due_at=_due_at(task))
