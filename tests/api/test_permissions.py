"""Who may do what, across every endpoint: 404 for strangers, read-only roles never write,
and the error order 401 → 404 → 403 → 409 → 422 on one request with several faults."""
from __future__ import annotations

import pytest

from ..support import INTAKE_OK, request_data
from .helpers import (AUDITOR, DESIGNER, HEAD, INTAKE, MONITOR, OUTSIDER, add_user, bpmn_xml, case_at,
                      history, instance, post_bpmn, start, types_of)


def _endpoints(case_id, task_id):
    """(method, path, body) of every endpoint about one case or one of its tasks."""
    return [
        ("GET", f"/process-instances/{case_id}", None),
        ("GET", f"/process-instances/{case_id}/history", None),
        ("POST", f"/process-instances/{case_id}/cancel", {"reason": "x"}),
        ("POST", f"/process-instances/{case_id}/cancel", {}),
        ("POST", f"/process-instances/{case_id}/reveal", {"fields": ["full_name"], "reason": "x"}),
        ("POST", f"/process-instances/{case_id}/reveal", {}),
        ("GET", f"/tasks/{task_id}", None),
        ("POST", f"/tasks/{task_id}/claim", None),
        ("POST", f"/tasks/{task_id}/release", None),
        ("POST", f"/tasks/{task_id}/assign", {"username": INTAKE}),
        ("POST", f"/tasks/{task_id}/assign", {}),
        ("POST", f"/tasks/{task_id}/complete", {"data": INTAKE_OK}),
        ("POST", f"/tasks/{task_id}/complete", {"data": {"intake_complete": "?"}}),
    ]


@pytest.mark.parametrize("stranger", [OUTSIDER, "requester.thads_tinh", "coordinator.ubnd_tinh",
                                      "inspector.hdnd_tinh", DESIGNER])
def test_a_stranger_to_the_case_gets_404_everywhere(api, stranger):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    for method, path, body in _endpoints(case["id"], task_id):
        response = api.call(method, stranger, path, json=body)
        assert response.status_code == 404, (method, path, body, response.get_json())
        assert response.get_json()["code"] == 404
    assert api.get(stranger, "/process-instances").get_json() == []
    assert api.get(stranger, "/tasks?scope=agency").get_json() == []
    after = instance(api, case["id"])
    assert (after["version"], after["active_tasks"]) == (case["version"], case["active_tasks"])


def test_no_token_is_401_before_anything_else(api):
    case = start(api)
    for method, path, body in _endpoints(case["id"], case["active_tasks"][0]["id"]) + [
            ("GET", "/process-instances/khong-co", None), ("POST", "/tasks/khong-co/complete", {})]:
        assert api.call(method, None, path, json=body).status_code == 401, (method, path)


@pytest.mark.parametrize("reader", [MONITOR, AUDITOR])
def test_monitors_and_auditors_read_everything_and_write_nothing(api, reader):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    assert api.get(reader, f"/process-instances/{case['id']}").status_code == 200
    assert api.get(reader, f"/process-instances/{case['id']}/history").status_code == 200
    assert api.get(reader, f"/tasks/{task_id}").status_code == 200
    writes = [(m, p, b) for m, p, b in _endpoints(case["id"], task_id) if m == "POST"]
    for method, path, body in writes:
        response = api.call(method, reader, path, json=body)
        assert response.status_code == 403, (path, body, response.get_json())
    assert api.post(reader, "/process-instances", json={"process_model": "protection_request",
                                                        "data": request_data()}).status_code == 403
    assert post_bpmn(api, reader, bpmn_xml()).status_code == 403
    assert instance(api, case["id"])["version"] == case["version"]


def test_an_auditor_who_also_heads_an_agency_stays_read_only(api):
    add_user("lanh_dao.kiem_toan", ["leader", "auditor", "intake_officer"], "CA_TINH")
    user = "lanh_dao.kiem_toan"
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    assert api.post(user, f"/tasks/{task_id}/claim").status_code == 403
    assert api.post(user, f"/tasks/{task_id}/complete", json={"data": INTAKE_OK}).status_code == 403
    assert api.post(user, f"/tasks/{task_id}/assign", json={"username": INTAKE}).status_code == 403
    assert api.post(user, f"/process-instances/{case['id']}/cancel", json={"reason": "x"}).status_code == 403
    assert api.post(user, f"/process-instances/{case['id']}/reveal",
                    json={"fields": ["full_name"], "reason": "x"}).status_code == 403
    assert api.get(user, "/audit/verify").status_code == 200
    # and an auditor cannot be handed a task
    assert api.post(HEAD, f"/tasks/{task_id}/assign", json={"username": user}).status_code == 422


def test_error_order_on_a_single_request(api):
    """One complete request with several faults answers with the first of 404 → 403 → 409 → 422."""
    case = case_at(api, "verify")
    done = [e["task_id"] for e in history(api, case["id"]) if e["type"] == "task_completed"][0]
    ready = case["active_tasks"][0]["id"]
    invalid = {"data": {"grounds_confirmed": "?"}}
    assert api.post(OUTSIDER, f"/tasks/{ready}/complete", json=invalid).status_code == 404
    assert api.post(INTAKE, f"/tasks/{ready}/complete", json=invalid).status_code == 403
    assert api.post(INTAKE, f"/tasks/{done}/complete", json=invalid).status_code == 409
    assert api.post("verifier.ca_tinh", f"/tasks/{ready}/complete", json=invalid).status_code == 422
    assert "task_completed" in types_of(history(api, case["id"]))
