"""Cases: start (POST /process-instances), list with filters and paging, get one."""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from ..support import request_data
from .helpers import (AUDITOR, HEAD, INTAKE, MASK, MONITOR, OUTSIDER, REQUESTER, SECRETS, VERIFIER,
                      audit_count, case_at, errors_json, instance_count, start)

PR = "protection_request"


def _start(api, username, data, model=PR):
    return api.post(username, "/process-instances", json={"process_model": model, "data": data})


def test_start_returns_201_with_the_new_case(api):
    response = _start(api, REQUESTER, request_data())
    assert response.status_code == 201
    case = response.get_json()
    assert re.fullmatch(r"BV-\d{4}-\d{6}", case["case_number"])
    assert (case["process_model"], case["status"], case["completed_at"]) == (PR, "running", None)
    assert datetime.fromisoformat(case["created_at"]).utcoffset() is not None
    [task] = case["active_tasks"]
    assert (task["element_id"], task["name"], task["role"], task["agency"], task["assignee"]) == \
        ("intake", "Tiếp nhận đề nghị", "intake_officer", "CA_TINH", None)
    assert (task["process_instance_id"], task["case_number"]) == (case["id"], case["case_number"])
    data = case["data"]
    assert (data["requester_agency"], data["requested_by"], data["competent_agency"]) == \
        ("TAND_TINH", REQUESTER, "CA_TINH")
    assert data["settings"]["intake_days"] == 3
    assert data["protected_persons"][0]["full_name"] == MASK
    assert not any(secret in response.get_data(as_text=True) for secret in SECRETS)


def test_case_numbers_follow_each_other(api):
    first, second = start(api), start(api)
    number = lambda c: int(c["case_number"].rsplit("-", 1)[1])  # noqa: E731
    assert number(second) == number(first) + 1


def test_an_intake_officer_may_record_an_emergency_phone_request(api):
    data = request_data(request_kind="khan_cap", channel="dien_thoai",
                        minutes="Biên bản ghi nhận cuộc gọi lúc 22 giờ.")
    response = _start(api, INTAKE, data)
    assert response.status_code == 201
    case = response.get_json()
    assert case["data"]["file_holder"] == INTAKE
    assert [t["element_id"] for t in case["active_tasks"]] == ["decide"]     # straight to the head


def test_unknown_model_is_404_even_with_bad_data(api):
    before = instance_count()
    for data in (request_data(), {"request_kind": "khong_ro"}):
        response = _start(api, REQUESTER, data, model="khong_co_quy_trinh")
        assert response.status_code == 404
    assert instance_count() == before


def test_invalid_data_is_422_with_vietnamese_messages_per_field(api):
    before_instances, before_events = instance_count(), audit_count()
    bad = {"request_kind": "rat_gap", "threat_types": [], "protected_persons": [{"full_name": ""}],
           "competent_agency": "KHONG_CO"}
    response = _start(api, REQUESTER, bad)
    assert response.status_code == 422
    errors = errors_json(response)["data"]
    assert errors["request_kind"] == ["Lựa chọn không hợp lệ."]
    assert errors["threat_description"] == ["Trường này là bắt buộc."]
    assert errors["protected_content"] == ["Trường này là bắt buộc."]
    assert errors["competent_agency"] == ["Cơ quan không có trong danh mục."]
    assert errors["threat_types"] == ["Phải chọn ít nhất 1 mục."]
    assert errors["protected_persons"]["0"]["full_name"] == ["Không được để trống."]
    assert errors["protected_persons"]["0"]["relation"] == ["Trường này là bắt buộc."]
    assert instance_count() == before_instances
    assert audit_count() == before_events + 1          # the requester's login, nothing else


def test_an_oral_request_needs_minutes(api):
    response = _start(api, REQUESTER, request_data(request_kind="khan_cap", channel="truc_tiep"))
    assert response.status_code == 422
    assert errors_json(response)["data"]["minutes"] == [
        "Đề nghị trực tiếp hoặc qua điện thoại phải có biên bản ghi nhận."]


@pytest.mark.parametrize("body, field", [
    ({"data": {}}, "process_model"),
    ({"process_model": "", "data": {}}, "process_model"),
    ({"process_model": 5}, "process_model"),
])
def test_a_body_without_a_process_model_is_422(api, body, field):
    response = api.post(REQUESTER, "/process-instances", json=body)
    assert response.status_code == 422
    assert field in errors_json(response)


def test_data_that_is_not_an_object_is_422(api):
    response = _start(api, REQUESTER, ["không", "phải", "đối tượng"])
    assert response.status_code == 422
    assert "_schema" in errors_json(response)["data"]


@pytest.mark.parametrize("user", [VERIFIER, HEAD, "protection_officer.ca_tinh", MONITOR, AUDITOR,
                                  "designer.bnc_tu", "admin"])
def test_a_user_whose_role_does_not_start_the_process_gets_403(api, user):
    for data in (request_data(), {"request_kind": "khong_ro"}):       # 403 before 422
        response = _start(api, user, data)
        assert response.status_code == 403
        assert response.get_json()["message"] == "Bạn không có quyền khởi tạo hồ sơ của quy trình này."
    assert instance_count() == 0


def test_a_process_without_a_starter_role_cannot_be_started_directly(api):
    assert _start(api, REQUESTER, {}, model="interagency_coordination").status_code == 403


# -- list -------------------------------------------------------------------------------------
def _list(api, user, query=""):
    response = api.get(user, f"/process-instances{query}")
    assert response.status_code == 200, response.get_json()
    return response.get_json(), int(response.headers["X-Total-Count"])


def test_list_is_newest_first_with_a_total(api):
    cases = [start(api) for _ in range(3)]
    items, total = _list(api, HEAD)
    assert total == 3
    assert [c["id"] for c in items] == [c["id"] for c in reversed(cases)]
    assert all(c["data"]["protected_persons"][0]["full_name"] == MASK for c in items)


def test_list_pages(api):
    cases = [start(api) for _ in range(5)]
    newest_first = [c["id"] for c in reversed(cases)]
    page1, total1 = _list(api, HEAD, "?per_page=2")
    page3, total3 = _list(api, HEAD, "?per_page=2&page=3")
    page9, _ = _list(api, HEAD, "?per_page=2&page=9")
    assert (total1, total3) == (5, 5)
    assert [c["id"] for c in page1] == newest_first[:2]
    assert [c["id"] for c in page3] == newest_first[4:]
    assert page9 == []


@pytest.mark.parametrize("query, field", [("?page=0", "page"), ("?per_page=abc", "per_page"),
                                          ("?per_page=100000", "per_page"), ("?status=dang_chay", "status")])
def test_bad_list_parameters_are_422(api, query, field):
    response = api.get(HEAD, f"/process-instances{query}")
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["query"]


def test_list_filters_by_status_model_and_case_number(api):
    running, cancelled = start(api), start(api)
    assert api.post(HEAD, f"/process-instances/{cancelled['id']}/cancel",
                    json={"reason": "Trùng hồ sơ."}).status_code == 200
    items, total = _list(api, HEAD, "?status=cancelled")
    assert (total, [c["id"] for c in items]) == (1, [cancelled["id"]])
    items, total = _list(api, HEAD, "?status=running")
    assert (total, [c["id"] for c in items]) == (1, [running["id"]])
    assert _list(api, HEAD, "?status=completed")[1] == 0
    assert _list(api, HEAD, f"?process_model={PR}")[1] == 2
    assert _list(api, HEAD, "?process_model=interagency_coordination")[1] == 0
    items, total = _list(api, HEAD, f"?q={running['case_number']}")
    assert (total, [c["id"] for c in items]) == (1, [running["id"]])
    assert _list(api, HEAD, "?q=BV-1999")[1] == 0


def test_each_agency_sees_only_the_cases_it_takes_part_in(api):
    tand = start(api, REQUESTER)
    vks = start(api, "requester.vks_tinh")
    assert [c["id"] for c in _list(api, "requester.vks_tinh")[0]] == [vks["id"]]
    assert [c["id"] for c in _list(api, "verifier.tand_tinh")[0]] == [tand["id"]]
    assert _list(api, "leader.thads_tinh") == ([], 0)
    assert _list(api, "inspector.ubkt_tu") == ([], 0)
    assert _list(api, HEAD)[1] == 2                        # the competent agency of both


@pytest.mark.parametrize("user", [MONITOR, AUDITOR])
def test_monitors_and_auditors_see_every_case(api, user):
    ids = {start(api, REQUESTER)["id"], start(api, "requester.vks_tinh")["id"],
           start(api, "requester.thads_tinh", competent_agency="THADS_TINH")["id"]}
    items, total = _list(api, user)
    assert total == 3 and {c["id"] for c in items} == ids


# -- get --------------------------------------------------------------------------------------
def test_get_shows_the_case_to_its_parties(api):
    case = case_at(api, "verify")
    for user in (REQUESTER, INTAKE, VERIFIER, HEAD, MONITOR, AUDITOR):
        response = api.get(user, f"/process-instances/{case['id']}")
        assert response.status_code == 200
        body = response.get_json()
        assert (body["id"], body["case_number"], body["status"]) == (case["id"], case["case_number"], "running")
        assert [t["element_id"] for t in body["active_tasks"]] == ["verify"]
        assert body["data"]["intake_complete"] is True
        assert body["data"]["file_holder"] == INTAKE
        assert set(body) >= {"id", "case_number", "process_model", "version", "status", "data",
                             "active_tasks", "created_at", "updated_at", "completed_at"}


def test_get_masks_confidential_values(api):
    case = start(api)
    for user in (REQUESTER, VERIFIER, MONITOR, AUDITOR):
        response = api.get(user, f"/process-instances/{case['id']}")
        person = response.get_json()["data"]["protected_persons"][0]
        assert person == {"full_name": MASK, "relation": MASK, "position": "Thẩm phán", "phone": MASK,
                          "residence": MASK}
        assert not any(secret in response.get_data(as_text=True) for secret in SECRETS)


@pytest.mark.parametrize("user", [OUTSIDER, "requester.vks_tinh", "inspector.ubkt_tu", "designer.bnc_tu",
                                  "admin"])
def test_get_is_404_for_an_unrelated_agency(api, user):
    case = start(api)
    response = api.get(user, f"/process-instances/{case['id']}")
    assert response.status_code == 404
    assert response.get_json()["message"] == "Không tìm thấy hồ sơ."


def test_get_of_an_unknown_id_is_404(api):
    assert api.get(HEAD, "/process-instances/0123456789abcdef0123456789abcdef").status_code == 404
