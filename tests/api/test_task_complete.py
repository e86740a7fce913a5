"""POST /tasks/{id}/complete: success, invalid data, conflicts, denials, and error order."""
from __future__ import annotations

import pytest

from ..support import INTAKE_OK, VERIFY_OK, decision_apply
from .helpers import (AUDITOR, HEAD, INTAKE, MONITOR, OUTSIDER, REQUESTER, VERIFIER, add_user, audit_count,
                      case_at, end_request, errors_json, history, instance, start, today, types_of)

INTAKE2 = "intake_officer2.ca_tinh"


def _complete(api, user, task_id, data):
    return api.post(user, f"/tasks/{task_id}/complete", json={"data": data})


def test_complete_returns_the_case_and_the_next_tasks(api):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    response = _complete(api, INTAKE, task_id, {"intake_complete": True, "intake_note": "Đã vào sổ."})
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"process_instance", "next_tasks"}
    proc = body["process_instance"]
    assert (proc["id"], proc["status"]) == (case["id"], "running")
    assert proc["data"]["intake_complete"] is True and proc["data"]["intake_note"] == "Đã vào sổ."
    assert proc["data"]["file_holder"] == INTAKE
    assert proc["version"] > case["version"]
    [nxt] = body["next_tasks"]
    assert (nxt["element_id"], nxt["role"], nxt["agency"], nxt["case_number"]) == \
        ("verify", "verifier", "CA_TINH", case["case_number"])
    assert proc["active_tasks"] == body["next_tasks"]
    assert api.get(INTAKE, "/tasks").get_json() == []
    assert [t["id"] for t in api.get(VERIFIER, "/tasks").get_json()] == [nxt["id"]]


def test_completing_an_unclaimed_task_claims_it_for_the_caller(api):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    _complete(api, INTAKE, task_id, INTAKE_OK)
    events = [(e["type"], e["actor"]["username"]) for e in history(api, case["id"]) if e["task_id"] == task_id]
    assert events[-2:] == [("task_claimed", INTAKE), ("task_completed", INTAKE)]
    completed = [e for e in history(api, case["id"]) if e["type"] == "task_completed"][0]
    assert completed["data"]["values"]["intake_complete"] is True


def test_an_incomplete_file_goes_back_to_the_requester(api):
    case = start(api)
    result = api.do(INTAKE, case["id"], "intake", {"intake_complete": False, "missing_items": "Bản sao quyết định."})
    [task] = result["next_tasks"]
    assert (task["element_id"], task["role"], task["agency"]) == ("supplement", "requester", "TAND_TINH")


def test_a_refusal_ends_the_case(api):
    case = case_at(api, "decide")
    result = api.do(HEAD, case["id"], "decide", {"decision_outcome": "tu_choi",
                                                 "decision_reasons": "Không có căn cứ."})
    assert result["process_instance"]["status"] == "completed"
    assert result["next_tasks"] == [] and result["process_instance"]["completed_at"] is not None


@pytest.mark.parametrize("data, field, message", [
    ({}, "intake_complete", "Trường này là bắt buộc."),
    ({"intake_complete": "co le"}, "intake_complete", "Phải là giá trị có hoặc không."),
    ({"intake_complete": False}, "missing_items", "Phải nêu rõ nội dung hồ sơ cần bổ sung."),
    ({"intake_complete": True, "competent_agency": "KHONG_CO"}, "competent_agency",
     "Cơ quan không có trong danh mục."),
])
def test_invalid_data_is_422_and_changes_nothing(api, data, field, message):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    api.token(INTAKE)                                                        # log in first
    before_history, before_events = history(api, case["id"]), audit_count()
    response = _complete(api, INTAKE, task_id, data)
    assert response.status_code == 422
    assert errors_json(response)["data"][field] == [message]
    end_request()
    after = instance(api, case["id"])
    assert (after["version"], after["data"]) == (case["version"], case["data"])
    assert after["active_tasks"] == case["active_tasks"]                       # not even claimed
    assert history(api, case["id"]) == before_history
    assert audit_count() == before_events


def test_unknown_fields_are_refused(api):
    case = start(api)
    response = _complete(api, INTAKE, case["active_tasks"][0]["id"], {**INTAKE_OK, "file_holder": "ke.gian"})
    assert response.status_code == 422
    assert "file_holder" in errors_json(response)["data"]


def test_data_that_is_not_an_object_is_422(api):
    case = start(api)
    response = _complete(api, INTAKE, case["active_tasks"][0]["id"], [True])
    assert response.status_code == 422


def test_completing_a_task_held_by_someone_else_is_409(api):
    add_user(INTAKE2, ["intake_officer"], "CA_TINH")
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    api.post(INTAKE2, f"/tasks/{task_id}/claim")
    for data in (INTAKE_OK, {}):                                             # 409 before 422
        response = _complete(api, INTAKE, task_id, data)
        assert response.status_code == 409
        assert INTAKE2 in response.get_json()["message"]
    assert instance(api, case["id"])["active_tasks"][0]["assignee"] == INTAKE2
    assert _complete(api, INTAKE2, task_id, INTAKE_OK).status_code == 200


def test_the_official_the_head_assigns_completes(api):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    # The head hands the file to an officer of the role; that officer completes.
    api.post(HEAD, f"/tasks/{task_id}/assign", json={"username": INTAKE})
    assert _complete(api, INTAKE, task_id, INTAKE_OK).status_code == 200


@pytest.mark.parametrize("user", [VERIFIER, HEAD, REQUESTER, "intake_officer.tand_tinh", MONITOR, AUDITOR])
def test_a_user_not_eligible_gets_403(api, user):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    for data in (INTAKE_OK, {"intake_complete": "x"}):                       # 403 before 422
        assert _complete(api, user, task_id, data).status_code == 403
    assert instance(api, case["id"])["active_tasks"][0]["id"] == task_id


@pytest.mark.parametrize("user", [OUTSIDER, "intake_officer.vks_tinh", "inspector.ubkt_tu"])
def test_an_unrelated_agency_gets_404(api, user):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    for data in (INTAKE_OK, {}):                                             # 404 before 422
        response = _complete(api, user, task_id, data)
        assert response.status_code == 404
        assert response.get_json()["message"] == "Không tìm thấy nhiệm vụ."
    assert _complete(api, INTAKE, "khong-co-nhiem-vu", INTAKE_OK).status_code == 404


def test_completing_twice_is_409_the_second_time(api):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    assert _complete(api, INTAKE, task_id, INTAKE_OK).status_code == 200
    version = instance(api, case["id"])["version"]
    for data in (INTAKE_OK, {}):
        response = _complete(api, INTAKE, task_id, data)
        assert response.status_code == 409
        assert response.get_json()["message"] == "Nhiệm vụ đã được hoàn thành hoặc không còn hiệu lực."
    assert instance(api, case["id"])["version"] == version
    completions = [e for e in history(api, case["id"]) if e["type"] == "task_completed" and e["task_id"] == task_id]
    assert len(completions) == 1


def test_a_done_task_is_403_not_409_for_someone_who_could_never_do_it(api):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    _complete(api, INTAKE, task_id, INTAKE_OK)
    assert _complete(api, VERIFIER, task_id, INTAKE_OK).status_code == 403
    assert _complete(api, OUTSIDER, task_id, INTAKE_OK).status_code == 404


def test_claim_release_assign_of_a_done_task_are_409(api):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    _complete(api, INTAKE, task_id, INTAKE_OK)
    assert api.post(INTAKE, f"/tasks/{task_id}/claim").status_code == 409
    assert api.post(INTAKE, f"/tasks/{task_id}/release").status_code == 409
    assert api.get(INTAKE, f"/tasks/{task_id}").status_code == 409


def test_a_decision_is_validated_against_the_case(api):
    case = case_at(api, "decide")
    task_id = case["active_tasks"][0]["id"]
    bad = decision_apply(today(), covered_persons=[2], is_complex=True, cooperating_agencies=["CA_TINH"])
    response = _complete(api, HEAD, task_id, bad)
    assert response.status_code == 422
    errors = errors_json(response)["data"]
    assert errors["covered_persons"] == ["Số thứ tự người được bảo vệ phải từ 1 đến 1."]
    assert errors["cooperating_agencies"] == [
        "Cơ quan chủ trì (cơ quan có thẩm quyền) không được đồng thời là cơ quan phối hợp."]
    assert types_of(history(api, case["id"])).count("task_completed") == 2


def test_an_agency_named_in_a_decision_then_sees_the_case(api):
    case = case_at(api, "decide")
    assert api.get("protection_officer.ca_tinh", f"/process-instances/{case['id']}").status_code == 200
    assert api.get("leader.thads_tinh", f"/process-instances/{case['id']}").status_code == 404
    api.do(HEAD, case["id"], "decide", decision_apply(today(), executing_agency="THADS_TINH"))
    assert api.get("leader.thads_tinh", f"/process-instances/{case['id']}").status_code == 200


def test_verify_then_decide_moves_the_inbox(api):
    case = case_at(api, "verify")
    api.do(VERIFIER, case["id"], "verify", VERIFY_OK)
    [task] = api.get(HEAD, "/tasks").get_json()
    assert (task["element_id"], task["process_instance_id"]) == ("decide", case["id"])


def test_a_second_coordination_round_collects_its_own_confirmations(api):
    """Review asks to change the measures, the new decision is complex again: the second
    inter-agency round starts with no confirmations (those of the first are not its answers)."""
    case = case_at(api, "decide")

    def coordinate(summary):
        api.do(HEAD, case["id"], "decide", decision_apply(today(), is_complex=True, cooperating_agencies=["VKS_TINH"]))
        api.do("coordinator.ca_tinh", case["id"], "draft_plan", {"plan_summary": summary, "plan_report_by": today()})
        api.do("coordinator.vks_tinh", case["id"], "confirm_part", {"part_accepted": True, "assigned_forces": summary})
        return api.do(HEAD, case["id"], "consolidate", {"coordination_summary": summary})

    first = coordinate("Vòng 1")
    assert [t["element_id"] for t in first["next_tasks"]] == ["execute"]
    api.do("protection_officer.ca_tinh", case["id"], "execute", {
        "report_summary": "Cần thêm lực lượng.", "situation": "on_dinh", "recommendation": "thay_doi"})
    api.do(HEAD, case["id"], "review", {"review_action": "thay_doi", "review_basis": "nguy_co_thay_doi"})
    second = coordinate("Vòng 2")
    assert [t["element_id"] for t in second["next_tasks"]] == ["execute"]
    assert second["process_instance"]["status"] == "running"
