"""GET /api/v1/reports/statistics against cases counted by hand (docs/statistics.md).

The cases are filed and decided through the HTTP API while the application clock moves, on
this timeline (t1 is the first instant of the counted period's first day, plus some hours):

    t0 = t1 - 3 days 1 hour   A filed and decided at once (before the period: counted nowhere)
                              B filed, registered and verified
    t1                        B decided (applied)           -> 73 h, and 1 hour past its due date
                              C filed as an emergency by the intake officer (CA_TINH)
                              D filed to CA_TINH, registered and verified
                              E filed to VKS_TINH (threats: smearing, slander), registered, verified
                              F filed, left waiting (received, never decided)
    t1 + 1 h                  C refused                      ->  1 h
    t1 + 5 h                  E applied (guarding)           ->  5 h
    t1 + 10 h                 D applied (guarding, secrecy)  -> 10 h
    t1 + 3 days 10 hours      G filed and decided (after the period: counted nowhere)

The period is [local day of t1, the day after]: 10 hours after t1 it may have turned midnight.
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from workflow_app import clock
from workflow_app.services.statistics import complaint_outcome, percentile

from ..support import INTAKE_OK, VERIFY_OK, decision_apply, request_data
from .helpers import HEAD, INTAKE, REQUESTER, VERIFIER, advance

MONITOR = "monitor.bnc_tu"
VKS = {"intake": "intake_officer.vks_tinh", "verify": "verifier.vks_tinh", "decide": "leader.vks_tinh"}
CA = {"intake": INTAKE, "verify": VERIFIER, "decide": HEAD}


def today() -> str:
    return clock.local_now().date().isoformat()


def file_request(api, **overrides) -> str:
    return api.start(REQUESTER, request_data(**overrides))["id"]


def register_and_verify(api, case: str, officials=CA) -> None:
    api.do(officials["intake"], case, "intake", INTAKE_OK)
    api.do(officials["verify"], case, "verify", VERIFY_OK)


def apply(api, case: str, officials=CA, measures=("canh_gac_bao_ve",)) -> None:
    api.do(officials["decide"], case, "decide", decision_apply(today(), measures=list(measures)))


@pytest.fixture
def period(api):
    """Build the timeline of the module docstring; return the counted period (from, to)."""
    a = file_request(api)
    register_and_verify(api, a)
    apply(api, a)
    b = file_request(api)
    register_and_verify(api, b)

    advance(api, timedelta(days=3, hours=1))
    first_day = clock.local_now().date()
    apply(api, b)
    c = api.start(INTAKE, request_data(request_kind="khan_cap", channel="dien_thoai",
                                       minutes="Thẩm phán báo bị đe dọa qua điện thoại.",
                                       requester_agency="TAND_TINH"))["id"]
    d = file_request(api)
    register_and_verify(api, d)
    e = file_request(api, competent_agency="VKS_TINH", threat_types=["boi_nho", "vu_khong"])
    register_and_verify(api, e, VKS)
    file_request(api)                                                   # F: received only

    advance(api, timedelta(hours=1))
    api.do(HEAD, c, "decide", {"decision_outcome": "tu_choi", "decision_reasons": "Không có căn cứ."})
    advance(api, timedelta(hours=4))
    apply(api, e, VKS)
    advance(api, timedelta(hours=5))
    apply(api, d, measures=("canh_gac_bao_ve", "giu_bi_mat_thong_tin"))

    advance(api, timedelta(days=3))
    g = file_request(api)
    register_and_verify(api, g)
    apply(api, g)
    return first_day.isoformat(), (first_day + timedelta(days=1)).isoformat()


def figures(api, period, agency=None, user=MONITOR) -> dict:
    query = {"from": period[0], "to": period[1], **({"agency": agency} if agency else {})}
    response = api.get(user, "/reports/statistics", query_string=query)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_figures_of_the_period_are_the_hand_count(api, period):
    body = figures(api, period)
    assert body["period"] == {"from": period[0], "to": period[1], "agency": None,
                              "timezone": "Asia/Ho_Chi_Minh"}
    # received: C, D, E, F; decided (first decision in the period): B, C, D, E
    assert body["requests"] == {"received": 4, "emergency": 1, "decided": 4, "applied": 3, "refused": 1}

    measures = body["measures_applied"]                      # once per case
    assert measures["canh_gac_bao_ve"] == 3                  # B, D, E
    assert measures["giu_bi_mat_thong_tin"] == 1             # D
    assert sum(measures.values()) == 4
    assert {"han_che_di_lai_tiep_xuc", "bien_phap_khac"} <= set(measures)   # the whole catalogue, zeros too

    # B 73 h, C 1 h, E 5 h, D 10 h: median of [1, 5, 10, 73] = 7.5; nearest-rank p90 = 73
    times = body["time_to_decision_hours"]
    assert times["cases"] == 4
    assert times["median"] == pytest.approx(7.5, abs=0.05)
    assert times["p90"] == pytest.approx(73, abs=0.05)

    # completed in the period with a due date: B decide (late by an hour), C decide, and D's
    # and E's intake, verify, decide (on time) = 8; F's intake is still open
    assert body["deadlines"] == {"tasks_with_deadline": 8, "on_time": 7, "late": 1, "on_time_rate": 0.875}

    threats = body["threats"]
    assert threats["de_doa"] == 3                            # C, D, F
    assert threats["boi_nho"] == threats["vu_khong"] == 1    # E
    assert sum(threats.values()) == 5


AGENCIES = {
    "CA_TINH": ({"received": 3, "emergency": 1, "decided": 3, "applied": 2, "refused": 1}, 10, 73,
                {"tasks_with_deadline": 5, "on_time": 4, "late": 1, "on_time_rate": 0.8}),
    "VKS_TINH": ({"received": 1, "emergency": 0, "decided": 1, "applied": 1, "refused": 0}, 5, 5,
                 {"tasks_with_deadline": 3, "on_time": 3, "late": 0, "on_time_rate": 1.0}),
    "TAND_TINH": ({"received": 0, "emergency": 0, "decided": 0, "applied": 0, "refused": 0}, None, None,
                  {"tasks_with_deadline": 0, "on_time": 0, "late": 0, "on_time_rate": None}),
}


def test_the_figures_of_one_agency_count_its_cases_only(api, period):
    """The competent agency: CA_TINH has B, C, D, F; VKS_TINH has E; the requester TAND_TINH none."""
    for agency, (requests, median, p90, deadlines) in AGENCIES.items():
        body = figures(api, period, agency)
        assert body["period"]["agency"] == agency
        assert body["requests"] == requests, agency
        times = body["time_to_decision_hours"]
        assert times["median"] == (None if median is None else pytest.approx(median, abs=0.05)), agency
        assert times["p90"] == (None if p90 is None else pytest.approx(p90, abs=0.05)), agency
        assert body["deadlines"] == deadlines, agency
    assert figures(api, period, "VKS_TINH")["threats"]["boi_nho"] == 1
    assert figures(api, period, "CA_TINH")["threats"]["boi_nho"] == 0


def test_a_period_with_nothing_has_zeros_and_no_times(api):
    body = figures(api, ("2020-01-01", "2020-12-31"))
    assert body["requests"] == {"received": 0, "emergency": 0, "decided": 0, "applied": 0, "refused": 0}
    assert body["time_to_decision_hours"] == {"cases": 0, "median": None, "p90": None}
    assert body["deadlines"]["on_time_rate"] is None
    assert set(body["measures_applied"].values()) == set(body["threats"].values()) == {0}


# -- complaints and denunciations (process complaint_post_decision) --------------------------------
def complaint(api, kind: str) -> str:
    return api.start(REQUESTER, {
        "petition_kind": kind, "competent_agency": "CA_TINH", "post_decision_type": "dieu_dong",
        "contested_decision": "Quyết định điều động số 10/QĐ", "petition_content": "Đề nghị xem xét lại.",
        "petitioner_name": "Trần Văn B"}, process_model="complaint_post_decision")["id"]


def test_complaints_by_kind_and_outcome(api):
    refused = complaint(api, "khieu_nai")
    api.do(INTAKE, refused, "accept", {"accepted": False, "refusal_reasons": "Không thuộc thẩm quyền."})
    complaint(api, "to_cao")                                         # not yet accepted
    body = figures(api, (today(), today()))["complaints"]
    assert body["received"] == 2
    assert body["by_kind"] == {"khieu_nai": 1, "to_cao": 1, "kien_nghi": 0}
    assert body["by_outcome"] == {"khong_thu_ly": 1, "dung": 0, "dung_mot_phan": 0, "sai": 0,
                                  "da_tra_loi": 0, "dang_giai_quyet": 1}
    assert figures(api, (today(), today()), "VKS_TINH")["complaints"]["received"] == 0


@pytest.mark.parametrize("data, outcome", [
    ({}, "dang_giai_quyet"),
    ({"accepted": False}, "khong_thu_ly"),
    ({"accepted": True}, "dang_giai_quyet"),
    ({"accepted": True, "complaint_finding": "dung_mot_phan"}, "dung_mot_phan"),
    ({"accepted": True, "denunciation_finding": "sai"}, "sai"),
    ({"accepted": True, "answer_content": "Đã trả lời."}, "da_tra_loi"),
    ({"accepted": True, "complaint_finding": "sai", "appeal_accepted": False}, "sai"),
])
def test_complaint_outcome_reads_the_complaint_forms(data, outcome):
    assert complaint_outcome(data) == outcome


def test_percentile_is_nearest_rank():
    assert percentile([], 0.9) is None
    assert percentile([4], 0.9) == 4
    assert percentile([1, 5, 10, 73], 0.9) == 73
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile(list(range(1, 11)), 0.5) == 5
