"""The protection file and notifications, through the API."""
from __future__ import annotations

from workflow_app import clock

from ..support import INTAKE_OK, VERIFY_OK, decision_apply, request_data


def test_the_file_collects_request_intake_verification_and_decision(api):
    case = api.start("requester.tand_tinh", request_data())
    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    api.do("verifier.ca_tinh", case["id"], "verify", {**VERIFY_OK, "damage_record": "Kính xe bị đập vỡ."})
    api.do("leader.ca_tinh", case["id"], "decide", decision_apply(clock.local_now().date().isoformat()))
    response = api.get("requester.tand_tinh", f"/process-instances/{case['id']}/file")
    assert response.status_code == 200
    kinds = [e["kind"] for e in response.get_json()]
    assert kinds == ["de_nghi", "tiep_nhan", "xac_minh", "thiet_hai", "quyet_dinh_ap_dung", "thong_bao"]
    assert response.get_json()[1]["created_by"] == "intake_officer.ca_tinh"


def test_an_unrelated_agency_cannot_read_the_file(api):
    case = api.start("requester.tand_tinh", request_data())
    assert api.get("coordinator.ubnd_tinh", f"/process-instances/{case['id']}/file").status_code == 404
    assert api.get(None, f"/process-instances/{case['id']}/file").status_code == 401


def test_the_requester_is_notified_of_the_decision_and_others_are_not(api):
    case = api.start("requester.tand_tinh", request_data())
    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    api.do("verifier.ca_tinh", case["id"], "verify", VERIFY_OK)
    api.do("leader.ca_tinh", case["id"], "decide",
           {"decision_outcome": "tu_choi", "decision_reasons": "Không đủ căn cứ."})
    mine = api.get("requester.tand_tinh", "/notifications")
    assert mine.status_code == 200 and mine.headers["X-Total-Count"] == "1"
    assert "Không đủ căn cứ." in mine.get_json()[0]["message"]
    assert api.get("requester.vks_tinh", "/notifications").get_json() == []


def test_a_refused_change_keeps_the_measures_and_the_case_running(api):
    today = clock.local_now().date().isoformat()
    case = api.start("requester.tand_tinh", request_data())
    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    api.do("verifier.ca_tinh", case["id"], "verify", VERIFY_OK)
    api.do("leader.ca_tinh", case["id"], "decide", decision_apply(today))
    api.do("protection_officer.ca_tinh", case["id"], "execute", {
        "report_summary": "Người được bảo vệ đề nghị thêm biện pháp.", "situation": "on_dinh",
        "recommendation": "thay_doi"})
    api.do("leader.ca_tinh", case["id"], "review", {"review_action": "thay_doi",
                                                    "review_basis": "de_nghi_nguoi_duoc_bao_ve"})
    result = api.do("leader.ca_tinh", case["id"], "decide",
                    {"decision_outcome": "tu_choi", "decision_reasons": "Biện pháp hiện tại vẫn phù hợp."})
    assert result["process_instance"]["status"] == "running"
    assert [t["element_id"] for t in result["next_tasks"]] == ["execute"]
    assert result["process_instance"]["data"]["measures_active"] == ["canh_gac_bao_ve"]
    notices = [n["message"] for n in api.get("requester.tand_tinh", "/notifications").get_json()]
    assert any("được giữ nguyên" in n for n in notices)
