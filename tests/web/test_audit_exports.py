"""Auditors' exports made in the background (issue #8): the request, the job, its page.

The suite runs jobs inline (JOBS_MODE inline), so a request's file is rendered at its commit;
the tests that need the job lost, failing, or held by another worker say so with fixtures.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
from datetime import timedelta
from pathlib import Path

import pytest
from flask import g
from sqlalchemy import func, select

from workflow_app import clock, jobs
from workflow_app.audit import export, export_render, search
from workflow_app.audit.head import Head
from workflow_app.demo import create_user
from workflow_app.extensions import db
from workflow_app.jobs import dispatch, periodic
from workflow_app.models import AuditEvent, AuditExport, StoredFile

from ..api.helpers import AUDITOR, INTAKE, MONITOR, start
from ..support import INTAKE_OK
from .test_auditor_pages import (PageClient, _csv, csrf_of, download, end_request, head_now, last_event, login,
                                 page, request_export, token_of)

OTHER_AUDITOR = "auditor2.ubkt_tu"


@pytest.fixture
def client(app):
    return PageClient(app, app.response_class, use_cookies=True)


@pytest.fixture
def auditor(client):
    return login(client, AUDITOR)


@pytest.fixture
def lost_jobs(monkeypatch):
    """Every job handed over is lost, as with a broker that is down or a worker killed."""
    lost = []
    monkeypatch.setattr(dispatch, "hand_over", lambda app, queued: lost.extend(queued))
    return lost


def another_client(app) -> PageClient:
    """A second browser. Test requests share the fixture's app context, so the CSRF token
    Flask-WTF caches in `g` for the first one must go too."""
    end_request()
    g.pop("csrf_token", None)
    return PageClient(app, app.response_class, use_cookies=True)


def exports_in_db() -> list[AuditExport]:
    end_request()
    rows = list(db.session.execute(select(AuditExport).order_by(AuditExport.requested_at)).scalars())
    db.session.commit()
    return rows


def export_row(export_id: str) -> AuditExport:
    end_request()
    return db.session.get(AuditExport, export_id)


def stored_exports() -> int:
    end_request()
    return db.session.execute(select(func.count()).select_from(StoredFile)
                              .where(StoredFile.kind == export_render.KIND)).scalar_one()


def synchronous(row: AuditExport) -> bytes:
    """What the export made in the request gave (the code before issue #8), for this request."""
    at = db.session.execute(select(AuditEvent.at).where(AuditEvent.seq == row.head_seq)).scalar_one()
    head = Head(row.head_seq, row.head_hash, at)
    filters = dataclasses.replace(search.Filters(instance_id=row.filters.get("instance_id", "")),
                                  up_to_seq=head.seq)
    cap = export.MAX_CSV_ROWS if row.format == "csv" else export.MAX_PDF_ROWS
    report = export.Report(title=row.title, exported_by=f"{AUDITOR} (UBKT_TU)", head=head,
                           rows=search.events(filters, limit=cap), total=search.count(filters),
                           filters=row.shown, exported_at=row.requested_at)
    return export.to_csv(report) if row.format == "csv" else export.to_pdf(report)


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)


# -- the file -----------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["csv", "pdf"])
def test_the_file_made_in_the_background_is_the_one_the_request_used_to_make(auditor, api, app, fmt):
    case = start(api)
    api.do(INTAKE, case["id"], "intake", INTAKE_OK)
    export_id = request_export(auditor, f"/audit/cases/{case['id']}/export.{fmt}")
    response = download(auditor, export_id)
    row = export_row(export_id)
    assert row.status == "done" and row.attempts == 1 and row.error is None
    assert response.headers["X-Content-SHA256"] == hashlib.sha256(response.data).hexdigest() == row.sha256
    expected = synchronous(row)
    if fmt == "csv":
        assert response.data == expected
        assert row.row_count == len(_csv(response.data)[1]) > 3
    else:
        assert pdf_text(response.data) == pdf_text(expected)
    stored = db.session.get(StoredFile, row.stored_file_id)
    assert stored.instance_id is None and stored.size == len(response.data)        # not part of the case file
    on_disk = (Path(app.config["STORAGE_DIR"]) / stored.path).read_bytes()
    assert response.data[:40] not in on_disk and b"%PDF" not in on_disk            # encrypted at rest


def test_the_page_follows_the_export_until_its_file_is_ready(auditor, api, lost_jobs, app):
    case = start(api)
    seq, digest = head_now()
    export_id = request_export(auditor, f"/audit/cases/{case['id']}/export.csv", token_of(auditor))
    html = page(auditor, f"/audit/exports/{export_id}")
    assert "Đang tạo tệp…" in html and '<meta http-equiv="refresh" content="3">' in html
    assert "<script>" not in html and "/download" not in html
    assert str(seq) in html and digest in html and f"Hồ sơ: {case['case_number']}" in html
    listed = page(auditor, "/audit/exports")
    assert "Đang tạo tệp…" in listed and 'http-equiv="refresh"' in listed
    response = auditor.get(f"/audit/exports/{export_id}/download")             # not yet: back to its page
    assert response.status_code == 302 and response.headers["Location"] == f"/audit/exports/{export_id}"
    end_request()

    [(name, kwargs)] = lost_jobs
    assert jobs.run(name, kwargs, app) is True
    html = page(auditor, f"/audit/exports/{export_id}")
    row = export_row(export_id)
    assert "http-equiv" not in html and "Tệp đã sẵn sàng" in html
    assert f'href="/audit/exports/{export_id}/download"' in html and row.sha256 in html
    assert f"{row.row_count}" in html and "byte" in html and "Hoàn thành lúc" in html
    listed = page(auditor, "/audit/exports")
    assert "http-equiv" not in listed and "✓ Đã xong" in listed


def test_the_list_shows_ones_own_exports_newest_first(auditor, api):
    case = start(api)
    first = request_export(auditor, f"/audit/cases/{case['id']}/export.csv")
    clock.advance(timedelta(minutes=1))
    second = request_export(auditor, "/audit/export.pdf", type="task_ready")
    html = page(auditor, "/audit/exports")
    assert html.index(f"/audit/exports/{second}") < html.index(f"/audit/exports/{first}")
    assert "Nhật ký kiểm toán — kết quả tìm kiếm" in html and f"Lịch sử hồ sơ {case['case_number']}" in html


# -- who sees it ----------------------------------------------------------------------------------
def test_only_the_auditor_who_asked_sees_the_export(client, api, app):
    case = start(api)
    login(client, AUDITOR)
    export_id = request_export(client, f"/audit/cases/{case['id']}/export.csv")
    create_user(OTHER_AUDITOR, "baove183", ["auditor"], "UBKT_TU")
    db.session.commit()
    other = another_client(app)
    login(other, OTHER_AUDITOR)
    for url in (f"/audit/exports/{export_id}", f"/audit/exports/{export_id}/download", "/audit/exports/khong-co"):
        assert other.get(url).status_code == 404, url
        end_request()
    assert f"/audit/exports/{export_id}" not in page(other, "/audit/exports")
    end_request()
    assert not [e for e in db.session.execute(select(AuditEvent).where(AuditEvent.type == "audit_viewed")).scalars()
                if e.data["what"] == "export_download"]


@pytest.mark.parametrize("user", [MONITOR, "admin"])
def test_other_roles_are_refused_the_exports(app, api, user, client):
    case = start(api)
    login(client, AUDITOR)
    export_id = request_export(client, f"/audit/cases/{case['id']}/export.csv")
    other = another_client(app)
    login(other, user)
    for url in ("/audit/exports", f"/audit/exports/{export_id}", f"/audit/exports/{export_id}/download"):
        assert other.get(url).status_code == 403, url
        end_request()


# -- the request ------------------------------------------------------------------------------------
def test_bad_filters_show_the_search_page_and_create_nothing(auditor, api):
    start(api)
    before = head_now()
    response = auditor.post("/audit/export.csv", data={"csrf_token": token_of(auditor), "from_date": "hom-qua",
                                                        "to_date": "31/02/2026"})
    end_request()
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert html.count("Ngày phải theo dạng dd/mm/yyyy") == 2 and 'aria-invalid="true"' in html
    assert 'value="hom-qua"' in html
    assert exports_in_db() == [] and stored_exports() == 0
    assert last_event("audit_viewed").seq > before[0]                 # the page shown, no export_made
    assert not db.session.execute(select(AuditEvent).where(AuditEvent.type == "export_made")).first()


def test_the_head_stamp_leaves_out_what_was_written_after_the_request(auditor, api, lost_jobs, app):
    start(api)
    token = token_of(auditor)
    seq, digest = head_now()
    export_id = request_export(auditor, "/audit/export.csv", token, order="asc")
    later = start(api)                                               # events written before the job runs
    api.do(INTAKE, later["id"], "intake", INTAKE_OK)
    assert head_now()[0] > seq + 5
    for name, kwargs in lost_jobs:
        assert jobs.run(name, kwargs, app) is True, export_row(export_id).error
    response = download(auditor, export_id)
    stamp, rows = _csv(response.data)
    assert response.headers["X-Audit-Head"] == f"{seq} {digest}" and stamp["Đầu chuỗi nhật ký (seq)"] == str(seq)
    assert [int(r["seq"]) for r in rows] == list(range(1, seq + 1))       # the whole log to the head, no further
    assert later["case_number"] not in response.data.decode("utf-8")


# -- the job ----------------------------------------------------------------------------------------
def test_a_lost_job_is_picked_up_by_the_sweep_once(auditor, api, lost_jobs, app):
    case = start(api)
    export_id = request_export(auditor, f"/audit/cases/{case['id']}/export.csv")
    assert [name for name, _ in lost_jobs] == ["render_audit_export"]
    assert export_render.sweep() == 0                      # too young: its job may still be on its way
    clock.advance(timedelta(seconds=61))
    assert periodic.tick(app)["exports"] == 1              # the embedded loop's sweep (beat sends the same job)
    assert export_row(export_id).status == "done" and stored_exports() == 1
    assert export_render.sweep() == 0
    for name, kwargs in lost_jobs * 2:                     # the lost message delivered after all, twice
        assert jobs.run(name, kwargs, app) is False
    assert stored_exports() == 1


def test_two_workers_never_render_the_same_export(auditor, api, lost_jobs, app):
    case = start(api)
    export_id = request_export(auditor, f"/audit/cases/{case['id']}/export.csv")
    end_request()
    claim = export_render._claim(export_id)               # a worker is rendering it
    assert claim is not None and claim.attempt == 1
    assert jobs.run(*lost_jobs[0], app) is False           # a second delivery leaves it to that worker
    clock.advance(timedelta(seconds=61))
    assert export_render.sweep() == 0                      # held: the sweep leaves it too
    clock.advance(export_render.LEASE)                     # that worker died: its claim expired
    assert export_render.sweep() == 1
    assert export_row(export_id).attempts == 2 and stored_exports() == 1
    content, count = export_render.build(claim)            # the first worker wakes up: its bytes are dropped
    files_before = _files_on_disk(app)
    assert export_render._store(claim, content, count) is False
    assert stored_exports() == 1
    assert _files_on_disk(app) == files_before             # and so is the file it wrote


def _files_on_disk(app) -> set:
    return {p for p in Path(app.config["STORAGE_DIR"]).rglob("*") if p.is_file()}


def test_a_failing_render_is_retried_then_failed_with_its_error_shown(auditor, api, monkeypatch):
    monkeypatch.setattr(export_render.export, "to_csv", lambda report: (_ for _ in ()).throw(ValueError("hỏng")))
    case = start(api)
    export_id = request_export(auditor, f"/audit/cases/{case['id']}/export.csv")
    row = export_row(export_id)
    assert (row.status, row.attempts, row.error) == ("pending", 1, "ValueError: hỏng")
    html = page(auditor, f"/audit/exports/{export_id}")
    assert "Đang tạo tệp…" in html and "Lần tạo trước chưa thành công" in html and "hỏng" in html
    clock.advance(timedelta(seconds=61))
    for _ in range(export_render.MAX_ATTEMPTS + 2):
        assert export_render.sweep() == 0
    row = export_row(export_id)
    assert (row.status, row.attempts) == ("failed", export_render.MAX_ATTEMPTS) and row.finished_at
    html = page(auditor, f"/audit/exports/{export_id}")
    assert f"Không tạo được tệp sau {export_render.MAX_ATTEMPTS} lần thử: ValueError: hỏng" in html
    assert "http-equiv" not in html and stored_exports() == 0
    assert auditor.get(f"/audit/exports/{export_id}/download").status_code == 302


def test_an_export_whose_last_worker_died_is_failed_by_the_sweep(auditor, api, lost_jobs):
    case = start(api)
    export_id = request_export(auditor, f"/audit/cases/{case['id']}/export.csv")
    for _ in range(export_render.MAX_ATTEMPTS):            # each worker claims it, then is killed
        end_request()
        assert export_render._claim(export_id) is not None
        clock.advance(export_render.LEASE + timedelta(seconds=1))
    assert export_render.sweep() == 0
    row = export_row(export_id)
    assert row.status == "failed" and "bị dừng giữa chừng" in row.error
    html = page(auditor, f"/audit/exports/{export_id}")
    assert "Không tạo được tệp" in html and "bị dừng giữa chừng" in html


def test_the_search_form_posts_its_filters_and_the_csrf_token(auditor, api):
    start(api)
    html = page(auditor, "/audit/?type=task_ready&order=asc")
    assert '<input type="hidden" name="order" value="asc">' in html
    export_id = request_export(auditor, "/audit/export.csv", csrf_of(html), type="task_ready", order="asc")
    row = export_row(export_id)
    assert row.filters == {"type": "task_ready"}                       # oldest first: the default order
    assert {r["Loại sự kiện"] for r in _csv(download(auditor, export_id).data)[1]} == {"task_ready"}


def test_the_embedded_thread_worker_makes_the_file(auditor, api, app):
    """JOBS_MODE thread (the one-server mode): the worker thread claims the row while the
    request records its export_made; both write, one after the other (SQLite)."""
    case = start(api)
    app.config["JOBS_MODE"] = "thread"
    export_id = request_export(auditor, f"/audit/cases/{case['id']}/export.pdf")
    dispatch.wait_idle(app)
    assert last_event("export_made").data["export"] == export_id
    assert download(auditor, export_id).data.startswith(b"%PDF")
    assert export_row(export_id).attempts == 1
