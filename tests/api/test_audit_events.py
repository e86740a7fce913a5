"""One scenario that produces every event type the audit log promises, and what each says.

Logins (API and pages, good and bad), tokens issued and revoked, a diagram deployed, cases
started, completed, cancelled and failing, every task action, gateways, a timer, a message
between cases, a reveal of confidential data, and the auditors' own views and exports.
"""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from workflow_app.extensions import db
from workflow_app.services.timers import fire_due

from ..support import INTAKE_OK, VERIFY_OK
from .helpers import (AUDITOR, DESIGNER, EXECUTION_REPORT, FORCE, HEAD, INTAKE, REQUESTER, REVIEW_CLOSE,
                      SECRETS, VERIFIER, VERIFY_NAME, VERIFY_RENAMED, advance, bpmn_xml, decision_apply,
                      post_bpmn, replaced, start, task_id, termination, today)
from .test_incidents import PROBE
from .test_messages import deploy_pair

EVERY_TYPE = {
    "login_succeeded", "login_failed", "logout", "token_issued", "token_revoked", "process_deployed",
    "instance_started", "instance_completed", "instance_cancelled", "error",
    "task_ready", "task_claimed", "task_released", "task_assigned", "task_completed",
    "gateway_taken", "timer_fired", "message_received", "data_revealed", "export_made", "audit_viewed",
}


def web_login(client, username, password="baove183"):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


def web_logout(client):
    page = client.get("/audit/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post("/logout", data={"csrf_token": token})


def all_events(api) -> list[dict]:
    events, page = [], 1
    while True:
        response = api.get(AUDITOR, f"/audit/events?per_page=200&page={page}")
        assert response.status_code == 200, response.get_json()
        batch = response.get_json()
        events += batch
        if len(batch) < 200:
            return events
        page += 1


def one(events, kind, **where) -> dict:
    found = [e for e in events if e["type"] == kind
             and all((e.get(k) if k != "actor" else e["actor"]["username"]) == v for k, v in where.items())]
    assert found, f"no {kind} event with {where}"
    return found[-1]


@pytest.fixture
def scenario(api, client):
    """Run everything once; return (events, facts) for the checks below."""
    facts = {}
    # -- logins and tokens ----------------------------------------------------------------------
    assert client.post("/api/v1/auth/token", json={"username": HEAD, "password": "doan-sai"}).status_code == 401
    assert web_login(client, VERIFIER, "doan-sai-nua").status_code == 401
    facts["revoked"] = client.post("/api/v1/auth/token", json={"username": FORCE, "password": "baove183"}
                                   ).get_json()["token"]
    revoke = client.post("/api/v1/auth/revoke", headers={"Authorization": f"Bearer {facts['revoked']}"})
    assert revoke.status_code == 200, revoke.get_json()
    db.session.remove()

    # -- a diagram deployed ---------------------------------------------------------------------
    assert post_bpmn(api, DESIGNER, replaced(bpmn_xml(), VERIFY_NAME, VERIFY_RENAMED)).status_code == 201

    # -- a case run to its end, with every task action ------------------------------------------
    case = start(api)
    facts["case"] = case
    intake = task_id(api, case["id"], "intake")
    assert api.post(INTAKE, f"/tasks/{intake}/claim").status_code == 200
    assert api.post(INTAKE, f"/tasks/{intake}/release").status_code == 200
    assert api.post(HEAD, f"/tasks/{intake}/assign", json={"username": INTAKE}).status_code == 200
    api.complete(INTAKE, intake, INTAKE_OK)
    reveal = api.post(HEAD, f"/process-instances/{case['id']}/reveal",
                      json={"fields": ["protected_persons"], "reason": "Kiểm tra hồ sơ bảo vệ"})
    assert reveal.status_code == 200, reveal.get_json()
    for actor, element_id, data in [(VERIFIER, "verify", VERIFY_OK), (HEAD, "decide", decision_apply(today())),
                                    (FORCE, "execute", EXECUTION_REPORT), (HEAD, "review", REVIEW_CLOSE),
                                    (HEAD, "terminate", termination())]:
        api.do(actor, case["id"], element_id, data)

    # -- a case whose deadline passes, then cancelled -------------------------------------------
    late = start(api)
    facts["late"] = late
    advance(api, timedelta(days=3, minutes=1))
    assert fire_due() >= 1
    cancel = api.post(HEAD, f"/process-instances/{late['id']}/cancel", json={"reason": "Người đề nghị rút đơn."})
    assert cancel.status_code == 200

    # -- a case that fails (an incident) --------------------------------------------------------
    assert post_bpmn(api, DESIGNER, PROBE, model="incident_probe").status_code == 201
    probe = api.start(REQUESTER, {"instruction": "Thử"}, process_model="incident_probe")
    [work] = probe["active_tasks"]
    api.complete(VERIFIER, work["id"], {"instruction": "Xong"})
    facts["probe"] = probe

    # -- a message between cases ----------------------------------------------------------------
    deploy_pair()
    ping = api.start(REQUESTER, {"instruction": "Có tin đe dọa"}, process_model="ping")
    api.do(REQUESTER, ping["id"], "report", {"instruction": "Chuyển công an xử lý"})
    facts["ping"] = ping

    # -- the auditors' own trail ----------------------------------------------------------------
    assert web_login(client, AUDITOR).status_code == 302
    found = client.get(f"/audit/?case_number={case['case_number']}")
    assert found.status_code == 200
    token = re.search(r'name="csrf_token" value="([^"]+)"', found.get_data(as_text=True)).group(1)
    asked = client.post(f"/audit/cases/{case['id']}/export.csv", data={"csrf_token": token})
    assert asked.status_code == 302                      # to the export's page; made at the commit (inline)
    export = client.get(asked.headers["Location"] + "/download")
    assert export.status_code == 200
    facts["export_id"] = asked.headers["Location"].rsplit("/", 1)[1]
    facts["export_sha256"] = export.headers["X-Content-SHA256"]
    assert web_logout(client).status_code == 302
    db.session.remove()
    return all_events(api), facts


def test_the_scenario_produces_every_event_type(scenario):
    events, _ = scenario
    missing = EVERY_TYPE - {e["type"] for e in events}
    assert not missing
    seqs = [e["seq"] for e in events]
    assert seqs == list(range(1, len(seqs) + 1))


def test_logins_and_tokens(scenario):
    events, facts = scenario
    api_fail = one(events, "login_failed", actor=None)
    fails = {e["data"]["via"]: e for e in events if e["type"] == "login_failed"}
    assert fails["api"]["data"]["username"] == HEAD and fails["web"]["data"]["username"] == VERIFIER
    assert api_fail["actor"] == {"username": None, "agency": None}
    assert "doan-sai" not in str(events)                          # never a password
    assert one(events, "login_succeeded", actor=AUDITOR)["data"]["via"] == "web"
    assert one(events, "logout", actor=AUDITOR)["actor"]["agency"] == "UBKT_TU"
    issued = [e for e in events if e["type"] == "token_issued" and e["actor"]["username"] == FORCE]
    revoked = one(events, "token_revoked", actor=FORCE)
    assert revoked["data"] == {"token_id": issued[0]["data"]["token_id"], "via": "api"}


def test_the_revoked_token_no_longer_opens_the_api(scenario, client):
    _, facts = scenario
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {facts['revoked']}"})
    assert response.status_code == 401


def test_deploy_and_the_life_of_cases(scenario):
    events, facts = scenario
    deployed = one(events, "process_deployed", element_id="protection_request")
    assert deployed["actor"]["username"] == DESIGNER and deployed["data"]["version"] == 2
    case, late, probe = facts["case"]["id"], facts["late"]["id"], facts["probe"]["id"]
    started = one(events, "instance_started", process_instance_id=case)
    assert started["actor"] == {"username": REQUESTER, "agency": "TAND_TINH"}
    assert started["data"]["process_model"] == "protection_request"
    assert one(events, "instance_completed", process_instance_id=case)["actor"]["username"] == HEAD
    cancelled = one(events, "instance_cancelled", process_instance_id=late)
    assert cancelled["data"]["reason"] == "Người đề nghị rút đơn." and cancelled["actor"]["username"] == HEAD
    error = one(events, "error", process_instance_id=probe)
    assert error["element_id"] == "after" and "division" in error["data"]["message"].lower()


def test_task_actions_name_the_task_the_actor_and_what_changed(scenario):
    events, facts = scenario
    case = facts["case"]["id"]
    ready = one(events, "task_ready", process_instance_id=case, element_id="intake")
    assert (ready["data"]["role"], ready["data"]["agency"]) == ("intake_officer", "CA_TINH")
    task = ready["task_id"]
    claimed = one(events, "task_claimed", task_id=task, actor=INTAKE)
    released = one(events, "task_released", task_id=task)
    assigned = one(events, "task_assigned", task_id=task)
    completed = one(events, "task_completed", task_id=task)
    assert claimed["data"]["assignee"] == INTAKE
    assert released["data"]["previous_assignee"] == INTAKE and released["actor"]["username"] == INTAKE
    assert assigned["data"]["assignee"] == INTAKE and assigned["actor"]["username"] == HEAD
    assert claimed["seq"] < released["seq"] < assigned["seq"] < completed["seq"]
    assert completed["actor"] == {"username": INTAKE, "agency": "CA_TINH"}
    assert completed["element_id"] == "intake" and completed["element_name"] == "Tiếp nhận đề nghị"
    assert completed["data"]["values"]["intake_complete"] is True
    assert completed["data"]["changes"]["intake_complete"] == {"from": None, "to": True}
    decided = one(events, "task_completed", process_instance_id=case, element_id="decide")
    changes = decided["data"]["changes"]
    assert changes["decision_outcome"] == {"from": None, "to": "ap_dung"}
    assert changes["executing_agency"]["to"] == "CA_TINH"


def test_gateways_timers_and_messages(scenario):
    events, facts = scenario
    case, late, ping = facts["case"]["id"], facts["late"]["id"], facts["ping"]["id"]
    taken = {e["element_id"]: e["data"]["to"] for e in events
             if e["type"] == "gateway_taken" and e["process_instance_id"] == case}
    assert taken["gw_kind"] == ["intake"] and taken["gw_intake"] == ["verify"]
    fired = one(events, "timer_fired", process_instance_id=late)
    assert fired["element_id"] == "timer_intake" and fired["actor"]["username"] is None
    received = [e for e in events if e["type"] == "message_received"
                and e["data"].get("from") == facts["ping"]["case_number"]]
    assert received and received[0]["data"]["message"] == "referral"
    assert received[0]["process_instance_id"] not in (None, ping)        # the case the message started


def test_confidential_data_is_revealed_on_record_and_never_logged_in_clear(scenario):
    events, facts = scenario
    revealed = one(events, "data_revealed", process_instance_id=facts["case"]["id"])
    assert revealed["actor"]["username"] == HEAD and revealed["data"]["reason"] == "Kiểm tra hồ sơ bảo vệ"
    assert revealed["data"]["fields"]
    text = str(events)
    assert not any(secret in text for secret in SECRETS)
    started = one(events, "instance_started", process_instance_id=facts["case"]["id"])
    person = started["data"]["values"]["protected_persons"][0]
    assert set(person["full_name"]) == {"$vault"}                  # a reference, never the name


def test_auditors_views_and_exports_are_events(scenario, api):
    _, facts = scenario
    events = all_events(api)                      # again: the first read is now in the log too
    viewed = [e for e in events if e["type"] == "audit_viewed"]
    search = [e for e in viewed if e["data"]["what"] == "search"][0]
    assert search["actor"]["username"] == AUDITOR and search["data"]["via"] == "web"
    assert search["data"]["filters"] == {"case_number": facts["case"]["case_number"]}
    assert search["process_instance_id"] is None                  # not in the case's own history
    export = one(events, "export_made", actor=AUDITOR)
    assert export["data"]["what"] == "case_history" and export["data"]["format"] == "csv"
    assert export["data"]["export"] == facts["export_id"]
    assert export["data"]["filters"] == {"instance_id": facts["case"]["id"]}
    assert export["data"]["head"]["seq"] < export["seq"]
    [fetched] = [e for e in viewed if e["data"]["what"] == "export_download"]     # the file, with its hash
    assert fetched["data"]["export"] == facts["export_id"] and fetched["data"]["sha256"] == facts["export_sha256"]
    assert fetched["data"]["head"] == export["data"]["head"] and fetched["seq"] > export["seq"]
    assert any(e["data"]["what"] == "events" and e["data"]["via"] == "api" for e in viewed)


def test_attachment_uploads_and_downloads_are_events(app, api):
    """Attachments (issue #3) write attachment_uploaded and attachment_downloaded."""
    if "attachments.upload_attachment" not in app.view_functions:
        pytest.skip("the attachments API is not in this tree")
    import io
    case = start(api)
    upload = api.post(INTAKE, f"/process-instances/{case['id']}/attachments",
                      data={"file": (io.BytesIO(b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"), "bien-ban.pdf")},
                      content_type="multipart/form-data")
    assert upload.status_code == 201, upload.get_json()
    file_id = upload.get_json()["id"]
    assert api.get(HEAD, f"/process-instances/{case['id']}/attachments/{file_id}").status_code == 200
    events = all_events(api)
    uploaded = one(events, "attachment_uploaded", process_instance_id=case["id"])
    downloaded = one(events, "attachment_downloaded", process_instance_id=case["id"])
    assert uploaded["actor"] == {"username": INTAKE, "agency": "CA_TINH"}
    assert downloaded["actor"] == {"username": HEAD, "agency": "CA_TINH"}
    assert file_id in str(uploaded["data"]) and file_id in str(downloaded["data"])
