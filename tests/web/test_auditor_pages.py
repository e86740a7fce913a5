"""The auditors' pages: search across cases, a case's history and path, exports, integrity.

Through the pages as an auditor would use them (session login, CSRF), checking what the pages
say, that each view and export is itself recorded, and that nobody else gets in.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import timedelta

import pytest
from flask import g
from flask.testing import FlaskClient
from sqlalchemy import select, text

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import AuditEvent, AuditHead
from workflow_app.services.timers import fire_due

from ..api.helpers import (AUDITOR, DESIGNER, HEAD, INTAKE, MONITOR, REQUESTER, SECRETS, VERIFIER, advance,
                           case_at, post_bpmn, start, without_append_only_guard)
from ..support import INTAKE_OK

TIMEOUT_PROBE = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core"
                  id="defs_timeout" targetNamespace="http://example.org/test">
  <bpmn:process id="timeout_probe" name="Quy trình thử hết hạn" isExecutable="true">
    <bpmn:laneSet id="lanes">
      <bpmn:lane id="lane_requester" name="Người đề nghị"><bpmn:flowNodeRef>begin</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="lane_verifier" name="Cán bộ xác minh"><bpmn:flowNodeRef>work</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="lane_leader" name="Thủ trưởng"><bpmn:flowNodeRef>chase</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="begin" name="Bắt đầu">
      <bpmn:extensionElements><spiffworkflow:properties>
        <spiffworkflow:property name="formKey" value="common.escalation"/>
      </spiffworkflow:properties></bpmn:extensionElements>
      <bpmn:outgoing>f1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="begin" targetRef="route"/>
    <bpmn:scriptTask id="route" name="Chọn cơ quan">
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:script>competent_agency = "CA_TINH"</bpmn:script>
    </bpmn:scriptTask>
    <bpmn:sequenceFlow id="f2" sourceRef="route" targetRef="work"/>
    <bpmn:userTask id="work" name="Xử lý">
      <bpmn:extensionElements><spiffworkflow:properties>
        <spiffworkflow:property name="formKey" value="common.escalation"/>
      </spiffworkflow:properties></bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:boundaryEvent id="late" name="Hết hạn" attachedToRef="work" cancelActivity="true">
      <bpmn:outgoing>f4</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDuration>hours(1)</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="done"/>
    <bpmn:endEvent id="done"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="late" targetRef="chase"/>
    <bpmn:userTask id="chase" name="Đôn đốc">
      <bpmn:extensionElements><spiffworkflow:properties>
        <spiffworkflow:property name="formKey" value="common.escalation"/>
      </spiffworkflow:properties></bpmn:extensionElements>
      <bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f5" sourceRef="chase" targetRef="chased"/>
    <bpmn:endEvent id="chased"><bpmn:incoming>f5</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>
""".encode()


def end_request() -> None:
    """What the end of a real request does. Test requests share the fixture's app context, so
    the signed-in user Flask-Login caches in `g` would outlive the session it was loaded in."""
    db.session.remove()
    g.pop("_login_user", None)


class PageClient(FlaskClient):
    """A test client whose every request ends as a real one does."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        end_request()
        return response


@pytest.fixture
def client(app):
    return PageClient(app, app.response_class, use_cookies=True)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client, username, password="baove183"):
    token = csrf_of(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
    assert response.status_code == 302, response.status_code
    end_request()
    return client


@pytest.fixture
def auditor(client):
    return login(client, AUDITOR)


def page(client, url, status=200) -> str:
    response = client.get(url)
    end_request()
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def last_event(kind: str) -> AuditEvent:
    end_request()
    return db.session.execute(select(AuditEvent).where(AuditEvent.type == kind)
                              .order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()


def head_now() -> tuple[int, str]:
    end_request()
    row = db.session.get(AuditHead, 1)
    return row.seq, row.hash


def local_day(delta_days: int = 0) -> str:
    return (clock.local_now() + timedelta(days=delta_days)).strftime("%d/%m/%Y")


def token_of(client) -> str:
    """The session's CSRF token, from a page that records nothing in the log."""
    return csrf_of(page(client, "/audit/exports"))


def request_export(client, url: str, token: str | None = None, **form) -> str:
    """Post an export form as the pages do; returns the id of the export it created."""
    response = client.post(url, data={"csrf_token": token or token_of(client), **form})
    end_request()
    assert response.status_code == 302, (url, response.status_code)
    match = re.fullmatch(r"/audit/exports/([0-9a-f]{32})", response.headers["Location"])
    assert match, response.headers["Location"]
    return match.group(1)


def download(client, export_id: str):
    """The export's page says it is ready (inline jobs ran at the commit); its file."""
    end_request()                                   # no snapshot of the test's own reads left open
    html = page(client, f"/audit/exports/{export_id}")
    assert "Tệp đã sẵn sàng" in html and f'href="/audit/exports/{export_id}/download"' in html
    response = client.get(f"/audit/exports/{export_id}/download")
    end_request()
    assert response.status_code == 200, response.status_code
    return response


# -- who gets in ------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["/audit/", "/audit/integrity", "/audit/exports", "/audit/head.png"])
@pytest.mark.parametrize("user", [MONITOR, HEAD, DESIGNER, "admin"])
def test_only_auditors_open_the_pages(client, user, url):
    login(client, user)
    assert client.get(url).status_code == 403
    assert "Kiểm toán" not in page(client, "/cases")                  # and no link to them


@pytest.mark.parametrize("user", [MONITOR, "admin"])
def test_only_auditors_ask_for_exports(client, user):
    login(client, user)
    token = csrf_of(page(client, "/cases"))
    assert client.post("/audit/export.csv", data={"csrf_token": token}).status_code == 403


def test_case_pages_are_403_to_others_even_for_their_own_case(client, api):
    case = start(api)
    login(client, HEAD)
    for url in (f"/audit/cases/{case['id']}", f"/audit/cases/{case['id']}/path.json"):
        assert client.get(url).status_code == 403
    token = csrf_of(page(client, "/cases"))
    assert client.post(f"/audit/cases/{case['id']}/export.pdf", data={"csrf_token": token}).status_code == 403


def test_the_pages_need_a_login(client):
    response = client.get("/audit/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


# -- search -----------------------------------------------------------------------------------
def test_the_auditor_finds_any_case_by_its_number(auditor, api):
    case = start(api)
    html = page(auditor, "/audit/")
    assert 'href="/audit/"' in html and ">Kiểm toán<" in html          # the navigation link
    html = page(auditor, f"/audit/?case_number={case['case_number']}")
    assert f'href="/audit/cases/{case["id"]}"' in html
    assert "Hồ sơ có sự kiện khớp (1)" in html
    assert "Khởi tạo hồ sơ" in html and "Nhiệm vụ sẵn sàng" in html
    viewed = last_event("audit_viewed")
    assert viewed.actor_username == AUDITOR and viewed.instance_id is None
    assert viewed.data == {"what": "search", "via": "web", "filters": {"case_number": case["case_number"]},
                           "page": 1}


def test_search_by_agency_process_actor_and_type(auditor, api):
    case = start(api)
    api.do(INTAKE, case["id"], "intake", INTAKE_OK)
    by_agency = page(auditor, "/audit/?agency=CA_TINH&type=task_completed")
    assert case["case_number"] in by_agency and "Hoàn thành nhiệm vụ" in by_agency
    assert "Hồ sơ có sự kiện khớp (0)" in page(auditor, "/audit/?agency=VKS_TINH")
    assert "Sự kiện (0)" in page(auditor, "/audit/?process_model=incident_probe")
    by_process = page(auditor, "/audit/?process_model=protection_request&type=task_completed")
    assert "Sự kiện (1)" in by_process
    by_actor = page(auditor, "/audit/?actor=intake_officer&type=task_completed")
    assert "Sự kiện (1)" in by_actor and INTAKE in by_actor
    assert "Sự kiện (0)" in page(auditor, f"/audit/?actor={VERIFIER}&type=task_completed")


def test_search_by_date_range_in_dd_mm_yyyy(auditor, api):
    case = start(api)
    today, tomorrow, yesterday = local_day(), local_day(1), local_day(-1)
    assert case["case_number"] in page(auditor, f"/audit/?from_date={today}&to_date={today}&type=instance_started")
    assert "Sự kiện (0)" in page(auditor, f"/audit/?to_date={yesterday}&type=instance_started")
    assert "Sự kiện (0)" in page(auditor, f"/audit/?from_date={tomorrow}&type=instance_started")
    filters = last_event("audit_viewed").data["filters"]
    assert set(filters) == {"since", "type"}


def test_a_bad_date_is_told_in_vietnamese(auditor):
    html = page(auditor, "/audit/?from_date=2026-03-05&to_date=31/02/2026")
    assert html.count("Ngày phải theo dạng dd/mm/yyyy") == 2
    assert 'aria-invalid="true"' in html
    html = page(auditor, f"/audit/?from_date={local_day()}&to_date={local_day(-3)}")
    assert "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." in html


def test_search_pages_through_results(auditor, api):
    for _ in range(12):
        start(api)
    html = page(auditor, "/audit/?type=task_ready&order=asc")
    assert "Trang 1/1" not in html                                   # 12 ready events fit one page
    html = page(auditor, "/audit/")
    assert "Trang 1/" in html and 'rel="next"' in html
    assert 'rel="prev"' in page(auditor, "/audit/?page=2")


# -- a case ----------------------------------------------------------------------------------
def test_history_page_shows_the_timeline_and_loads_the_diagram_statically(auditor, api):
    case = case_at(api, "verify")
    html = page(auditor, f"/audit/cases/{case['id']}")
    assert f"Lịch sử hồ sơ {case['case_number']}" in html
    assert "Hoàn thành nhiệm vụ" in html and "Rẽ nhánh" in html and INTAKE in html
    assert f'data-path-url="/audit/cases/{case["id"]}/path.json"' in html
    assert "<script>" not in html and "onclick" not in html             # strict CSP: static scripts only
    assert "js/auditors/history.js" in html and "bpmn-navigated-viewer" in html
    assert "css/auditors.css" in html
    for label in ("Đã xong", "Đang xử lý", "Đã hủy", "Hết hạn", "Sự cố", "Quá hạn"):
        assert label in html                                          # the legend, in words
    viewed = last_event("audit_viewed")
    assert viewed.data["what"] == "case_history" and viewed.data["case_number"] == case["case_number"]
    assert not any(secret in html for secret in SECRETS)


def test_path_json_marks_the_path_taken_and_the_open_task(auditor, api):
    case = case_at(api, "verify")
    response = auditor.get(f"/audit/cases/{case['id']}/path.json")
    end_request()
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    view = response.get_json()
    elements = view["elements"]
    assert elements["intake"]["state"] == "completed" and elements["verify"]["state"] == "active"
    assert elements["gw_intake"]["state"] == "completed"
    assert view["diagrams"][0]["process_id"] == "protection_request"
    assert view["diagrams"][0]["url"] == f"/audit/cases/{case['id']}/diagram/protection_request.bpmn"
    flows = set(view["flows"])
    assert {"flow_gw_kind_intake", "flow_gw_intake_verify"} <= flows
    assert not any("verify" in f and f.startswith("flow_verify") for f in flows)   # not left yet
    intake_events = [view["events"][str(s)]["type"] for s in elements["intake"]["seqs"]]
    assert intake_events[0] == "task_ready" and "task_completed" in intake_events
    completed = [view["events"][str(s)] for s in elements["intake"]["seqs"]
                 if view["events"][str(s)]["type"] == "task_completed"][0]
    assert completed["actor"] == INTAKE and completed["data"]["changes"]["intake_complete"]["to"] is True
    assert last_event("audit_viewed").data["what"] == "case_diagram"
    xml = auditor.get(view["diagrams"][0]["url"])
    assert xml.status_code == 200 and xml.mimetype == "application/xml" and b'id="verify"' in xml.data
    assert auditor.get(f"/audit/cases/{case['id']}/diagram/khong_co.bpmn").status_code == 404


def test_a_cancelled_case_shows_cancelled_tasks_and_a_fired_deadline(auditor, api):
    case = start(api)
    advance(api, timedelta(days=3, minutes=1))
    assert fire_due() == 1
    assert api.post(HEAD, f"/process-instances/{case['id']}/cancel", json={"reason": "Rút đơn."}).status_code == 200
    view = auditor.get(f"/audit/cases/{case['id']}/path.json").get_json()
    elements = view["elements"]
    assert elements["intake"]["state"] == "cancelled" and elements["intake"]["overdue"] is True
    assert elements["timer_intake"]["state"] == "completed"
    assert elements["escalate_intake"]["state"] == "cancelled"
    assert "flow_timer_intake_escalate_intake" in view["flows"]


def test_an_interrupting_timer_shows_the_task_timed_out(auditor, api):
    assert post_bpmn(api, DESIGNER, TIMEOUT_PROBE, model="timeout_probe").status_code == 201
    case = api.start(REQUESTER, {"instruction": "Thử hết hạn"}, process_model="timeout_probe")
    advance(api, timedelta(hours=1, minutes=1))
    assert fire_due() == 1
    view = auditor.get(f"/audit/cases/{case['id']}/path.json").get_json()
    elements = view["elements"]
    assert elements["work"]["state"] == "timed_out" and elements["work"]["overdue"] is True
    assert elements["late"]["state"] == "completed" and elements["chase"]["state"] == "active"
    assert {"f1", "f2", "f4"} <= set(view["flows"]) and "f3" not in view["flows"]


def test_an_unknown_case_is_404(auditor):
    for url in ("/audit/cases/khong-co", "/audit/cases/khong-co/path.json"):
        assert auditor.get(url).status_code == 404
    assert auditor.post("/audit/cases/khong-co/export.csv", data={"csrf_token": token_of(auditor)}).status_code == 404


# -- exports ----------------------------------------------------------------------------------
def _csv(content: bytes) -> tuple[dict, list[dict]]:
    assert content.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    blank = lines.index([])
    stamp = {row[0]: row[1] for row in lines[1:blank]}
    header, rows = lines[blank + 1], lines[blank + 2:]
    return stamp, [dict(zip(header, row)) for row in rows]


def test_case_history_csv_is_complete_and_stamped_with_the_chain_head(auditor, api):
    case = case_at(api, "decide")
    html = page(auditor, f"/audit/cases/{case['id']}")
    assert f'action="/audit/cases/{case["id"]}/export.csv"' in html and 'method="post"' in html
    token = csrf_of(html)
    seq, digest = head_now()
    export_id = request_export(auditor, f"/audit/cases/{case['id']}/export.csv", token)
    made = last_event("export_made")
    assert made.seq == seq + 1 and made.data["head"] == {"seq": seq, "hash": digest}
    assert made.data["export"] == export_id and made.data["case_number"] == case["case_number"]
    assert made.data["filters"] == {"instance_id": case["id"]} and "sha256" not in made.data
    response = download(auditor, export_id)
    assert response.mimetype == "text/csv" and response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"] == f'attachment; filename="lich-su-{case["case_number"]}.csv"'
    assert response.headers["X-Audit-Head"] == f"{seq} {digest}"
    assert response.headers["X-Content-SHA256"] == hashlib.sha256(response.data).hexdigest()
    stamp, rows = _csv(response.data)
    assert stamp["Đầu chuỗi nhật ký (seq)"] == str(seq) and stamp["Hash đầu chuỗi (SHA-256)"] == digest
    assert stamp["Người xuất"] == f"{AUDITOR} (UBKT_TU)"
    history = api.get(HEAD, f"/process-instances/{case['id']}/history").get_json()
    history = [e for e in history if e["seq"] <= seq]
    assert [int(r["seq"]) for r in rows] == [e["seq"] for e in history]
    assert [r["Hash"] for r in rows] == [e["hash"] for e in history]
    assert {r["Số hồ sơ"] for r in rows} == {case["case_number"]}
    assert not any(secret in response.data.decode("utf-8") for secret in SECRETS)
    assert made.data["events"] == len(rows)
    fetched = last_event("audit_viewed")
    assert fetched.data["what"] == "export_download" and fetched.data["export"] == export_id
    assert fetched.data["sha256"] == response.headers["X-Content-SHA256"]
    assert fetched.data["head"] == {"seq": seq, "hash": digest} and fetched.data["events"] == len(rows)


def test_case_history_pdf_is_stamped_too(auditor, api):
    from pypdf import PdfReader
    case = case_at(api, "verify")
    token = token_of(auditor)
    seq, digest = head_now()
    response = download(auditor, request_export(auditor, f"/audit/cases/{case['id']}/export.pdf", token))
    assert response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    content = " ".join(p.extract_text() for p in reader.pages)
    assert f"Lịch sử hồ sơ {case['case_number']}" in content
    assert digest in content.replace("\n", "") and "Hoàn thành nhiệm vụ" in content
    assert reader.metadata.subject == f"Đầu chuỗi nhật ký {seq} {digest}"
    made = last_event("export_made")
    assert (made.data["format"], made.data["what"]) == ("pdf", "case_history")


def test_search_exports_follow_the_filters(auditor, api):
    first, second = start(api), start(api)
    api.do(INTAKE, second["id"], "intake", INTAKE_OK)
    html = page(auditor, f"/audit/?type=task_completed&from_date={local_day()}")
    assert 'action="/audit/export.csv"' in html and 'formaction="/audit/export.pdf"' in html
    assert '<input type="hidden" name="type" value="task_completed">' in html
    export_id = request_export(auditor, "/audit/export.csv", csrf_of(html), type="task_completed",
                               from_date=local_day())
    made = last_event("export_made")
    assert made.data["what"] == "search" and set(made.data["filters"]) == {"type", "since"}
    stamp, rows = _csv(download(auditor, export_id).data)
    assert [r["Số hồ sơ"] for r in rows] == [second["case_number"]]
    assert "Loại sự kiện: task_completed" in stamp["Điều kiện"]
    pdf = download(auditor, request_export(auditor, "/audit/export.pdf", case_number=first["case_number"]))
    assert pdf.data.startswith(b"%PDF")
    assert auditor.post("/audit/export.xlsx", data={"csrf_token": token_of(auditor)}).status_code == 404


def test_an_export_needs_the_csrf_token_and_a_post(auditor, api):
    case = start(api)
    assert auditor.post(f"/audit/cases/{case['id']}/export.csv").status_code == 400
    assert auditor.post("/audit/export.csv", data={"csrf_token": "sai"}).status_code == 400
    assert auditor.get("/audit/export.csv").status_code == 405
    assert auditor.get(f"/audit/cases/{case['id']}/export.csv").status_code == 405
    assert "Bạn chưa yêu cầu xuất tệp nào." in page(auditor, "/audit/exports")      # nothing asked for


def test_a_spreadsheet_formula_in_data_stays_text(auditor, api):
    case = start(api)
    api.post(HEAD, f"/process-instances/{case['id']}/cancel", json={"reason": "=HYPERLINK(\"x\")"})
    _, rows = _csv(download(auditor, request_export(auditor, f"/audit/cases/{case['id']}/export.csv")).data)
    assert all(not v.startswith("=") for row in rows for v in row.values())


# -- integrity ---------------------------------------------------------------------------------
def test_integrity_page_shows_the_head_and_checks_the_chain(auditor, api):
    start(api)
    seq, digest = head_now()
    html = page(auditor, "/audit/integrity")
    assert digest in html and 'src="/audit/head.png"' in html
    assert auditor.get("/audit/head.png").data.startswith(b"\x89PNG")
    html = page(auditor, "/audit/integrity?check=1")
    assert "Chuỗi nhật ký nguyên vẹn" in html
    html = page(auditor, f"/audit/integrity?check=1&anchor={seq}+{digest}")
    assert "đi qua đầu chuỗi đã lưu" in html
    assert "Đầu chuỗi phải có dạng" in page(auditor, "/audit/integrity?check=1&anchor=abc")
    with without_append_only_guard():
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE audit_event SET actor_username = 'ai_do' WHERE seq = 3"))
    assert "Chuỗi nhật ký bị sửa đổi từ sự kiện số 3." in page(auditor, "/audit/integrity?check=1")
    assert last_event("audit_viewed").data["result"] == {"ok": False, "first_bad_seq": 3}
