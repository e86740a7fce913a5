"""Cancelling a case and reading its history (including timers fired by the scheduler)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from workflow_app.services.timers import fire_due

from .helpers import (AUDITOR, FORCE, HEAD, INTAKE, MONITOR, OUTSIDER, REQUESTER, VERIFIER, advance,
                      case_at, end_request, errors_json, history, instance, start, types_of)

REASON = "Người đề nghị rút đơn."


def _cancel(api, user, case_id, body=None):
    return api.post(user, f"/process-instances/{case_id}/cancel", json=body if body is not None else {})


@pytest.mark.parametrize("user", [HEAD, "admin"])
def test_the_head_or_an_admin_cancels_with_a_reason(api, user):
    case = case_at(api, "verify")
    response = _cancel(api, user, case["id"], {"reason": f"  {REASON}  "})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["status"] == "cancelled" and body["active_tasks"] == []
    assert body["completed_at"] is not None
    after = instance(api, case["id"])
    assert after["status"] == "cancelled" and after["active_tasks"] == []
    assert api.get(VERIFIER, "/tasks").get_json() == []
    last = history(api, case["id"])[-1]
    assert (last["type"], last["actor"]["username"], last["data"]["reason"]) == ("instance_cancelled", user, REASON)


@pytest.mark.parametrize("user", [INTAKE, VERIFIER, REQUESTER, "leader.tand_tinh", MONITOR, AUDITOR])
def test_others_who_see_the_case_get_403(api, user):
    case = start(api)
    response = _cancel(api, user, case["id"], {"reason": REASON})
    assert response.status_code == 403
    assert instance(api, case["id"])["status"] == "running"


def test_an_unrelated_agency_gets_404(api):
    case = start(api)
    assert _cancel(api, OUTSIDER, case["id"], {"reason": REASON}).status_code == 404
    assert _cancel(api, OUTSIDER, case["id"], {}).status_code == 404        # 404 before 422
    assert _cancel(api, HEAD, "khong-co-ho-so", {"reason": REASON}).status_code == 404


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "   "}, {"reason": 12}])
def test_a_cancel_without_a_reason_is_422_and_changes_nothing(api, body):
    case = start(api)
    response = _cancel(api, HEAD, case["id"], body)
    assert response.status_code == 422
    assert errors_json(response)["reason"] == ["Phải nêu lý do hủy hồ sơ."]
    end_request()
    assert instance(api, case["id"])["status"] == "running"
    assert "instance_cancelled" not in types_of(history(api, case["id"]))


def test_a_non_head_without_a_reason_gets_403_not_422(api):
    case = start(api)
    assert _cancel(api, VERIFIER, case["id"], {}).status_code == 403


@pytest.mark.parametrize("stage", ["completed", "cancelled"])
def test_a_finished_case_cannot_be_cancelled(api, stage):
    case = case_at(api, "completed") if stage == "completed" else start(api)
    if stage == "cancelled":
        assert _cancel(api, HEAD, case["id"], {"reason": REASON}).status_code == 200
    for body in ({"reason": REASON}, {}):                                 # 409 before 422
        response = _cancel(api, HEAD, case["id"], body)
        assert response.status_code == 409
        assert response.get_json()["message"] == "Hồ sơ đã kết thúc, không thể hủy."
    assert instance(api, case["id"])["status"] == stage


def test_tasks_of_a_cancelled_case_are_gone(api):
    case = start(api)
    intake = case["active_tasks"][0]["id"]
    _cancel(api, HEAD, case["id"], {"reason": REASON})
    response = api.post(INTAKE, f"/tasks/{intake}/complete", json={"data": {"intake_complete": True}})
    assert response.status_code == 409


# -- history ----------------------------------------------------------------------------------
def test_history_of_a_full_run_is_ordered_and_complete(api):
    case = case_at(api, "completed")
    events = history(api, case["id"], REQUESTER)
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    types = types_of(events)
    assert types[0] == "instance_started" and types[-1] == "instance_completed"
    for kind in ("task_ready", "task_claimed", "task_completed", "gateway_taken"):
        assert kind in types
    completed = [(e["element_id"], e["actor"]["username"]) for e in events if e["type"] == "task_completed"]
    assert completed == [("intake", INTAKE), ("verify", VERIFIER), ("decide", HEAD), ("execute", FORCE),
                         ("review", HEAD), ("terminate", HEAD)]
    assert all(set(e) >= {"seq", "at", "actor", "type", "element_id", "element_name", "task_id", "data"}
               for e in events)
    assert events[0]["actor"] == {"username": REQUESTER, "agency": "TAND_TINH"}
    ready = [e for e in events if e["type"] == "task_ready"]
    assert ready[0]["element_name"] == "Tiếp nhận đề nghị"
    assert (ready[0]["data"]["role"], ready[0]["data"]["agency"]) == ("intake_officer", "CA_TINH")
    # every completion names a task that was ready before it
    ready_ids = {e["task_id"] for e in ready}
    assert all(e["task_id"] in ready_ids for e in events if e["type"] == "task_completed")


def test_the_history_holds_only_this_case(api):
    first, second = start(api), start(api)
    api.do(INTAKE, second["id"], "intake", {"intake_complete": True})
    events = history(api, first["id"])
    assert {e.get("process_instance_id") for e in events} == {first["id"]}
    assert "task_completed" not in types_of(events)


def test_gateway_events_name_where_the_case_went(api):
    case = case_at(api, "verify")
    taken = {e["element_id"]: e["data"]["to"] for e in history(api, case["id"]) if e["type"] == "gateway_taken"}
    assert taken == {"gw_kind": ["intake"], "gw_intake": ["verify"]}


def test_history_is_404_for_an_unrelated_agency(api):
    case = start(api)
    assert api.get(OUTSIDER, f"/process-instances/{case['id']}/history").status_code == 404
    assert api.get(HEAD, "/process-instances/khong-co/history").status_code == 404


def test_a_timer_fires_when_the_clock_passes_its_deadline(api):
    case = start(api)
    advance(api, timedelta(days=2, hours=23))
    assert fire_due() == 0
    assert "timer_fired" not in types_of(history(api, case["id"]))
    advance(api, timedelta(hours=2))                              # intake_days = 3 have passed
    assert fire_due() == 1
    events = history(api, case["id"])
    fired = [e for e in events if e["type"] == "timer_fired"]
    assert [(e["element_id"], e["actor"]["username"]) for e in fired] == [("timer_intake", None)]
    assert types_of(events).index("timer_fired") < len(events) - 1
    tasks = {t["element_id"]: t for t in instance(api, case["id"])["active_tasks"]}
    assert set(tasks) == {"intake", "escalate_intake"}              # the timer does not interrupt
    assert (tasks["escalate_intake"]["role"], tasks["escalate_intake"]["agency"]) == ("leader", "CA_TINH")
    assert fire_due() == 0                                           # fired once only
    escalation = [t for t in api.get(HEAD, "/tasks").get_json() if t["element_id"] == "escalate_intake"]
    assert len(escalation) == 1
