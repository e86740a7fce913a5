"""The engine layer on its own: no Flask, no database."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from workflow_app import clock, engine

DIAGRAMS = Path(__file__).parent.parent / "diagrams"


def bundle(name: str, process_id: str) -> engine.SpecBundle:
    xml = (DIAGRAMS / name).read_bytes()
    return engine.get_specs(("test", name), process_id, lambda: {process_id: xml})


@pytest.fixture(autouse=True)
def fresh_clock():
    clock.reset()
    yield
    clock.reset()


def test_read_finds_bindings_settings_and_lanes():
    parsed = engine.read((DIAGRAMS / "script_and_timer.bpmn").read_bytes())
    assert parsed.problems == []
    assert parsed.process_id == "probe" and parsed.name == "Quy trình thử"
    assert parsed.settings == {"wait_hours": 4}
    assert parsed.bindings["work"]["role"] == "verifier"
    assert parsed.bindings["escalate"]["role"] == "leader"
    assert parsed.bindings["work"]["form_key"] == "common.escalation"


def test_read_reports_a_task_outside_any_lane_and_broken_xml():
    xml = (DIAGRAMS / "script_and_timer.bpmn").read_text().replace(
        "<bpmn:flowNodeRef>work</bpmn:flowNodeRef>", "")
    problems = engine.read(xml.encode()).problems
    assert [p.element_id for p in problems] == ["work"]
    assert "làn" in problems[0].message
    broken = engine.read(b"<bpmn:definitions")
    assert broken.process_id is None and "XML" in broken.problems[0].message


def test_spiff_check_reports_xsd_violations():
    xml = (DIAGRAMS / "script_and_timer.bpmn").read_text().replace(
        '<bpmn:endEvent id="finish">', '<bpmn:bogus/><bpmn:endEvent id="finish">')
    problems = engine.check_with_spiff({"probe": xml.encode()}, "probe")
    assert problems and "bogus" in problems[0].message


def test_start_runs_scripts_and_stops_at_the_user_task_with_its_deadline():
    step = engine.start(bundle("script_and_timer.bpmn", "probe"), {"amount": 21, "settings": {"wait_hours": 4}})
    assert step.status == "running"
    (ready,) = step.ready
    assert ready.element_id == "work" and ready.data["total"] == 42
    assert ready.due_at is not None
    assert abs((ready.due_at - clock.now()) - timedelta(hours=4)) < timedelta(seconds=5)
    assert step.next_wakeup_at == ready.due_at
    assert [e["type"] for e in step.events][-1] == "task_ready"


def test_a_timer_fires_only_when_the_application_clock_passes_it():
    b = bundle("script_and_timer.bpmn", "probe")
    step = engine.start(b, {"amount": 1, "settings": {"wait_hours": 4}})
    clock.advance(timedelta(hours=3, minutes=59))
    early = engine.fire_timers(b, step.state)
    assert [r.element_id for r in early.ready] == ["work"] and early.events == []
    clock.advance(timedelta(minutes=2))
    late = engine.fire_timers(b, step.state)
    assert sorted(r.element_id for r in late.ready) == ["escalate", "work"]
    assert "timer_fired" in [e["type"] for e in late.events]
    assert late.next_wakeup_at is None
    work = next(r for r in late.ready if r.element_id == "work")
    assert work.due_at == early.ready[0].due_at        # still overdue, not deadline-free


def test_state_round_trips_and_completion_continues_from_it():
    b = bundle("script_and_timer.bpmn", "probe")
    step = engine.start(b, {"amount": 5, "settings": {"wait_hours": 4}})
    task_id = step.ready[0].id
    done = engine.complete(b, step.state, task_id, {"divisor": 2})
    assert done.status == "completed"
    assert done.data["result"] == 5


def test_a_failing_script_turns_the_instance_to_error_with_a_readable_incident():
    b = bundle("script_and_timer.bpmn", "probe")
    step = engine.start(b, {"amount": 5, "settings": {"wait_hours": 4}})
    failed = engine.complete(b, step.state, step.ready[0].id, {"divisor": 0})
    assert failed.status == "error"
    assert "ZeroDivisionError" in failed.error or "division" in failed.error
    assert failed.events[-1]["type"] == "error"
    assert failed.events[-1]["element_id"] == "after"


def test_an_uncaught_error_end_event_is_an_error_not_a_success():
    step = engine.start(bundle("error_end.bpmn", "fails"), {})
    assert step.status == "error"
    assert "E42" in step.error or "BadInput" in step.error


def test_completing_a_task_that_is_not_ready_is_refused():
    b = bundle("script_and_timer.bpmn", "probe")
    step = engine.start(b, {"amount": 5, "settings": {"wait_hours": 4}})
    done = engine.complete(b, step.state, step.ready[0].id, {"divisor": 1})
    with pytest.raises(engine.TaskNotReady):
        engine.complete(b, done.state, step.ready[0].id, {"divisor": 1})
    with pytest.raises(engine.TaskNotReady):
        engine.complete(b, step.state, "not-a-uuid", {})
