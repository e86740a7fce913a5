"""The designers' pages and their JSON actions (session login + CSRF): drafts, validate,
deploy with a comment, versions and the diff between two versions."""
from __future__ import annotations

import re

import pytest
from flask import g
from sqlalchemy import func, select

from workflow_app.extensions import db
from workflow_app.models import ProcessModelDraft

from ..web.test_login_and_pages import csrf_of, login
from .helpers import AUDITOR, DESIGNER, HEAD, REQUESTER, VERIFY_NAME, VERIFY_RENAMED, bpmn_xml, replaced

PR = "protection_request"


class PageClient:
    """The test client signed in through the login page. Test requests share the fixture's
    app context (and so `g`): after each one, end the session as a real request would and
    forget the cached login user, so the next request loads it again."""

    def __init__(self, client):
        self.client = client
        self.token = None

    def _done(self, response):
        db.session.remove()
        g.pop("_login_user", None)
        return response

    def get(self, path, **kw):
        return self._done(self.client.get(path, **kw))

    def post(self, path, **kw):
        return self._done(self.client.post(path, **kw))

    def post_json(self, path, body, with_csrf=True):
        headers = {"X-CSRFToken": self.token} if with_csrf else {}
        return self.post(f"/designer{path}", json=body, headers=headers)


@pytest.fixture
def designer(client):
    page = PageClient(client)
    assert page._done(login(client, DESIGNER)).status_code == 302
    page.token = csrf_of(page.get("/designer/"))
    return page


def drafts_count() -> int:
    return db.session.execute(select(func.count()).select_from(ProcessModelDraft)).scalar_one()


@pytest.mark.parametrize("user", [HEAD, REQUESTER, AUDITOR])
@pytest.mark.parametrize("path", ["/designer/", f"/designer/modeler?model={PR}", "/designer/modeler?new=1",
                                  f"/designer/models/{PR}/versions", f"/designer/models/{PR}/versions/1.bpmn",
                                  "/designer/reference.json", "/designer/template.bpmn"])
def test_designer_pages_are_403_for_others(client, user, path):
    login(client, user)
    response = client.get(path)
    assert response.status_code == 403
    assert "Thiết kế quy trình" not in client.get("/cases").get_data(as_text=True)


def test_the_pages_need_a_login(client):
    assert client.get("/designer/").status_code == 302


def test_a_designer_sees_the_processes_and_opens_the_modeler(designer):
    page = designer.get("/designer/").get_data(as_text=True)
    assert "Thiết kế quy trình" in page and "Xử lý đề nghị áp dụng biện pháp bảo vệ" in page
    modeler = designer.get(f"/designer/modeler?model={PR}")
    assert modeler.status_code == 200
    html = modeler.get_data(as_text=True)
    assert f'data-source="/designer/models/{PR}/versions/1.bpmn"' in html
    assert "<script>" not in html                                  # strict CSP: no inline script
    assert designer.get(f"/designer/models/{PR}/versions/1.bpmn").data == bpmn_xml()
    assert designer.get(f"/designer/modeler?model={PR}&version=7").status_code == 404


def test_reference_lists_roles_forms_handlers_and_processes(designer):
    ref = designer.get("/designer/reference.json").get_json()
    assert {"id": "verifier", "title": "Cán bộ xác minh"} in ref["roles"]
    assert "auditor" not in [r["id"] for r in ref["roles"]]
    assert "protection_request.intake" in [f["key"] for f in ref["forms"]]
    assert "record_decision" in [h["name"] for h in ref["handlers"]]
    assert {"id": PR, "name": "Xử lý đề nghị áp dụng biện pháp bảo vệ"} in ref["processes"]


def test_the_template_of_a_new_process_is_valid(designer):
    xml = designer.get("/designer/template.bpmn?key=ab12").data
    assert b'id="quy_trinh_moi_ab12"' in xml
    body = designer.post_json("/api/validate", {"xml": xml.decode()}).get_json()
    assert body == {"process_id": "quy_trinh_moi_ab12", "valid": True, "problems": []}


def test_drafts_are_saved_listed_reopened_and_deleted(designer):
    xml = replaced(bpmn_xml(), VERIFY_NAME, VERIFY_RENAMED).decode()
    saved = designer.post_json("/api/drafts", {"xml": xml, "comment": "Đổi tên bước xác minh"})
    assert saved.status_code == 200
    draft_id = saved.get_json()["id"]
    assert saved.get_json()["url"] == f"/designer/modeler?draft={draft_id}"
    row = db.session.get(ProcessModelDraft, draft_id)
    assert (row.process_model_id, row.author, row.comment) == (PR, DESIGNER, "Đổi tên bước xác minh")
    again = designer.post_json("/api/drafts", {"xml": xml + "\n", "comment": "Lần 2", "draft_id": draft_id})
    assert again.get_json()["id"] == draft_id and drafts_count() == 1
    assert designer.get(f"/designer/drafts/{draft_id}.bpmn").data.decode() == xml + "\n"
    index = designer.get("/designer/").get_data(as_text=True)
    assert "Lần 2" in index and f"/designer/modeler?draft={draft_id}" in index
    assert designer.get(f"/designer/modeler?draft={draft_id}").status_code == 200
    token = csrf_of(designer.get("/designer/"))
    assert designer.post(f"/designer/drafts/{draft_id}/delete", data={"csrf_token": token}).status_code == 302
    assert drafts_count() == 0


def test_a_draft_of_a_new_process_has_no_model_and_may_be_broken(designer):
    saved = designer.post_json("/api/drafts", {"xml": "<bpmn:definitions>đang vẽ dở"})
    assert saved.status_code == 200
    assert db.session.get(ProcessModelDraft, saved.get_json()["id"]).process_model_id is None
    assert designer.post_json("/api/drafts", {"xml": "  "}).status_code == 422


def test_actions_need_the_csrf_token(designer):
    assert designer.post_json("/api/drafts", {"xml": "<x/>"}, with_csrf=False).status_code == 400
    assert designer.post_json("/api/validate", {"xml": "<x/>"}, with_csrf=False).status_code == 400
    assert drafts_count() == 0


def test_validate_returns_the_problems_with_their_elements(designer):
    xml = replaced(bpmn_xml(), 'value="register_request"', 'value="xu_ly_ma"').decode()
    body = designer.post_json("/api/validate", {"xml": xml}).get_json()
    assert body["valid"] is False
    assert body["problems"] == [{"element_id": "intake", "message": "Bộ xử lý 'xu_ly_ma' không tồn tại."}]


def test_deploying_needs_a_comment_then_makes_a_version_and_drops_the_draft(designer, api):
    xml = replaced(bpmn_xml(), VERIFY_NAME, VERIFY_RENAMED).decode()
    draft_id = designer.post_json("/api/drafts", {"xml": xml}).get_json()["id"]
    no_comment = designer.post_json("/api/deploy", {"xml": xml, "draft_id": draft_id})
    assert no_comment.status_code == 422 and "comment" in no_comment.get_json()["errors"]["json"]
    response = designer.post_json("/api/deploy", {"xml": xml, "comment": "Đổi tên bước xác minh", "draft_id": draft_id})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["process_id"], body["version"], body["created"]) == (PR, 2, True)
    assert drafts_count() == 0
    versions = api.get(DESIGNER, f"/process-models/{PR}/versions").get_json()
    assert [(v["version"], v["deployed_by"]) for v in versions] == [(1, "system"), (2, DESIGNER)]
    same = designer.post_json("/api/deploy", {"xml": xml, "comment": "lại"})
    assert (same.status_code, same.get_json()["version"], same.get_json()["created"]) == (200, 2, False)


def test_deploying_a_broken_diagram_is_422_with_problems(designer):
    xml = replaced(bpmn_xml(), 'lane_verifier', 'lane_phu_thuy').decode()
    response = designer.post_json("/api/deploy", {"xml": xml, "comment": "thử"})
    assert response.status_code == 422
    assert {"element_id": "verify", "message": "Vai trò 'phu_thuy' không tồn tại."} in response.get_json()["problems"]


def test_versions_page_and_diff_name_what_changed(designer):
    xml = replaced(replaced(bpmn_xml(), VERIFY_NAME, VERIFY_RENAMED),
                   '<spiffworkflow:property name="intake_days" value="3" />',
                   '<spiffworkflow:property name="intake_days" value="5" />').decode()
    assert designer.post_json("/api/deploy", {"xml": xml, "comment": "Thời hạn tiếp nhận 5 ngày"}).status_code == 201
    page = designer.get(f"/designer/models/{PR}/versions").get_data(as_text=True)
    assert "Thời hạn tiếp nhận 5 ngày" in page and DESIGNER in page
    assert re.search(r'<tr id="v2">.*?mới nhất', page, re.S)
    diff = designer.get(f"/designer/models/{PR}/diff?from=1&to=2").get_data(as_text=True)
    assert "Thay đổi từ phiên bản 1 đến phiên bản 2" in diff
    assert "intake_days" in diff and "Xác minh căn cứ và tính xác thực của đề nghị" in diff
    assert designer.get(f"/designer/models/{PR}/diff?from=1&to=9").status_code == 404


def test_dry_run_from_the_page(designer):
    body = designer.post_json("/api/dry-run", {"bpmn": bpmn_xml().decode(),
                                               "data": {"request_kind": "khan_cap"}}).get_json()
    assert body["path"] == ["start", "gw_kind"] and body["waiting_on"] == ["decide"]


def test_a_new_process_from_the_template_is_deployed_and_started(designer, api):
    xml = designer.get("/designer/template.bpmn?key=cd34").data.decode()
    draft = designer.post_json("/api/drafts", {"xml": xml, "comment": "Quy trình mới"}).get_json()
    assert db.session.get(ProcessModelDraft, draft["id"]).process_model_id is None
    response = designer.post_json("/api/deploy", {"xml": xml, "comment": "Quy trình mới", "draft_id": draft["id"]})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["version"] == 1 and drafts_count() == 0
    case = api.start(HEAD, {"instruction": "Bắt đầu xử lý"}, process_model="quy_trinh_moi_cd34")
    assert (case["status"], case["model_version"]) == ("running", 1)
    assert [t["element_id"] for t in case["active_tasks"]] == ["handle"]
