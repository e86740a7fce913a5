"""Attachments through the API: upload (type by extension and content, size), list, download
(permission-checked, audited), errors in the API's shape."""
from __future__ import annotations

import io
import zipfile
from io import BytesIO

import pytest
from sqlalchemy import select

from workflow_app.models import AuditEvent, CaseFileEntry, StoredFile
from workflow_app.extensions import db

from .helpers import AUDITOR, HEAD, INTAKE, MONITOR, OUTSIDER, REQUESTER, case_at, start

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32


def ooxml(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<x/>")
    return buffer.getvalue()


def odf(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<x/>")
    return buffer.getvalue()


def post_file(api, username, case_id, name, content, description=None):
    data = {"file": (BytesIO(content), name)}
    if description is not None:
        data["description"] = description
    return api.post(username, f"/process-instances/{case_id}/attachments", data=data,
                    content_type="multipart/form-data")


@pytest.mark.parametrize("name, content, content_type", [
    ("quyet-dinh.pdf", PDF, "application/pdf"),
    ("anh.PNG", PNG, "image/png"),
    ("anh.jpg", JPEG, "image/jpeg"),
    ("cu.doc", OLE, "application/msword"),
    ("bao-cao.docx", ooxml("word/"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("bang.xlsx", ooxml("xl/"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("van-ban.odt", odf("application/vnd.oasis.opendocument.text"), "application/vnd.oasis.opendocument.text"),
])
def test_accepted_types(api, name, content, content_type):
    case = start(api)
    response = post_file(api, INTAKE, case["id"], name, content)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["filename"] == name and body["content_type"] == content_type and body["size"] == len(content)


@pytest.mark.parametrize("name, content, message", [
    ("chuong-trinh.exe", b"MZ\x90\x00", "Loại tệp không được chấp nhận."),
    ("khong-duoi", PDF, "Loại tệp không được chấp nhận."),
    ("gia.pdf", b"<html><script>alert(1)</script>", "Nội dung tệp không đúng định dạng .pdf."),
    ("gia.png", JPEG, "Nội dung tệp không đúng định dạng .png."),
    ("gia.docx", ooxml("xl/"), "Nội dung tệp không đúng định dạng .docx."),
    ("gia.xlsx", b"PK\x03\x04 broken zip", "Nội dung tệp không đúng định dạng .xlsx."),
    ("rong.pdf", b"", "Tệp rỗng."),
])
def test_refused_files_say_why(api, name, content, message):
    case = start(api)
    response = post_file(api, INTAKE, case["id"], name, content)
    assert response.status_code == 422
    assert message in response.get_json()["errors"]["files"]["file"][0]
    assert db.session.execute(select(StoredFile)).scalars().all() == []


def test_a_missing_file_is_422(api):
    case = start(api)
    response = api.post(INTAKE, f"/process-instances/{case['id']}/attachments", data={},
                        content_type="multipart/form-data")
    assert response.status_code == 422 and response.get_json()["errors"]["files"]["file"] == ["Phải chọn một tệp."]


def test_a_file_over_the_limit_is_refused(api, app):
    case = start(api)
    app.config["MAX_CONTENT_LENGTH"] = 4096
    response = post_file(api, INTAKE, case["id"], "lon.pdf", PDF + b"0" * 8000)
    assert response.status_code == 413


def test_upload_list_and_download_round_trip_with_audit(api):
    case = start(api)
    created = post_file(api, INTAKE, case["id"], "../../etc/Biên bản\x00.pdf", PDF, "Biên bản làm việc").get_json()
    assert created["filename"] == "Biên bản.pdf"                 # no folders, no control characters
    listed = api.get(REQUESTER, f"/process-instances/{case['id']}/attachments")
    assert listed.status_code == 200 and [a["id"] for a in listed.get_json()] == [created["id"]]
    entry = db.session.get(CaseFileEntry, created["case_file_entry_id"])
    assert entry.kind == "tai_lieu" and entry.content["file_id"] == created["id"]
    assert entry.content["description"] == "Biên bản làm việc"
    download = api.get(REQUESTER, f"/process-instances/{case['id']}/attachments/{created['id']}")
    assert download.status_code == 200 and download.data == PDF and download.mimetype == "application/pdf"
    assert "attachment" in download.headers["Content-Disposition"]
    kinds = [(e.type, e.actor_username) for e in db.session.execute(
        select(AuditEvent).where(AuditEvent.type.like("attachment_%")).order_by(AuditEvent.seq)).scalars()]
    assert kinds == [("attachment_uploaded", INTAKE), ("attachment_downloaded", REQUESTER)]
    # the bytes on disk are not the clear file (encrypted at rest)
    row = db.session.get(StoredFile, created["id"])
    from flask import current_app
    from pathlib import Path
    assert PDF not in (Path(current_app.config["STORAGE_DIR"]) / row.path).read_bytes()


def test_who_may_see_and_add(api):
    case = start(api)
    created = post_file(api, INTAKE, case["id"], "a.pdf", PDF).get_json()
    base = f"/process-instances/{case['id']}/attachments"
    assert api.get(OUTSIDER, base).status_code == 404
    assert api.get(OUTSIDER, f"{base}/{created['id']}").status_code == 404
    assert post_file(api, OUTSIDER, case["id"], "b.pdf", PDF).status_code == 404
    assert api.get(None, base).status_code == 401
    assert api.get(MONITOR, f"{base}/{created['id']}").status_code == 200        # monitors read
    assert post_file(api, MONITOR, case["id"], "c.pdf", PDF).status_code == 403  # but do not add
    assert post_file(api, AUDITOR, case["id"], "c.pdf", PDF).status_code == 403
    assert api.get(HEAD, f"{base}/no-such-file").status_code == 404
    assert api.get(HEAD, "/process-instances/nope/attachments").status_code == 404


def test_a_document_is_not_an_attachment(api):
    case = case_at(api, "execute")
    document = db.session.execute(select(StoredFile).where(StoredFile.kind == "document")).scalars().first()
    assert document is not None
    assert api.get(HEAD, f"/process-instances/{case['id']}/attachments/{document.id}").status_code == 404


def test_a_closed_case_takes_no_attachment(api):
    case = case_at(api, "completed")
    assert post_file(api, HEAD, case["id"], "a.pdf", PDF).status_code == 409


def test_a_changed_file_on_disk_is_not_served(api):
    case = start(api)
    created = post_file(api, INTAKE, case["id"], "a.pdf", PDF).get_json()
    row = db.session.get(StoredFile, created["id"])
    row.sha256 = "0" * 64
    db.session.commit()
    response = api.get(INTAKE, f"/process-instances/{case['id']}/attachments/{created['id']}")
    assert response.status_code == 500 and "không còn nguyên vẹn" in response.get_json()["message"]


def test_the_openapi_document_names_the_operations(api):
    spec = api.get(None, "/openapi.json").get_json()
    paths = spec["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/process-instances/{instance_id}/attachments"])
    assert "get" in paths["/api/v1/process-instances/{instance_id}/attachments/{file_id}"]
