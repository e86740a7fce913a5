"""The engine keeps the task tree of a long case bounded (docs/adr/0009-bounded-task-tree.md).

Every scenario runs twice, with compaction on and off, and must do exactly the same
thing: same statuses, ready tasks (with their data and due dates), history events, next
wake-ups, errors and completion data. Sizes are asserted as task counts and state lengths,
never as timings.
"""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.support import INTAKE_OK, VERIFY_OK, decision_apply, request_data
from workflow_app import clock, engine
from workflow_app.engine import compaction

BPMN = Path(__file__).resolve().parent.parent.parent / "bpmn"
PR = "protection_request"


@pytest.fixture(autouse=True)
def fresh_clock():
    clock.reset()
    yield
    clock.reset()
    compaction.ENABLED = True


def protection_bundle() -> engine.SpecBundle:
    xml = {pid: (BPMN / f"{pid}.bpmn").read_bytes() for pid in (PR, "interagency_coordination")}
    return engine.get_specs(("test-compaction", PR), PR, lambda: xml)


def settings() -> dict:
    return {**engine.read((BPMN / "interagency_coordination.bpmn").read_bytes()).settings,
            **engine.read((BPMN / f"{PR}.bpmn").read_bytes()).settings}


def start_data() -> dict:
    return {**request_data(), "requester_agency": "TAND_TINH", "requested_by": "requester.tand_tinh",
            "case_number": "BV-2025-000001", "settings": settings()}


TODAY = "2025-01-02"
INTAKE = {**INTAKE_OK, "rerouted": False, "file_holder": "intake_officer.ca_tinh"}
DECIDE = {**decision_apply(TODAY), "cooperating_agencies": [], "measures_active": ["canh_gac_bao_ve"],
          "change_refused": False}
DECIDE_COMPLEX = {**DECIDE, "is_complex": True, "cooperating_agencies": ["VKS_TINH", "TAND_TINH"],
                  "confirmations": []}
EXECUTE = {"report_summary": "Đã bố trí lực lượng canh gác.", "situation": "on_dinh", "recommendation": "tiep_tuc"}
REVIEW_CONTINUE = {"review_action": "tiep_tuc", "review_basis": "bao_cao_luc_luong"}
REVIEW_CHANGE = {"review_action": "thay_doi", "review_basis": "nguy_co_thay_doi"}
REVIEW_END = {"review_action": "cham_dut", "review_basis": "bao_cao_luc_luong"}
TERMINATE = {"termination_reasons": "Nguy cơ không còn.", "termination_date": TODAY, "measures_active": []}


def loop(rounds: int) -> list:
    return [("do", "execute", EXECUTE), ("do", "review", REVIEW_CONTINUE)] * rounds


def ending() -> list:
    return [("do", "execute", {**EXECUTE, "recommendation": "cham_dut"}), ("do", "review", REVIEW_END),
            ("do", "terminate", TERMINATE)]


# -- the driver ---------------------------------------------------------------------------------

def view(step: engine.Step, t0) -> dict:
    """What a step tells the application, without the random task ids."""
    def minutes(at):
        return None if at is None else round((at - t0).total_seconds() / 60)
    return {
        "status": step.status, "error": step.error, "data": step.data, "thrown": step.thrown,
        "next_wakeup": minutes(step.next_wakeup_at),
        "ready": [(r.element_id, r.name, r.process_id, minutes(r.due_at), r.data) for r in step.ready],
        "events": [(e["type"], e["element_id"], e["element_name"], e["data"]) for e in step.events],
    }


def tasks_in(state: str) -> int:
    dct = json.loads(state)
    return len(dct["tasks"]) + sum(len(sp["tasks"]) for sp in dct["subprocesses"].values())


def drive(bundle, script, *, state=None, start=None, compact=True):
    """Run `script` (("do", element, values) | ("wait", hours)) from `start` data or an
    existing `state`; the views of every step and the size of the state after each."""
    compaction.ENABLED = compact
    clock.reset()
    t0 = clock.now()
    views, sizes = [], []
    step = engine.start(bundle, start) if state is None else None
    if step is not None:
        views.append(view(step, t0))
        sizes.append((tasks_in(step.state), len(step.state)))
        state, ready = step.state, step.ready
    else:
        ready = None
    for action, *args in script:
        if action == "wait":
            clock.advance(timedelta(hours=args[0]))
            step = engine.fire_timers(bundle, state)
        else:
            element, values = args
            if ready is None:           # resuming from a stored state: ask the engine for the ids
                probe = engine.fire_timers(bundle, state)
                ready = probe.ready
            task = next((r for r in ready if r.element_id == element), None)
            assert task is not None, f"{element} not ready: {[r.element_id for r in ready]}"
            step = engine.complete(bundle, state, task.id, values)
        assert step.error is None, step.error
        views.append(view(step, t0))
        sizes.append((tasks_in(step.state), len(step.state)))
        state, ready = step.state, step.ready
    return views, sizes, state


def same_either_way(bundle, script, **kw):
    on = drive(bundle, script, compact=True, **kw)
    off = drive(bundle, script, compact=False, **kw)
    assert len(on[0]) == len(off[0])
    for n, (a, b) in enumerate(zip(on[0], off[0])):
        assert a == b, f"step {n} differs"
    return on, off


# -- a long loop --------------------------------------------------------------------------------

def test_a_long_loop_keeps_the_task_tree_and_the_state_bounded():
    bundle = protection_bundle()
    head = [("do", "intake", INTAKE), ("do", "verify", VERIFY_OK), ("do", "decide", DECIDE)]
    (views, sizes, _), (_, sizes_off, _) = same_either_way(bundle, head + loop(60) + ending(),
                                                           start=start_data())
    assert views[-1]["status"] == "completed"
    in_loop = sizes[4:-3]                       # after decide, before the ending
    assert max(n for n, _ in in_loop) <= 20
    early, late = in_loop[:10], in_loop[-10:]                   # flat, not growing
    assert max(n for n, _ in late) == max(n for n, _ in early)
    assert max(b for _, b in late) < 1.1 * max(b for _, b in early)
    assert sizes_off[-4][0] > 300 and sizes_off[-4][1] > 10 * sizes[-4][1]   # what it was before


def test_escalations_cost_two_small_tasks_each_and_stay_equal():
    """An overdue report fires the non-interrupting timer: its escalation branch ends in a
    WAITING end join, which is kept (with its parent) for the end of the process."""
    bundle = protection_bundle()
    script = [("do", "intake", INTAKE), ("do", "verify", VERIFY_OK), ("do", "decide", DECIDE)]
    for _ in range(12):
        script += [("wait", 16 * 24), ("do", "escalate_execute", {"escalation_note": "Đã nhắc."}),
                   ("do", "execute", EXECUTE), ("do", "review", REVIEW_CONTINUE)]
    (views, sizes, _), _ = same_either_way(bundle, script + ending(), start=start_data())
    assert "timer_fired" in [e[0] for v in views for e in v["events"]]
    assert views[-1]["status"] == "completed"
    assert views[-1]["data"]["escalation_note"] == "Đã nhắc."   # the end join merged the kept branches
    assert sizes[-4][0] <= 20 + 2 * 12


# -- call activity, multi-instance, boundary timers, a change of decision -----------------------

def test_a_case_through_the_call_activity_and_back_does_the_same_with_compaction():
    bundle = protection_bundle()
    coordination = [("do", "draft_plan", {"plan_summary": "Phương án."}),
                    ("wait", 4 * 24),
                    ("do", "confirm_part", {"confirmation": {"agency": "VKS_TINH", "confirmed": True}}),
                    ("do", "escalate_confirm", {"escalation_note": "Đã nhắc."}),
                    ("do", "confirm_part", {"confirmation": {"agency": "TAND_TINH", "confirmed": True}}),
                    ("do", "consolidate", {"consolidation_summary": "Đã tổng hợp."})]
    script = ([("do", "intake", INTAKE), ("do", "verify", VERIFY_OK), ("do", "decide", DECIDE)] + loop(5)
              + [("do", "execute", EXECUTE), ("do", "review", REVIEW_CHANGE), ("do", "decide", DECIDE_COMPLEX)]
              + coordination + loop(5)
              + [("do", "execute", EXECUTE), ("do", "review", REVIEW_CHANGE), ("do", "decide", DECIDE_COMPLEX)]
              + coordination + loop(3) + ending())
    (views, sizes, _), (_, sizes_off, _) = same_either_way(bundle, script, start=start_data())
    assert views[-1]["status"] == "completed"
    in_sub = [v for v in views if any(r[2] == "interagency_coordination" for r in v["ready"])]
    assert in_sub and any(r[0] == "confirm_part" and r[3] is not None for v in in_sub for r in v["ready"])
    assert sizes[-4][0] < sizes_off[-4][0] / 3


# -- parallel branches, multi-instance and an embedded subprocess inside a loop ----------------

LOOP_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="probe_loop" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:exclusiveGateway id="merge" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:userTask id="task_a" />
    <bpmn:boundaryEvent id="timer_a" cancelActivity="false" attachedToRef="task_a">
      <bpmn:timerEventDefinition>
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">hours(1)</bpmn:timeDuration>
      </bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:userTask id="escalate_a" />
    <bpmn:endEvent id="end_esc" />
    <bpmn:userTask id="task_mi">
      <bpmn:multiInstanceLoopCharacteristics isSequential="false">
        <bpmn:loopDataInputRef>items</bpmn:loopDataInputRef>
        <bpmn:inputDataItem id="item" name="item" />
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:userTask>
    <bpmn:subProcess id="sub">
      <bpmn:startEvent id="sub_s" />
      <bpmn:scriptTask id="sub_script"><bpmn:script>counter = counter + 1</bpmn:script></bpmn:scriptTask>
      <bpmn:endEvent id="sub_e" />
      <bpmn:sequenceFlow id="f_sub1" sourceRef="sub_s" targetRef="sub_script" />
      <bpmn:sequenceFlow id="f_sub2" sourceRef="sub_script" targetRef="sub_e" />
    </bpmn:subProcess>
    <bpmn:parallelGateway id="join" />
    <bpmn:scriptTask id="cleanup"><bpmn:script>del item</bpmn:script></bpmn:scriptTask>
    <bpmn:userTask id="check" />
    <bpmn:exclusiveGateway id="again" default="f_done" />
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="merge" />
    <bpmn:sequenceFlow id="f2" sourceRef="merge" targetRef="fork" />
    <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="task_a" />
    <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="task_mi" />
    <bpmn:sequenceFlow id="f5" sourceRef="fork" targetRef="sub" />
    <bpmn:sequenceFlow id="f6" sourceRef="task_a" targetRef="join" />
    <bpmn:sequenceFlow id="f7" sourceRef="task_mi" targetRef="join" />
    <bpmn:sequenceFlow id="f8" sourceRef="sub" targetRef="join" />
    <bpmn:sequenceFlow id="f9" sourceRef="join" targetRef="cleanup" />
    <bpmn:sequenceFlow id="f10" sourceRef="cleanup" targetRef="check" />
    <bpmn:sequenceFlow id="f11" sourceRef="check" targetRef="again" />
    <bpmn:sequenceFlow id="f_loop" sourceRef="again" targetRef="merge">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">loop_again</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f_done" sourceRef="again" targetRef="e" />
    <bpmn:sequenceFlow id="f_t" sourceRef="timer_a" targetRef="escalate_a" />
    <bpmn:sequenceFlow id="f_te" sourceRef="escalate_a" targetRef="end_esc" />
  </bpmn:process>
</bpmn:definitions>
"""


def test_parallel_branches_multi_instance_and_a_subprocess_in_a_loop_do_the_same_with_compaction():
    bundle = engine.get_specs(("test-compaction", "probe_loop"), "probe_loop", lambda: {"probe_loop": LOOP_XML})
    script = []
    for i in range(8):
        order = ["task_mi", "task_mi", "task_a"] if i % 2 else ["task_a", "task_mi", "task_mi"]
        if i % 3 == 1:
            script += [("wait", 2), ("do", "escalate_a", {f"escalated_{i}": True})]
        script += [("do", element, {f"x{i}": element}) for element in order]
        script += [("do", "check", {"loop_again": i < 7})]
    (views, sizes, _), (_, sizes_off, _) = same_either_way(bundle, script, start={"items": [1, 2], "counter": 0})
    assert views[-1]["status"] == "completed"
    assert {f"x{i}" for i in range(8)} <= set(views[-1]["data"])
    assert sizes[-2][0] < sizes_off[-2][0]


# -- stored instances from before compaction -----------------------------------------------------

def test_an_old_uncompacted_state_restores_continues_and_is_compacted_after_its_next_step():
    bundle = protection_bundle()
    head = [("do", "intake", INTAKE), ("do", "verify", VERIFY_OK), ("do", "decide", DECIDE)] + loop(30)
    _, old_sizes, old_state = drive(bundle, head, start=start_data(), compact=False)
    assert old_sizes[-1][0] > 150

    ready = engine.fire_timers(bundle, old_state).ready          # the old state restores as it is
    assert [r.element_id for r in ready] == ["execute"]
    assert engine.ready_task(bundle, old_state, ready[0].id).element_id == "execute"

    rest = loop(3) + ending()
    (views, sizes, _), _ = same_either_way(bundle, rest, state=old_state)
    assert views[-1]["status"] == "completed"
    assert sizes[0][0] <= 20 and sizes[0][1] < old_sizes[-1][1] / 5


def test_the_compacted_state_has_the_format_and_the_tree_shape_spiffworkflow_expects():
    bundle = protection_bundle()
    head = [("do", "intake", INTAKE), ("do", "verify", VERIFY_OK), ("do", "decide", DECIDE)] + loop(4)
    _, _, state = drive(bundle, head, start=start_data())
    dct = json.loads(state)
    assert dct["format"] == "spiff-3.2-state-1"
    tasks = dct["tasks"]
    root = tasks[dct["root"]]
    assert root["parent"] is None and root["task_spec"] == "Start"
    seen = [dct["root"]]
    for task_id, task in tasks.items():
        if task["parent"] is not None:
            assert task["parent"] in seen, "a parent comes before its children"
            assert task_id in tasks[task["parent"]]["children"]
        assert all(child in tasks for child in task["children"])
        seen.append(task_id)
    assert dct["last_task"] is None or dct["last_task"] in tasks
