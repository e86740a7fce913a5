"""The cases list and a case's page: status, diagram data, timeline, protection file, the
reveal of confidential values, attachments, generated documents, cancelling; who may see."""
from __future__ import annotations

import html
import json
import re

from sqlalchemy import select

from workflow_app.extensions import db
from workflow_app.models import AuditEvent, ProcessInstance, StoredFile

from ..api.helpers import MONITOR, case_at, start
from ..browser.officials_helpers import FORCE, HEAD, INTAKE, OUTSIDER, REQUESTER, VERIFIER, pages  # noqa: F401

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n%%EOF\n"


def data_attr(page: str, name: str):
    return json.loads(html.unescape(re.search(rf"data-{name}='([^']*)'", page).group(1)))


def events(case_id: str, kind: str) -> list[AuditEvent]:
    return list(db.session.execute(select(AuditEvent).where(AuditEvent.instance_id == case_id,
                                                            AuditEvent.type == kind)).scalars())


def upload(pages, case_id, name="Biên bản.pdf", content=PDF, mime="application/pdf", description="", csrf=True):
    from io import BytesIO
    return pages.post(f"/cases/{case_id}/attachments", {"file": (BytesIO(content), name, mime),
                                                        "description": description},
                      csrf=csrf, content_type="multipart/form-data")


def test_the_case_page_shows_status_steps_timeline_and_file_in_words(api, pages):
    case = case_at(api, "decide")
    pages.login(HEAD)
    page = pages.text(pages.get(f"/cases/{case['id']}"))
    assert '<p class="status status-running">Đang xử lý</p>' in page
    assert "Xử lý đề nghị áp dụng biện pháp bảo vệ" in page           # the process, by name
    assert "Khởi tạo hồ sơ" in page and "Hoàn thành nhiệm vụ" in page and "Rẽ nhánh" in page
    assert "intake_officer.ca_tinh (CA_TINH)" in page
    assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", page)                # dd/mm/yyyy
    assert "Biên bản tiếp nhận đề nghị" in page and "Kết quả xác minh căn cứ đề nghị" in page
    assert "Nguyễn Văn A" not in page and "••••••" in page
    done, active = data_attr(page, "done"), data_attr(page, "active")
    assert {"start", "gw_kind", "intake", "gw_intake", "verify"} <= set(done)
    assert [a["element_id"] for a in active] == ["decide"]
    assert 'href="/tasks/' in page                                    # the head may open the decision


def test_the_diagram_xml_is_the_version_the_case_runs_on(api, pages):
    case = start(api)
    pages.login(INTAKE)
    response = pages.get(f"/cases/{case['id']}/diagram.bpmn")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    assert b'id="intake"' in response.data
    pages.login(OUTSIDER)
    assert pages.get(f"/cases/{case['id']}/diagram.bpmn").status_code == 404


def test_an_unrelated_agency_gets_not_found_everywhere(api, pages):
    case = start(api)
    pages.login(OUTSIDER)
    for path in (f"/cases/{case['id']}", f"/cases/{case['id']}/diagram.bpmn"):
        response = pages.get(path)
        assert response.status_code == 404 and case["case_number"] not in pages.text(response)
    assert pages.post(f"/cases/{case['id']}/reveal", {"fields": "protected_persons", "reason": "x"}).status_code == 404
    assert upload(pages, case["id"]).status_code == 404
    assert pages.post(f"/cases/{case['id']}/cancel", {"reason": "x"}).status_code == 404
    assert case["case_number"] not in pages.text(pages.get("/cases"))


def test_the_cases_list_filters_by_number_and_status(api, pages):
    first, second = start(api), case_at(api, "completed")
    pages.login(HEAD)
    page = pages.text(pages.get("/cases"))
    assert first["case_number"] in page and second["case_number"] in page and "Tiếp nhận đề nghị" in page
    page = pages.text(pages.get("/cases?status=completed"))
    assert second["case_number"] in page and first["case_number"] not in page and "Đã kết thúc" in page
    page = pages.text(pages.get(f"/cases?q={first['case_number']}"))
    assert first["case_number"] in page and second["case_number"] not in page


def test_the_head_reveals_with_a_reason_and_it_is_audited(api, pages):
    case = start(api)
    pages.login(HEAD)
    page = pages.text(pages.get(f"/cases/{case['id']}"))
    assert 'value="protected_persons.0"' in page and "Người được bảo vệ 1" in page
    response = pages.post(f"/cases/{case['id']}/reveal", {"fields": "protected_persons.0", "reason": " "})
    assert response.status_code == 422 and "Phải nêu lý do xem thông tin bảo mật." in pages.text(response)
    assert not events(case["id"], "data_revealed")
    response = pages.post(f"/cases/{case['id']}/reveal", {"fields": "protected_persons.0", "reason": "Lập phương án"})
    page = pages.text(response)
    assert response.status_code == 200 and "Nguyễn Văn A" in page and "Số 9 phố Bí Mật" in page
    assert "Người được bảo vệ 1 — Quan hệ với người thi hành công vụ" in page and "Bản thân" in page
    [event] = events(case["id"], "data_revealed")
    assert event.actor_username == HEAD and event.data["reason"] == "Lập phương án"
    assert "Người được bảo vệ 1 — Họ và tên" in pages.text(pages.get(f"/cases/{case['id']}"))   # in the timeline


def test_who_may_not_reveal_is_not_offered_it_and_is_refused(api, pages):
    case = start(api)
    pages.login(REQUESTER)
    assert "/reveal" not in pages.text(pages.get(f"/cases/{case['id']}"))
    response = pages.post(f"/cases/{case['id']}/reveal", {"fields": "protected_persons.0", "reason": "tò mò"})
    assert response.status_code == 403 and "Nguyễn Văn A" not in pages.text(response)
    pages.login(HEAD)
    assert pages.post(f"/cases/{case['id']}/reveal", {"fields": "protected_persons.0", "reason": "x"},
                      csrf=False).status_code == 400
    assert not events(case["id"], "data_revealed")


def test_an_attachment_is_added_listed_downloaded_and_audited(api, pages):
    case = start(api)
    pages.login(INTAKE)
    response = upload(pages, case["id"], description="Biên bản làm việc")
    assert response.status_code == 302 and response.headers["Location"].endswith("#ho-so")
    page = pages.text(pages.get(f"/cases/{case['id']}"))
    assert "Đã thêm tài liệu “Biên bản.pdf” vào hồ sơ." in page and "Tài liệu: Biên bản.pdf" in page
    row = db.session.execute(select(StoredFile).where(StoredFile.kind == "attachment")).scalar_one()
    assert row.instance_id == case["id"] and row.content_type == "application/pdf" and row.case_file_entry_id
    link = f"/cases/{case['id']}/attachments/{row.id}"
    assert link in page
    pages.login(REQUESTER)                                       # anyone who may see the case
    download = pages.get(link)
    assert download.status_code == 200 and download.data == PDF
    assert "attachment" in download.headers["Content-Disposition"] and download.headers["Cache-Control"] == "private, no-store"
    assert [e.actor_username for e in events(case["id"], "attachment_uploaded")] == [INTAKE]
    assert [e.actor_username for e in events(case["id"], "attachment_downloaded")] == [REQUESTER]
    pages.login(OUTSIDER)
    assert pages.get(link).status_code == 404
    assert len(events(case["id"], "attachment_downloaded")) == 1


def test_a_refused_upload_says_why_on_the_case_page(api, pages):
    case = start(api)
    pages.login(INTAKE)
    response = upload(pages, case["id"], name="virus.exe", content=b"MZ\x90\x00", mime="application/octet-stream",
                      description="giữ lại")
    assert response.status_code == 422
    page = pages.text(response)
    assert "Loại tệp không được chấp nhận." in page and 'id="attachment-error"' in page and 'value="giữ lại"' in page
    response = upload(pages, case["id"], name="giả.pdf", content=b"<html>not a pdf</html>")
    assert "Nội dung tệp không đúng định dạng .pdf." in pages.text(response)
    assert upload(pages, case["id"], csrf=False).status_code == 400
    assert not db.session.execute(select(StoredFile).where(StoredFile.kind == "attachment")).scalars().all()


def test_an_upload_over_the_size_limit_is_refused(api, pages, app):
    case = start(api)
    app.config["MAX_CONTENT_LENGTH"] = 2000
    pages.login(INTAKE)
    response = upload(pages, case["id"], content=PDF + b"0" * 5000)
    assert response.status_code == 413 and "Tệp quá lớn" in pages.text(response)


def test_monitors_read_but_do_not_attach(api, pages):
    case = start(api)
    pages.login(MONITOR)
    page = pages.text(pages.get(f"/cases/{case['id']}"))
    assert case["case_number"] in page and "Thêm tài liệu" not in page
    pages.login("auditor.ubkt_tu")
    assert upload(pages, case["id"]).status_code == 302
    assert "Bạn không được thêm tài liệu vào hồ sơ này." in pages.text(pages.get(f"/cases/{case['id']}"))


def test_a_closed_case_takes_no_more_attachments(api, pages):
    case = case_at(api, "completed")
    pages.login(HEAD)
    assert "Thêm tài liệu" not in pages.text(pages.get(f"/cases/{case['id']}"))
    upload(pages, case["id"])
    assert "Hồ sơ đã kết thúc, không thể thêm tài liệu." in pages.text(pages.get(f"/cases/{case['id']}"))


def test_generated_documents_are_downloaded_from_the_case_page(api, pages):
    case = case_at(api, "execute")
    pages.login(FORCE)
    page = pages.text(pages.get(f"/cases/{case['id']}"))
    links = re.findall(rf'href="(/cases/{case["id"]}/documents/[0-9a-f]+)"', page)
    assert links
    response = pages.get(links[0])
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    pages.login(OUTSIDER)
    assert pages.get(links[0]).status_code == 404


def test_the_head_cancels_a_case_with_a_reason(api, pages):
    case = start(api)
    pages.login(VERIFIER)
    assert "Hủy hồ sơ" not in pages.text(pages.get(f"/cases/{case['id']}"))
    pages.login(HEAD)
    assert "Lý do hủy" in pages.text(pages.get(f"/cases/{case['id']}"))
    response = pages.post(f"/cases/{case['id']}/cancel", {"reason": ""})
    assert response.status_code == 422 and "Phải nêu lý do hủy hồ sơ." in pages.text(response)
    pages.post(f"/cases/{case['id']}/cancel", {"reason": "Người đề nghị rút đề nghị."})
    assert db.session.get(ProcessInstance, case["id"]).status == "cancelled"
    page = pages.text(pages.get(f"/cases/{case['id']}"))
    assert "Đã hủy" in page and "Người đề nghị rút đề nghị." in page
