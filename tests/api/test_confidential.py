"""Confidential values: masked everywhere, revealed only by clearance, every reveal logged."""
from __future__ import annotations

import json

import pytest

from .helpers import (AUDITOR, FORCE, HEAD, INTAKE, MASK, MONITOR, OUTSIDER, REQUESTER, SECRET_NAME,
                      SECRET_PHONE, SECRET_RESIDENCE, SECRETS, VERIFIER, case_at, end_request, errors_json,
                      history, instance, start, types_of)

REASON = "Chuẩn bị phương án bảo vệ."


def _reveal(api, user, case_id, fields=("full_name",), reason=REASON):
    body = {}
    if fields is not None:
        body["fields"] = list(fields)
    if reason is not None:
        body["reason"] = reason
    return api.post(user, f"/process-instances/{case_id}/reveal", json=body)


def _reveals(api, case_id):
    return [e for e in history(api, case_id, AUDITOR) if e["type"] == "data_revealed"]


def test_the_head_of_the_competent_agency_sees_the_clear_value(api):
    case = start(api)
    response = _reveal(api, HEAD, case["id"])
    assert response.status_code == 200
    assert response.get_json() == {"values": {"protected_persons.0.full_name": SECRET_NAME}}


def test_a_reveal_is_logged_with_the_fields_and_the_reason(api):
    case = start(api)
    _reveal(api, HEAD, case["id"], fields=["full_name", "phone"], reason=f" {REASON} ")
    [event] = _reveals(api, case["id"])
    assert event["actor"] == {"username": HEAD, "agency": "CA_TINH"}
    assert event["data"] == {"fields": ["protected_persons.0.full_name", "protected_persons.0.phone"],
                             "reason": REASON}
    assert not any(secret in json.dumps(event, ensure_ascii=False) for secret in SECRETS)


def test_a_whole_list_can_be_revealed_and_plain_fields_are_not_in_it(api):
    case = start(api)
    values = _reveal(api, HEAD, case["id"], fields=["protected_persons"]).get_json()["values"]
    assert values == {"protected_persons.0.full_name": SECRET_NAME, "protected_persons.0.relation": "ban_than",
                      "protected_persons.0.phone": SECRET_PHONE,
                      "protected_persons.0.residence": SECRET_RESIDENCE}


def test_the_file_holder_has_clearance_after_intake_not_before(api):
    case = start(api)
    assert _reveal(api, INTAKE, case["id"]).status_code == 403
    api.do(INTAKE, case["id"], "intake", {"intake_complete": True})
    response = _reveal(api, INTAKE, case["id"], fields=["residence"])
    assert response.status_code == 200
    assert response.get_json()["values"] == {"protected_persons.0.residence": SECRET_RESIDENCE}


def test_the_protection_force_has_clearance_once_it_executes_the_decision(api):
    case = case_at(api, "decide")
    assert _reveal(api, FORCE, case["id"]).status_code == 403
    api.do(HEAD, case["id"], "decide", {"decision_outcome": "ap_dung", "measures": ["canh_gac_bao_ve"],
                                        "measures_start": "2030-01-01", "executing_agency": "CA_TINH"})
    response = _reveal(api, FORCE, case["id"], fields=["phone"])
    assert response.status_code == 200
    assert response.get_json()["values"] == {"protected_persons.0.phone": SECRET_PHONE}


@pytest.mark.parametrize("user", [VERIFIER, REQUESTER, "leader.tand_tinh", "intake_officer.tand_tinh",
                                  MONITOR, AUDITOR])
def test_without_clearance_a_reveal_is_403_and_not_logged(api, user):
    case = case_at(api, "verify")
    for reason in (REASON, None):                                 # 403 before 422
        response = _reveal(api, user, case["id"], reason=reason)
        assert response.status_code == 403
        assert not any(secret in response.get_data(as_text=True) for secret in SECRETS)
    end_request()
    assert _reveals(api, case["id"]) == []


def test_an_unrelated_agency_gets_404(api):
    case = start(api)
    assert _reveal(api, OUTSIDER, case["id"]).status_code == 404
    assert _reveal(api, "leader.vks_tinh", case["id"], reason=None).status_code == 404
    assert _reveal(api, HEAD, "khong-co-ho-so").status_code == 404


@pytest.mark.parametrize("reason", [None, "", "   ", 42])
def test_a_reveal_without_a_reason_is_422_and_not_logged(api, reason):
    case = start(api)
    response = _reveal(api, HEAD, case["id"], reason=reason)
    assert response.status_code == 422
    assert errors_json(response)["reason"] == ["Phải nêu lý do xem thông tin bảo mật."]
    assert not any(secret in response.get_data(as_text=True) for secret in SECRETS)
    end_request()
    assert _reveals(api, case["id"]) == []


@pytest.mark.parametrize("fields, message", [
    (None, "Phải chọn ít nhất một trường cần xem."),
    ([], "Phải chọn ít nhất một trường cần xem."),
    (["full_name", 3], "Phải chọn ít nhất một trường cần xem."),
    (["threat_description"], "Không có trường bảo mật nào khớp."),
    (["khong_co_truong_nay"], "Không có trường bảo mật nào khớp."),
])
def test_a_reveal_of_no_confidential_field_is_422(api, fields, message):
    case = start(api)
    response = _reveal(api, HEAD, case["id"], fields=fields)
    assert response.status_code == 422
    assert errors_json(response)["fields"] == [message]


def test_clear_values_never_reach_the_case_history_or_the_audit_log(api):
    case = case_at(api, "execute")
    _reveal(api, HEAD, case["id"], fields=["protected_persons"])
    for user in (HEAD, REQUESTER, AUDITOR):
        body = api.get(user, f"/process-instances/{case['id']}/history").get_data(as_text=True)
        assert "data_revealed" in body
        assert not any(secret in body for secret in SECRETS)
    audit = api.get(AUDITOR, "/audit/events?per_page=200").get_data(as_text=True)
    assert not any(secret in audit for secret in SECRETS)


def test_reading_a_case_reveals_nothing_even_to_the_head_only_a_logged_reveal_does(api):
    case = start(api)
    body = instance(api, case["id"], HEAD)
    assert body["data"]["protected_persons"][0]["full_name"] == MASK
    assert "data_revealed" not in types_of(history(api, case["id"]))


def test_a_task_form_marks_nothing_confidential_when_it_holds_no_secret(api):
    case = start(api)
    task = api.get(INTAKE, f"/tasks/{case['active_tasks'][0]['id']}").get_json()
    assert not any(p.get("x-confidential") for p in task["form"]["properties"].values())
    assert not any(secret in json.dumps(task, ensure_ascii=False) for secret in SECRETS)
