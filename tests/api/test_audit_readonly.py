"""Auditors never write: every POST route of the API, found in the application's URL map (so
routes added later are covered without editing this file), answers the auditor 403 — or 404
where the resource is hidden — and never 2xx; nothing changes.

The two session routes are not writes to cases and stay open to auditors: taking a token
(logging in) and revoking one's own token (logging out).
"""
from __future__ import annotations

import io

from workflow_app.extensions import db

from ..support import INTAKE_OK, request_data
from .helpers import (AUDITOR, HEAD, INTAKE, MASK, VERIFY_NAME, VERIFY_RENAMED, audit_count, bpmn_xml, replaced,
                      start, task_id)

SESSION_ROUTES = {"/api/v1/auth/token", "/api/v1/auth/revoke"}
MUST_BE_403 = {"/api/v1/process-instances", "/api/v1/process-instances/<instance_id>/cancel",
               "/api/v1/process-instances/<instance_id>/reveal", "/api/v1/tasks/<task_id>/claim",
               "/api/v1/tasks/<task_id>/release", "/api/v1/tasks/<task_id>/assign",
               "/api/v1/tasks/<task_id>/complete", "/api/v1/process-models/<model_id>/versions"}


def write_routes(app) -> list[str]:
    return sorted({rule.rule for rule in app.url_map.iter_rules()
                   if rule.rule.startswith("/api/v1/") and {"POST", "PUT", "PATCH", "DELETE"} & rule.methods})


def _values(case_id: str, ready_task: str) -> dict:
    """A real value for each URL variable, so the answer is about the auditor, not a bad id."""
    return {"instance_id": case_id, "task_id": ready_task, "model_id": "protection_request", "version": "1",
            "process_model_id": "protection_request", "username": INTAKE}


def _body(rule: str) -> dict:
    """A request that would succeed for someone allowed to make it."""
    if rule.endswith("/versions"):
        return {"data": replaced(bpmn_xml(), VERIFY_NAME, VERIFY_RENAMED),
                "headers": {"Content-Type": "application/xml"}}
    if rule == "/api/v1/process-instances":
        return {"json": {"process_model": "protection_request", "data": request_data()}}
    if rule.endswith("/complete"):
        return {"json": {"data": INTAKE_OK}}
    if rule.endswith("/assign"):
        return {"json": {"username": INTAKE}}
    if rule.endswith("/cancel"):
        return {"json": {"reason": "Kiểm toán thử hủy."}}
    if rule.endswith("/reveal"):
        return {"json": {"fields": ["protected_persons"], "reason": "Kiểm toán thử xem."}}
    if "attachment" in rule or "upload" in rule or "file" in rule:
        return {"data": {"file": (io.BytesIO(b"%PDF-1.4\n"), "a.pdf", "application/pdf")},
                "content_type": "multipart/form-data"}
    return {"json": {}}


def test_the_auditor_gets_403_on_every_write_route(app, api):
    case = start(api)
    ready = task_id(api, case["id"], "intake")
    assert api.post(INTAKE, f"/tasks/{ready}/claim").status_code == 200     # held, so release has a target
    api.token(AUDITOR)
    before = audit_count()
    routes = [r for r in write_routes(app) if r not in SESSION_ROUTES]
    assert MUST_BE_403 <= set(routes)
    answers = {}
    for rule in routes:
        path = rule
        for name, value in _values(case["id"], ready).items():
            path = path.replace(f"<{name}>", value).replace(f"<int:{name}>", value)
        assert "<" not in path, f"no test value for a variable of {rule}: add it to _values()"
        response = api.post(AUDITOR, path.removeprefix("/api/v1"), **_body(rule))
        answers[rule] = response.status_code
    wrong = {rule: code for rule, code in answers.items()
             if code not in (403, 404) or (rule in MUST_BE_403 and code != 403)}
    assert not wrong, wrong
    assert audit_count() == before                       # no write, no event
    after = api.get(HEAD, f"/process-instances/{case['id']}").get_json()
    assert after["status"] == "running" and [t["assignee"] for t in after["active_tasks"]] == [INTAKE]
    assert api.get(HEAD, "/process-models/protection_request").get_json()["latest_version"] == 1


def test_the_auditor_still_sees_masked_values_only(api):
    case = start(api)
    body = api.get(AUDITOR, f"/process-instances/{case['id']}").get_json()
    assert body["data"]["protected_persons"][0]["full_name"] == MASK


def test_the_auditor_may_log_in_and_revoke_their_own_token(api, client):
    token = client.post("/api/v1/auth/token", json={"username": AUDITOR, "password": "baove183"}).get_json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/audit/head", headers=headers).status_code == 200
    db.session.remove()
    assert client.post("/api/v1/auth/revoke", headers=headers).status_code == 200
    db.session.remove()
    assert client.get("/api/v1/audit/head", headers=headers).status_code == 401
    assert client.post("/api/v1/auth/revoke", headers=headers).status_code == 401


def test_revoke_needs_a_token(client):
    assert client.post("/api/v1/auth/revoke").status_code == 401
