"""No confidential value in clear anywhere (issue 7): database bytes, logs, stored files,
API answers and exports. A marker goes into every confidential field of a protection case
and into an attachment; the case runs to the execution step; then every place is grepped.

The clear value is never written (sealed before any INSERT), so not even a freed SQLite page
may hold it: the whole file and its -wal are grepped, not just live rows.
"""
from __future__ import annotations

import json
import logging
import re
from io import BytesIO
from pathlib import Path

from sqlalchemy import inspect as sa_inspect, text

from workflow_app.extensions import db

from ..support import request_data
from ..web.test_login_and_pages import login
from .helpers import AUDITOR, FORCE, HEAD, INTAKE, MASK, MONITOR, REQUESTER, VERIFIER, case_at

MARK = "MARKER-7f3a"
FIELDS = ("full_name", "id_number", "phone", "residence", "workplace")   # `relation` is a choice
PERSONS = [{"full_name": f"{MARK}-full_name", "relation": "ban_than", "position": "Thẩm phán",
            "id_number": f"{MARK}-id_number", "phone": f"{MARK}-phone",
            "residence": f"{MARK}-residence", "workplace": f"{MARK}-workplace"},
           {"full_name": f"{MARK}-full_name-2", "relation": "vo_chong",
            "id_number": f"{MARK}-id_number-2", "phone": f"{MARK}-phone-2",
            "residence": f"{MARK}-residence-2", "workplace": f"{MARK}-workplace-2"}]
ATTACHMENT = (b"%PDF-1.4\n1 0 obj<< /Title (" + f"{MARK}-attachment".encode() + b") >>endobj\n"
              b"trailer<<>>\n%%EOF\n")
MARKS = (MARK.encode("utf-8"), MARK.encode("utf-16-le"), MARK.lower().encode())


def found_in(blob: bytes) -> bool:
    return any(m in blob for m in MARKS)


def _flow(api):
    """The case with markers, driven to `execute` (a decision document exists), with an
    attachment holding the marker."""
    case = case_at(api, "execute", protected_persons=PERSONS)
    response = api.post(INTAKE, f"/process-instances/{case['id']}/attachments",
                        data={"file": (BytesIO(ATTACHMENT), "bien-ban.pdf"),
                              "description": "Biên bản làm việc"},
                        content_type="multipart/form-data")
    assert response.status_code == 201, response.get_json()
    return case, response.get_json()["id"]


def _api_answers(api, case_id: str, attachment_id: str) -> dict[str, bytes]:
    """Every read answer about the case, as the roles without clearance and with it get them."""
    answers = {}
    documents = api.get(HEAD, f"/process-instances/{case_id}/documents").get_json()
    paths = [f"/process-instances/{case_id}", f"/process-instances/{case_id}/history",
             f"/process-instances/{case_id}/file", f"/process-instances/{case_id}/attachments",
             f"/process-instances/{case_id}/documents", "/process-instances", "/tasks", "/notifications",
             *[f"/process-instances/{case_id}/documents/{d['id']}" for d in documents]]
    for user in (HEAD, FORCE, INTAKE, VERIFIER, REQUESTER, MONITOR, AUDITOR):
        for path in paths:
            response = api.get(user, path)
            assert response.status_code < 500, (user, path, response.status_code)
            answers[f"{user} GET {path}"] = response.get_data()
    for path in ("/audit/events", f"/audit/events?process_instance={case_id}"):
        response = api.get(AUDITOR, path)
        assert response.status_code == 200
        answers[f"auditor GET {path}"] = response.get_data()
    for path in ("/reports/statistics", "/reports/statistics.xlsx", "/reports/statistics.pdf"):
        response = api.get(HEAD, path, query_string={"from": "2024-01-01", "to": "2030-12-31"})
        assert response.status_code == 200, (path, response.status_code)
        answers[f"leader GET {path}"] = response.get_data()
    return answers


def _page_answers(app, case_id: str) -> dict[str, bytes]:
    """The auditors' exports (CSV, PDF) and the case pages of a role without clearance."""
    answers = {}
    auditor = app.test_client()
    login(auditor, AUDITOR)
    for path in (f"/audit/cases/{case_id}", f"/audit/cases/{case_id}/path.json"):
        response = auditor.get(path)
        assert response.status_code == 200, (path, response.status_code)
        answers[f"page {path}"] = response.get_data()
    token = re.search(r'name="csrf_token" value="([^"]+)"', auditor.get("/audit/").get_data(as_text=True)).group(1)
    for path in ("/audit/export.csv", "/audit/export.pdf",            # made in the background (inline here)
                 f"/audit/cases/{case_id}/export.csv", f"/audit/cases/{case_id}/export.pdf"):
        asked = auditor.post(path, data={"csrf_token": token})
        assert asked.status_code == 302, (path, asked.status_code)
        for shown in (asked.headers["Location"], asked.headers["Location"] + "/download"):
            response = auditor.get(shown)
            assert response.status_code == 200, (shown, response.status_code)
            answers[f"page {path} {shown}"] = response.get_data()
    for user in (VERIFIER, MONITOR):
        page_client = app.test_client()
        login(page_client, user)
        answers[f"{user} page /cases/{case_id}"] = page_client.get(f"/cases/{case_id}").get_data()
    return answers


def _database_bytes(app) -> dict[str, bytes]:
    url = db.engine.url
    db.session.remove()
    if url.get_backend_name() == "sqlite":
        path = Path(url.database)
        return {str(p): p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal"))
                if p.exists()}
    dump = {}
    with db.engine.connect() as conn:
        for table in sa_inspect(conn).get_table_names():
            rows = conn.execute(text(f'SELECT t::text FROM "{table}" t')).scalars().all()
            dump[f"table {table}"] = "\n".join(rows).encode("utf-8")
    return dump


def test_a_marker_in_every_confidential_field_is_nowhere_in_clear(app, api, caplog):
    caplog.set_level(logging.DEBUG)
    app.logger.setLevel(logging.DEBUG)
    case, attachment_id = _flow(api)

    # the values are sealed: the API shows masks, and the case data holds no marker
    shown = api.get(HEAD, f"/process-instances/{case['id']}").get_json()["data"]["protected_persons"]
    assert all(person[f] == MASK for person in shown for f in FIELDS)

    leaks = []
    for where, blob in {**_api_answers(api, case["id"], attachment_id), **_page_answers(app, case["id"])}.items():
        if found_in(blob):
            leaks.append(where)

    storage = Path(app.config["STORAGE_DIR"])
    files = [p for p in storage.rglob("*") if p.is_file()]
    assert files, "the attachment and the decision document should be stored"
    leaks += [f"stored file {p}" for p in files if found_in(p.read_bytes())]

    logs = "\n".join(f"{r.name} {r.levelname} {r.getMessage()} {r.args!r}" for r in caplog.records)
    if MARK in logs:
        leaks.append("log output")

    database = _database_bytes(app)
    assert database, "nothing to grep: no database file or table"
    leaks += [f"database {name}" for name, blob in database.items() if found_in(blob)]

    assert not leaks, f"the marker {MARK} is readable in: {leaks}"

    # ... and only clearance brings it back (the attachment reads back as it was uploaded)
    revealed = api.post(HEAD, f"/process-instances/{case['id']}/reveal",
                        json={"fields": list(FIELDS), "reason": "Lập phương án bảo vệ."})
    assert revealed.status_code == 200, revealed.get_json()
    values = revealed.get_json()["values"]
    for index, person in enumerate(PERSONS):
        for field in FIELDS:
            assert values[f"protected_persons.{index}.{field}"] == person[field]
    download = api.get(HEAD, f"/process-instances/{case['id']}/attachments/{attachment_id}")
    assert download.status_code == 200 and download.get_data() == ATTACHMENT
    refused = api.post(VERIFIER, f"/process-instances/{case['id']}/reveal",
                       json={"fields": list(FIELDS), "reason": "Tò mò."})
    assert refused.status_code == 403 and not found_in(refused.get_data())


def test_the_reveal_itself_leaves_no_marker_in_the_audit_log(api):
    case = api.start(REQUESTER, request_data(protected_persons=PERSONS))
    api.post(HEAD, f"/process-instances/{case['id']}/reveal",
             json={"fields": ["protected_persons"], "reason": "Kiểm tra."})
    events = api.get(AUDITOR, "/audit/events", query_string={"process_instance": case["id"]})
    assert events.status_code == 200
    body = events.get_data(as_text=True)
    assert "data_revealed" in body and MARK not in body
    assert MARK not in json.dumps(api.get(AUDITOR, f"/process-instances/{case['id']}/history").get_json(),
                                  ensure_ascii=False)
