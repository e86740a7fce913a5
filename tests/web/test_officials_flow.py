"""One protection case from request to closure through the pages alone (Flask test client)."""
from __future__ import annotations

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import ProcessInstance

from ..browser.officials_helpers import (FORCE, HEAD, INTAKE, REQUESTER, VERIFIER, case_id_from, pages,  # noqa: F401
                                         start_form, task_id_in)


def today() -> str:
    return clock.local_now().date().isoformat()


def complete_in_inbox(pages, username, task_name, form):
    pages.login(username)
    inbox = pages.text(pages.get("/inbox"))
    assert task_name in inbox, inbox
    task_id = task_id_in(inbox, task_name)
    page = pages.get(f"/tasks/{task_id}")
    assert page.status_code == 200
    response = pages.post(f"/tasks/{task_id}", form)
    assert response.status_code == 302, pages.text(response)
    return response


def test_a_case_runs_from_request_to_closure_through_the_pages(pages):
    pages.login(REQUESTER)
    assert "Đề nghị mới" in pages.text(pages.get("/inbox"))
    form = pages.get("/start/protection_request")
    assert form.status_code == 200 and "Người được bảo vệ 1" in pages.text(form)
    response = pages.post("/start/protection_request", start_form())
    assert response.status_code == 302
    case_id = case_id_from(response)
    case_page = pages.text(pages.get(f"/cases/{case_id}"))
    assert "Đang xử lý" in case_page and "Tiếp nhận đề nghị" in case_page
    assert "Nguyễn Văn A" not in case_page                       # confidential: masked

    complete_in_inbox(pages, INTAKE, "Tiếp nhận đề nghị", {"intake_complete": "true", "competent_agency": "CA_TINH",
                                                          "missing_items": "", "intake_note": ""})
    complete_in_inbox(pages, VERIFIER, "Xác minh căn cứ đề nghị", {
        "grounds_confirmed": "true", "authenticity": "xac_thuc", "danger_level": "cao",
        "verification_findings": "Có căn cứ.", "damage_record": ""})
    complete_in_inbox(pages, HEAD, "Quyết định áp dụng biện pháp bảo vệ", [
        ("decision_outcome", "ap_dung"), ("decision_reasons", ""), ("measures-present", "1"),
        ("measures", "canh_gac_bao_ve"), ("covered_persons", ""), ("measures_start", today()),
        ("executing_agency", "CA_TINH"), ("is_complex-present", "1"), ("cooperating_agencies-present", "1"),
        ("decision_number", "12/QĐ")])
    complete_in_inbox(pages, FORCE, "Thực hiện biện pháp bảo vệ, báo cáo kết quả", {
        "report_summary": "Đã bố trí lực lượng.", "situation": "on_dinh", "incidents": "",
        "recommendation": "cham_dut"})
    complete_in_inbox(pages, HEAD, "Xem xét thay đổi, bổ sung, hủy bỏ biện pháp", {
        "review_action": "cham_dut", "review_basis": "bao_cao_luc_luong", "review_note": ""})
    response = complete_in_inbox(pages, HEAD, "Quyết định chấm dứt biện pháp bảo vệ", {
        "termination_reasons": "Nguy cơ không còn.", "termination_date": today()})
    assert response.headers["Location"].endswith(f"/cases/{case_id}")       # closed: to the case page

    assert db.session.get(ProcessInstance, case_id).status == "completed"
    case_page = pages.text(pages.get(f"/cases/{case_id}"))
    assert "Đã kết thúc" in case_page and "Hồ sơ kết thúc" in case_page
    assert "Quyết định áp dụng biện pháp bảo vệ" in case_page and "Quyết định chấm dứt" in case_page
