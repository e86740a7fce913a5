"""The inbox page: tabs with counts, due dates, claim / release / assign, search, pages."""
from __future__ import annotations

import re
from datetime import timedelta

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import HumanTask

from ..api.helpers import add_user, advance, case_at, start
from ..browser.officials_helpers import HEAD, INTAKE, REQUESTER, VERIFIER, pages  # noqa: F401


def tab_counts(page: str) -> dict[str, int]:
    return {title: int(count) for title, count in
            re.findall(r'<a href="/inbox\?tab=[a-z]+[^"]*"[^>]*>\s*([^<]+?) <span class="count">(\d+)</span>', page)}


def intake_task(case_id: str) -> HumanTask:
    return db.session.query(HumanTask).filter_by(instance_id=case_id, element_id="intake").one()


def test_the_tabs_count_my_tasks_my_roles_my_agency_and_the_overdue(api, pages):
    first, second = start(api), start(api)
    case_at(api, "verify")
    pages.login(INTAKE)
    page = pages.text(pages.get("/inbox"))
    assert tab_counts(page) == {"Của tôi": 0, "Vai trò của tôi": 2, "Cơ quan": 3, "Quá hạn": 0}
    assert first["case_number"] in page and second["case_number"] in page
    pages.post(f"/tasks/{intake_task(first['id']).id}/claim")
    page = pages.text(pages.get("/inbox?tab=mine"))
    assert tab_counts(page)["Của tôi"] == 1 and first["case_number"] in page and second["case_number"] not in page
    agency = pages.text(pages.get("/inbox?tab=agency"))
    assert "Xác minh căn cứ đề nghị" in agency                # another role of my agency, shown
    assert 'href="/tasks/' not in agency.split("Xác minh căn cứ đề nghị")[0][-200:]   # but not mine to open


def test_tasks_are_sorted_by_due_date_and_overdue_ones_are_marked_in_words(api, pages):
    older = start(api)
    advance(api, timedelta(hours=30))
    newer = start(api)
    pages.login(INTAKE)
    page = pages.text(pages.get("/inbox"))
    assert page.index(older["case_number"]) < page.index(newer["case_number"])
    assert "Quá hạn</span>" not in page and "Sắp đến hạn</span>" not in page

    clock.advance(timedelta(hours=20))                         # the older one is due within 24 h
    page = pages.text(pages.get("/inbox"))
    assert page.count('<tr class="due-soon">') == 1 and "Sắp đến hạn</span>" in page

    clock.advance(timedelta(hours=24))                         # the older one is overdue now
    page = pages.text(pages.get("/inbox"))
    assert '<tr class="overdue">' in page and '<span class="tag tag-overdue">Quá hạn</span>' in page
    overdue = pages.text(pages.get("/inbox?tab=overdue"))
    assert tab_counts(overdue)["Quá hạn"] == 1
    assert older["case_number"] in overdue and newer["case_number"] not in overdue


def test_claim_and_release_from_the_inbox(api, pages):
    case = start(api)
    task = intake_task(case["id"])
    pages.login(INTAKE)
    response = pages.post(f"/tasks/{task.id}/claim", {"next": "/inbox?tab=mine"})
    assert response.status_code == 302 and response.headers["Location"] == "/inbox?tab=mine"
    page = pages.text(pages.get("/inbox?tab=mine"))
    assert "Bạn đã nhận xử lý nhiệm vụ “Tiếp nhận đề nghị”." in page and "Trả lại" in page
    assert intake_task(case["id"]).assignee == INTAKE
    pages.post(f"/tasks/{task.id}/release")
    assert intake_task(case["id"]).assignee is None
    assert "Đã trả lại nhiệm vụ" in pages.text(pages.get("/inbox"))


def test_a_task_held_by_someone_else_cannot_be_claimed(api, pages):
    add_user("intake_officer2.ca_tinh", ["intake_officer"], "CA_TINH")
    case = start(api)
    task = intake_task(case["id"])
    pages.login("intake_officer2.ca_tinh")
    pages.post(f"/tasks/{task.id}/claim")
    pages.login(INTAKE)
    assert case["case_number"] not in pages.text(pages.get("/inbox"))     # not for my group any more
    page = pages.text(pages.get("/inbox?tab=agency"))
    assert "intake_officer2.ca_tinh" in page and f"/tasks/{task.id}/claim" not in page
    pages.post(f"/tasks/{task.id}/claim")
    page = pages.text(pages.get("/inbox"))
    assert "Nhiệm vụ đang do intake_officer2.ca_tinh xử lý." in page and 'class="flash flash-error"' in page
    assert intake_task(case["id"]).assignee == "intake_officer2.ca_tinh"


def test_actions_need_the_csrf_token(api, pages):
    case = start(api)
    task = intake_task(case["id"])
    pages.login(INTAKE)
    assert pages.post(f"/tasks/{task.id}/claim", csrf=False).status_code == 400
    assert pages.post(f"/tasks/{task.id}/release", csrf=False).status_code == 400
    assert intake_task(case["id"]).assignee is None


def test_the_head_assigns_a_task_to_a_named_eligible_official(api, pages):
    add_user("intake_officer2.ca_tinh", ["intake_officer"], "CA_TINH")
    case = start(api)
    task = intake_task(case["id"])
    pages.login(HEAD)
    page = pages.text(pages.get("/inbox?tab=agency"))
    select = page.split(f'id="assign-{task.id}"')[1].split("</select>")[0]
    assert re.findall(r'value="([^"]+)"', select) == ["intake_officer.ca_tinh", "intake_officer2.ca_tinh"]
    assert f'<label for="assign-{task.id}" class="sr-only">' in page
    response = pages.post(f"/tasks/{task.id}/assign", {"username": "intake_officer2.ca_tinh", "next": "/inbox?tab=agency"})
    assert response.headers["Location"] == "/inbox?tab=agency"
    assert intake_task(case["id"]).assignee == "intake_officer2.ca_tinh"
    assert "Đã giao nhiệm vụ “Tiếp nhận đề nghị” cho intake_officer2.ca_tinh." in pages.text(pages.get("/inbox"))
    # Someone not eligible (another role) is refused, with the reason.
    pages.post(f"/tasks/{task.id}/assign", {"username": VERIFIER})
    assert "Người này không đủ điều kiện xử lý nhiệm vụ." in pages.text(pages.get("/inbox"))
    assert intake_task(case["id"]).assignee == "intake_officer2.ca_tinh"


def test_only_heads_may_assign(api, pages):
    case = start(api)
    task = intake_task(case["id"])
    pages.login(INTAKE)
    assert f"/tasks/{task.id}/assign" not in pages.text(pages.get("/inbox"))
    pages.post(f"/tasks/{task.id}/assign", {"username": INTAKE})
    assert "Chỉ thủ trưởng cơ quan được giao nhiệm vụ." in pages.text(pages.get("/inbox"))
    assert intake_task(case["id"]).assignee is None


def test_an_outsider_acting_on_a_task_is_told_it_does_not_exist(api, pages):
    case = start(api)
    pages.login("intake_officer.vks_tinh")
    pages.post(f"/tasks/{intake_task(case['id']).id}/claim")
    assert "Không tìm thấy nhiệm vụ." in pages.text(pages.get("/inbox"))
    assert intake_task(case["id"]).assignee is None


def test_search_by_case_number(api, pages):
    first, second = start(api), start(api)
    pages.login(INTAKE)
    page = pages.text(pages.get(f"/inbox?q={second['case_number'][-3:]}"))
    assert second["case_number"] in page and first["case_number"] not in page
    assert tab_counts(page)["Vai trò của tôi"] == 1 and "Bỏ lọc" in page


def test_pages_of_tasks(api, pages, monkeypatch):
    from workflow_app.web import officials
    monkeypatch.setattr(officials, "PER_PAGE", 2)
    cases = [start(api) for _ in range(3)]
    pages.login(INTAKE)
    first = pages.text(pages.get("/inbox"))
    assert "Trang 1 / 2" in first and 'rel="next"' in first and cases[2]["case_number"] not in first
    second = pages.text(pages.get("/inbox?tab=group&page=2"))
    assert "Trang 2 / 2" in second and cases[2]["case_number"] in second and 'rel="prev"' in second


def test_the_requester_has_an_empty_inbox_but_may_start_a_request(pages):
    pages.login(REQUESTER)
    page = pages.text(pages.get("/inbox"))
    assert "Không có nhiệm vụ." in page and 'href="/start"' in page
