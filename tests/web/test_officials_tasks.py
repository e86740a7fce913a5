"""A task's page and the start of a case: the form drawn from the JSON Schema, Vietnamese
messages next to the fields with the values kept, and the states a task can be in."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from workflow_app.extensions import db
from workflow_app.models import HumanTask, ProcessInstance

from ..api.helpers import add_user, case_at, start, today
from ..browser.officials_helpers import (HEAD, INTAKE, REQUESTER, VERIFIER, case_id_from, pages,  # noqa: F401
                                         start_form)


def task_of(case_id: str, element_id: str) -> HumanTask:
    return db.session.query(HumanTask).filter_by(instance_id=case_id, element_id=element_id).one()


def instance_count() -> int:
    return db.session.execute(select(func.count()).select_from(ProcessInstance)).scalar_one()


def test_the_task_page_draws_the_form_beside_the_case(api, pages):
    case = case_at(api, "decide")
    task = task_of(case["id"], "decide")
    pages.login(HEAD)
    page = pages.text(pages.get(f"/tasks/{task.id}"))
    assert "<h1>Quyết định áp dụng biện pháp bảo vệ</h1>" in page
    # enum with few choices: radios; catalogue lists: checkboxes; a date; a long text; a yes/no checkbox
    assert 'type="radio" name="decision_outcome" value="ap_dung"' in page
    assert 'type="checkbox" name="measures" value="canh_gac_bao_ve"' in page
    assert 'type="checkbox" name="cooperating_agencies" value="VKS_TINH"' in page
    assert re.search(r'<input id="f-measures_start" name="measures_start" type="date"', page)
    assert '<textarea id="f-decision_reasons" name="decision_reasons"' in page
    assert 'type="checkbox" id="f-is_complex" name="is_complex"' in page
    assert '<label for="f-decision_number">Số quyết định</label>' in page
    assert "Bắt buộc khi từ chối; lý do được thông báo cho người đề nghị." in page      # help text
    # the case summary and the protection file beside it, confidential values masked
    assert "Tóm tắt hồ sơ" in page and "Hồ sơ bảo vệ" in page and "Kết quả xác minh căn cứ đề nghị" in page
    assert "••••••" in page and "Nguyễn Văn A" not in page
    assert "<script>" not in page and "onclick" not in page


def test_every_input_has_a_label(api, pages):
    pages.login(REQUESTER)
    page = pages.text(pages.get("/start/protection_request"))
    ids = re.findall(r'<(?:input|select|textarea)[^>]*\bid="(f-[^"]+)"', page)
    assert ids
    for field_id in ids:
        if "__i__" in field_id:
            continue
        assert f'for="{field_id}"' in page, field_id
    # radios and checkboxes sit inside their <label>, groups have a <legend>
    assert page.count("<legend>") >= 4


def test_a_refused_submission_shows_vietnamese_messages_and_keeps_the_values(api, pages):
    case = case_at(api, "decide")
    task = task_of(case["id"], "decide")
    pages.login(HEAD)
    response = pages.post(f"/tasks/{task.id}", [
        ("decision_outcome", "ap_dung"), ("decision_reasons", "Có nguy cơ thật."), ("measures-present", "1"),
        ("covered_persons", "1, 7"), ("measures_start", ""), ("executing_agency", "CA_TINH"),
        ("is_complex-present", "1"), ("is_complex", "true"), ("cooperating_agencies-present", "1"),
        ("cooperating_agencies", "CA_TINH"), ("decision_number", "15/QĐ-CA")])
    assert response.status_code == 422
    page = pages.text(response)
    assert "Biểu mẫu chưa hợp lệ" in page
    assert "Phải chọn ít nhất một biện pháp bảo vệ." in page
    assert "Phải có ngày bắt đầu áp dụng biện pháp bảo vệ." in page
    assert "Số thứ tự người được bảo vệ phải từ 1 đến 1." in page
    assert "Cơ quan chủ trì (cơ quan có thẩm quyền) không được đồng thời là cơ quan phối hợp." in page
    assert 'id="f-measures_start-error"' in page and 'aria-describedby="f-measures_start-help f-measures_start-error"' in page
    # what was typed is still there
    assert ">Có nguy cơ thật.</textarea>" in page and 'value="15/QĐ-CA"' in page and 'value="1, 7"' in page
    assert 'value="ap_dung" checked' in page and 'name="is_complex" value="true" checked' in page
    assert 'name="cooperating_agencies" value="CA_TINH" checked' in page
    assert task_of(case["id"], "decide").assignee is None          # nothing written


def test_a_required_yes_no_question_left_unanswered_is_named(api, pages):
    case = start(api)
    task = task_of(case["id"], "intake")
    pages.login(INTAKE)
    response = pages.post(f"/tasks/{task.id}", {"missing_items": "", "intake_note": "Ghi chú"})
    assert response.status_code == 422
    page = pages.text(response)
    assert 'id="f-intake_complete-error"' in page and "Trường này là bắt buộc." in page
    assert ">Ghi chú</textarea>" in page


def test_completing_a_task_moves_the_case_on_and_says_so(api, pages):
    case = start(api)
    task = task_of(case["id"], "intake")
    pages.login(INTAKE)
    response = pages.post(f"/tasks/{task.id}", {"intake_complete": "true", "competent_agency": "CA_TINH"})
    assert response.status_code == 302 and response.headers["Location"] == "/inbox"
    assert "Đã hoàn thành “Tiếp nhận đề nghị” của hồ sơ" in pages.text(pages.get("/inbox"))
    assert task_of(case["id"], "verify") is not None


def test_a_task_already_done_says_so_clearly(api, pages):
    case = start(api)
    task_id = task_of(case["id"], "intake").id
    api.do(INTAKE, case["id"], "intake", {"intake_complete": True})
    pages.login(INTAKE)
    response = pages.get(f"/tasks/{task_id}")
    assert response.status_code == 409
    page = pages.text(response)
    assert "Nhiệm vụ đã được hoàn thành hoặc không còn hiệu lực." in page
    assert "Đã được intake_officer.ca_tinh hoàn thành" in page and f"/cases/{case['id']}" in page
    # posting the old form again changes nothing
    assert pages.post(f"/tasks/{task_id}", {"intake_complete": "true"}).status_code == 409


def test_a_task_held_by_someone_else_is_read_only_with_a_message(api, pages):
    add_user("intake_officer2.ca_tinh", ["intake_officer"], "CA_TINH")
    case = start(api)
    task = task_of(case["id"], "intake")
    api.post("intake_officer2.ca_tinh", f"/tasks/{task.id}/claim")
    pages.login(INTAKE)
    page = pages.text(pages.get(f"/tasks/{task.id}"))
    assert "Nhiệm vụ này đang do intake_officer2.ca_tinh xử lý." in page and "Hoàn thành nhiệm vụ" not in page
    response = pages.post(f"/tasks/{task.id}", {"intake_complete": "true"})
    assert response.status_code == 409 and "Nhiệm vụ đang do intake_officer2.ca_tinh xử lý." in pages.text(response)
    # the head may take it back
    pages.login(HEAD)
    assert "Thu hồi, trả lại nhóm" in pages.text(pages.get(f"/tasks/{task.id}"))


def test_a_task_of_another_role_is_shown_without_its_form(api, pages):
    case = start(api)
    task = task_of(case["id"], "intake")
    pages.login(VERIFIER)
    page = pages.text(pages.get(f"/tasks/{task.id}"))
    assert "Bạn không được giao xử lý nhiệm vụ này." in page and 'name="intake_complete"' not in page
    response = pages.post(f"/tasks/{task.id}", {"intake_complete": "true"})
    assert response.status_code == 403


def test_an_outsider_gets_not_found_for_a_task(api, pages):
    case = start(api)
    task = task_of(case["id"], "intake")
    pages.login("intake_officer.vks_tinh")
    assert pages.get(f"/tasks/{task.id}").status_code == 404
    assert pages.post(f"/tasks/{task.id}", {"intake_complete": "true"}).status_code == 404
    assert pages.get("/tasks/no-such-task").status_code == 404


def test_posting_a_task_needs_the_csrf_token(api, pages):
    case = start(api)
    task = task_of(case["id"], "intake")
    pages.login(INTAKE)
    assert pages.post(f"/tasks/{task.id}", {"intake_complete": "true"}, csrf=False).status_code == 400
    assert task_of(case["id"], "intake") is not None


def test_the_start_form_without_javascript_adds_and_removes_protected_persons(pages):
    pages.login(REQUESTER)
    response = pages.post("/start/protection_request", start_form(_add="protected_persons"))
    page = pages.text(response)
    assert response.status_code == 200 and "Người được bảo vệ 2" in page
    assert 'name="protected_persons-1-full_name"' in page and 'value="Nguyễn Văn A"' in page
    response = pages.post("/start/protection_request", start_form(**{
        "_remove": "protected_persons-0", "protected_persons-1-full_name": "Trần B",
        "protected_persons-1-relation": "con"}))
    page = pages.text(response)
    assert 'value="Trần B"' in page and "Nguyễn Văn A" not in page and "Người được bảo vệ 2" not in page
    assert instance_count() == 0                                # neither button starts a case


def test_a_started_case_holds_what_was_posted(pages):
    pages.login(REQUESTER)
    response = pages.post("/start/protection_request", start_form(**{
        "protected_persons-1-full_name": "Trần Thị B", "protected_persons-1-relation": "con",
        "requested_measures": ["canh_gac_bao_ve", "giu_bi_mat_thong_tin"]}))
    instance = db.session.get(ProcessInstance, case_id_from(response))
    data = instance.data
    assert data["threat_types"] == ["de_doa"] and data["requested_measures"] == ["canh_gac_bao_ve", "giu_bi_mat_thong_tin"]
    assert len(data["protected_persons"]) == 2 and data["protected_persons"][0]["position"] == "Thẩm phán"
    assert data["requester_agency"] == "TAND_TINH" and data["requested_by"] == REQUESTER


def test_an_emergency_request_by_phone_needs_its_minutes(pages):
    pages.login(INTAKE)                       # an intake officer records an oral request
    form = start_form(request_kind="khan_cap", channel="dien_thoai")
    response = pages.post("/start/protection_request", form)
    assert response.status_code == 422
    assert "Đề nghị trực tiếp hoặc qua điện thoại phải có biên bản ghi nhận." in pages.text(response)
    response = pages.post("/start/protection_request", start_form(
        request_kind="khan_cap", channel="dien_thoai", minutes="Biên bản ghi nhận lúc 22 giờ."))
    assert response.status_code == 302
    case_page = pages.text(pages.get(response.headers["Location"]))
    assert "Quyết định áp dụng biện pháp bảo vệ" in case_page     # an emergency goes straight to the head
    assert "Biên bản ghi nhận đề nghị bằng lời nói/điện thoại" in case_page


def test_who_may_start_a_case(pages):
    pages.login(VERIFIER)
    assert "/start/protection_request" not in pages.text(pages.get("/start"))
    assert pages.get("/start/protection_request").status_code == 404
    assert 'href="/start"' not in pages.text(pages.get("/inbox"))
    pages.login(REQUESTER)
    assert pages.post("/start/protection_request", start_form(), csrf=False).status_code == 400
    assert instance_count() == 0
    assert pages.get("/start/no_such_process").status_code == 404


def test_the_decision_form_takes_today_as_a_date(api, pages):
    case = case_at(api, "decide")
    task = task_of(case["id"], "decide")
    pages.login(HEAD)
    response = pages.post(f"/tasks/{task.id}", [
        ("decision_outcome", "ap_dung"), ("measures-present", "1"), ("measures", "canh_gac_bao_ve"),
        ("covered_persons", ""), ("measures_start", today()), ("executing_agency", "CA_TINH"),
        ("is_complex-present", "1"), ("cooperating_agencies-present", "1"), ("decision_number", "")])
    assert response.status_code == 302
    instance = db.session.get(ProcessInstance, case["id"])
    assert instance.data["measures_start"] == today() and instance.data["covered_persons"] == [1]
    assert instance.data["is_complex"] is False
