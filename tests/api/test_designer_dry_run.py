"""POST /api/v1/process-models/dry-run and /validate: designers check a diagram before deploying."""
from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import (AUDITOR, DESIGNER, HEAD, REQUESTER, audit_count, bpmn_xml, instance_count, post_bpmn,
                      replaced)

LINT = Path(__file__).resolve().parents[1] / "diagrams" / "lint"
PR = "protection_request"
START = {"request_kind": "thuong", "competent_agency": "CA_TINH"}


def dry(api, body, user=DESIGNER):
    return api.post(user, "/process-models/dry-run", json=body)


def test_a_dry_run_follows_the_answers_and_stops_at_the_first_task_without_one(api):
    before = (instance_count(), audit_count())
    response = dry(api, {"bpmn": bpmn_xml().decode(), "data": START, "answers": {
        "intake": {"intake_complete": True, "rerouted": False},
        "verify": {"grounds_confirmed": True}}})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["status"] == "running"
    assert body["path"] == ["start", "gw_kind", "intake", "gw_intake", "verify"]
    assert body["waiting_on"] == ["decide"]
    assert body["waiting"] == [{"element_id": "decide", "name": "Quyết định áp dụng biện pháp bảo vệ"}]
    assert set(body["flows"]) == {"flow_start_gw_kind", "flow_gw_kind_intake", "flow_intake_gw_intake",
                                  "flow_gw_intake_verify", "flow_verify_decide"}
    assert [s["name"] for s in body["steps"]][:3] == ["Đề nghị áp dụng biện pháp bảo vệ", "Khẩn cấp?",
                                                      "Tiếp nhận đề nghị"]
    assert body["next_timer_at"]                   # the boundary timer of "decide" is set
    assert (instance_count(), audit_count()) == (before[0], before[1] + 1)   # the designer's login only


def test_an_urgent_request_goes_straight_to_the_decision(api):
    body = dry(api, {"bpmn": bpmn_xml().decode(), "data": {**START, "request_kind": "khan_cap"}}).get_json()
    assert body["path"] == ["start", "gw_kind"] and body["waiting_on"] == ["decide"]
    assert "flow_gw_kind_decide" in body["flows"] and "flow_gw_kind_intake" not in body["flows"]


def test_a_dry_run_runs_through_the_called_process_to_the_end(api):
    answers = {
        "intake": {"intake_complete": True, "rerouted": False}, "verify": {},
        "decide": {"decision_outcome": "ap_dung", "change_refused": False, "is_complex": True,
                   "cooperating_agencies": ["VKS_TINH", "TAND_TINH"]},
        "draft_plan": {}, "confirm_part": {"confirmation": {"ok": True}}, "consolidate": {},
        "execute": {}, "review": [{"review_action": "tiep_tuc"}, {"review_action": "cham_dut"}], "terminate": {},
    }
    body = dry(api, {"bpmn": bpmn_xml().decode(), "data": START, "answers": answers}).get_json()
    assert body["status"] == "completed", body
    path = body["path"]
    confirmations = [s for s in body["steps"] if s["element_id"] == "confirm_part" and s["kind"] == "task_completed"]
    assert len(confirmations) == 2                              # one per cooperating agency
    assert path.count("execute") == 2 and path.count("review") == 2   # the second review ends it
    assert path[-2:] == ["terminate", "end_closed"]
    assert {"coordination", "draft_plan", "consolidate"} <= set(path)
    assert body["data"]["review_action"] == "cham_dut"


def test_a_loop_without_end_stops(api, monkeypatch):
    monkeypatch.setattr("workflow_app.services.dry_run.MAX_COMPLETIONS", 30)
    body = dry(api, {"bpmn": bpmn_xml().decode(), "data": START, "answers": {
        "intake": {"intake_complete": False, "rerouted": False}, "supplement": {}}}).get_json()
    assert body["status"] == "running"
    assert "Dừng sau" in body["error"]
    assert body["path"].count("supplement") == 15


def test_a_script_the_sandbox_refuses_at_run_time_fails_the_dry_run_not_the_server(api):
    xml = (LINT / "_valid.bpmn").read_bytes().replace(b'competent_agency = "CA_TINH"',
                                                      b"xs = [0 for _ in range(10**9)]")
    body = dry(api, {"bpmn": xml.decode(), "data": {"instruction": "x"}}).get_json()
    assert body["status"] == "error"
    assert body["error_element_id"] == "prepare" and "vòng lặp" in body["error"]


@pytest.mark.parametrize("body, field", [
    ({"bpmn": "<x/>", "answers": {"intake": "có"}}, "answers"),
    ({"bpmn": "<x/>", "data": [1]}, "data"),
    ({"data": {}}, "bpmn"),
])
def test_a_malformed_request_is_422(api, body, field):
    response = dry(api, body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["json"]


def test_a_diagram_that_does_not_parse_is_422_with_problems(api):
    response = dry(api, {"bpmn": "<bpmn:definitions><khong-dong"})
    assert response.status_code == 422
    assert "XML" in response.get_json()["problems"][0]["message"]


@pytest.mark.parametrize("user", [HEAD, REQUESTER, AUDITOR])
def test_only_designers_dry_run_and_validate(api, user):
    assert dry(api, {"bpmn": bpmn_xml().decode()}, user=user).status_code == 403
    assert api.post(user, "/process-models/validate", data=bpmn_xml(),
                    headers={"Content-Type": "application/xml"}).status_code == 403


def test_without_a_token_it_is_401(api):
    assert api.post(None, "/process-models/dry-run", json={"bpmn": "x"}).status_code == 401


def test_validate_says_valid_or_lists_the_problems(api):
    ok = api.post(DESIGNER, "/process-models/validate", data=bpmn_xml(), headers={"Content-Type": "application/xml"})
    assert ok.status_code == 200
    assert ok.get_json() == {"process_id": PR, "valid": True, "problems": []}
    broken = (LINT / "conditional-flows.bpmn").read_bytes()
    body = api.post(DESIGNER, "/process-models/validate", data=broken,
                    headers={"Content-Type": "application/xml"}).get_json()
    assert body["valid"] is False and [p["element_id"] for p in body["problems"]] == ["f_gw_ok"]


@pytest.mark.parametrize("fixture", ["conditional-flows", "no-implicit-end", "timer-not-iso", "script-open",
                                     "label-required", "supported-task-type"])
def test_deploy_refuses_what_the_validation_refuses(api, fixture):
    response = post_bpmn(api, DESIGNER, (LINT / f"{fixture}.bpmn").read_bytes(), model="lint_probe")
    assert response.status_code == 422
    assert response.get_json()["problems"]
    assert api.get(DESIGNER, "/process-models/lint_probe").status_code == 404


def test_a_timer_of_the_real_diagram_changed_to_a_bad_value_is_refused(api):
    xml = replaced(bpmn_xml(), 'days(settings["intake_days"])', 'days(settings["intake_dayz"])')
    response = post_bpmn(api, DESIGNER, xml)
    assert response.status_code == 422
    assert response.get_json()["problems"] == [
        {"element_id": "timer_intake",
         "message": "Hẹn giờ 'Quá hạn tiếp nhận': thiếu tham số quy trình 'intake_dayz' (khai báo ở thuộc tính "
                    "của quy trình)."}]
