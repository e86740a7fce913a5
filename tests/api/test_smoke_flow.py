"""One protection case from request to closure through the HTTP API alone."""
from __future__ import annotations

from workflow_app import clock

from ..support import INTAKE_OK, VERIFY_OK, decision_apply, request_data


def test_a_case_runs_from_request_to_closure(api):
    case = api.start("requester.tand_tinh", request_data())
    assert case["case_number"].startswith("BV-")
    assert case["status"] == "running"
    assert [t["element_id"] for t in case["active_tasks"]] == ["intake"]

    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    api.do("verifier.ca_tinh", case["id"], "verify", VERIFY_OK)
    api.do("leader.ca_tinh", case["id"], "decide", decision_apply(clock.local_now().date().isoformat()))
    api.do("protection_officer.ca_tinh", case["id"], "execute", {
        "report_summary": "Đã bố trí lực lượng canh gác.", "situation": "on_dinh", "recommendation": "cham_dut"})
    api.do("leader.ca_tinh", case["id"], "review", {"review_action": "cham_dut", "review_basis": "bao_cao_luc_luong"})
    result = api.do("leader.ca_tinh", case["id"], "terminate", {
        "termination_reasons": "Nguy cơ không còn.", "termination_date": clock.local_now().date().isoformat()})

    assert result["process_instance"]["status"] == "completed"
    assert result["next_tasks"] == []
    history = api.get("requester.tand_tinh", f"/process-instances/{case['id']}/history").get_json()
    types = [e["type"] for e in history]
    assert types[0] == "instance_started" and types[-1] == "instance_completed"
    assert types.count("task_completed") == 6
    verify = api.get("auditor.ubkt_tu", "/audit/verify").get_json()
    assert verify["ok"] is True


def test_a_case_names_the_diagram_version_it_runs_on(api):
    case = api.start("requester.tand_tinh", request_data())
    assert case["model_version"] == 1 and case["version"] >= 1
