"""GET /api/v1/reports/statistics: who may read figures, and how bad dates are refused."""
from __future__ import annotations

import pytest

PATH = "/reports/statistics"
PERIOD = {"from": "2026-01-01", "to": "2026-06-30"}
SECTIONS = {"period", "requests", "measures_applied", "time_to_decision_hours", "deadlines", "threats",
            "complaints"}


def get(api, user, **query):
    return api.get(user, PATH, query_string=query)


def test_without_a_token_it_is_401(client):
    assert client.get(f"/api/v1{PATH}", query_string=PERIOD).status_code == 401


@pytest.mark.parametrize("user", ["monitor.bnc_tu", "auditor.ubkt_tu", "inspector.ubkt_tu",
                                  "inspector.hdnd_tinh", "inspector.mttq_tinh"])
def test_followers_and_checkers_read_the_whole_province_or_any_agency(api, user):
    whole = get(api, user, **PERIOD)
    assert whole.status_code == 200, whole.get_json()
    assert set(whole.get_json()) == SECTIONS
    assert whole.get_json()["period"]["agency"] is None
    one = get(api, user, agency="VKS_TINH", **PERIOD)
    assert one.status_code == 200 and one.get_json()["period"]["agency"] == "VKS_TINH"


def test_a_head_reads_the_figures_of_their_own_agency(api):
    own = get(api, "leader.ca_tinh", **PERIOD)
    assert own.status_code == 200 and own.get_json()["period"]["agency"] == "CA_TINH"
    assert get(api, "leader.ca_tinh", agency="CA_TINH", **PERIOD).status_code == 200
    other = get(api, "leader.ca_tinh", agency="VKS_TINH", **PERIOD)
    assert other.status_code == 403 and "cơ quan mình" in other.get_json()["message"]


@pytest.mark.parametrize("user", ["requester.tand_tinh", "intake_officer.ca_tinh", "verifier.ca_tinh",
                                  "coordinator.ca_tinh", "protection_officer.ca_tinh", "designer.bnc_tu", "admin"])
def test_other_roles_are_refused(api, user):
    response = get(api, user, **PERIOD)
    assert response.status_code == 403
    assert response.get_json()["message"] == "Bạn không có quyền xem số liệu thống kê."


def test_a_refused_role_is_403_even_with_bad_dates(api):
    """401 → 404 → 403 → 409 → 422: who asks is checked before what is asked."""
    assert get(api, "requester.tand_tinh", **{"from": "hôm qua"}).status_code == 403


@pytest.mark.parametrize("query, field, message", [
    ({"to": "2026-06-30"}, "from", "Trường này là bắt buộc."),
    ({"from": "2026-01-01"}, "to", "Trường này là bắt buộc."),
    ({"from": "2026-13-01", "to": "2026-06-30"}, "from", "Ngày không hợp lệ"),
    ({"from": "20260101", "to": "2026-06-30"}, "from", "Ngày không hợp lệ"),
    ({"from": "2026-01-01", "to": "30/06/2026"}, "to", "Ngày không hợp lệ"),
    ({"from": "2026-07-01", "to": "2026-06-30"}, "to", "không được trước ngày đầu kỳ"),
    ({"from": "2000-01-01", "to": "2026-06-30"}, "to", "không được dài quá 10 năm"),
    ({"from": "2026-01-01", "to": "2026-06-30", "agency": "KHONG_CO"}, "agency", "không có trong danh mục"),
])
def test_bad_arguments_are_422_with_a_message_per_field(api, query, field, message):
    response = get(api, "monitor.bnc_tu", **query)
    body = response.get_json()
    assert response.status_code == 422, body
    assert any(message in m for m in body["errors"]["query"][field]), body


def test_a_one_day_period_is_allowed(api):
    assert get(api, "monitor.bnc_tu", **{"from": "2026-03-01", "to": "2026-03-01"}).status_code == 200


def test_the_openapi_document_describes_the_report(client):
    operation = client.get("/api/v1/openapi.json").get_json()["paths"]["/api/v1/reports/statistics"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"from", "to", "agency"}
    assert "200" in operation["responses"]
