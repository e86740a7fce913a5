"""Documents are rendered after the deciding transaction commits, by a background job that
can run twice, fail, or be lost without losing or doubling a document."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from workflow_app import clock, jobs
from workflow_app.documents import store
from workflow_app.extensions import db
from workflow_app.jobs import dispatch
from workflow_app.models import PendingDocument, StoredFile

from ..support import INTAKE_OK, VERIFY_OK, decision_apply, request_data
from ..web.test_login_and_pages import login
from .test_documents_api import decided_case, documents_of


@pytest.fixture(autouse=True)
def storage_dir(app, tmp_path):
    app.config["STORAGE_DIR"] = str(tmp_path / "files")
    return tmp_path / "files"


def counts() -> tuple[int, int]:
    db.session.commit()
    return (db.session.execute(select(func.count()).select_from(PendingDocument)).scalar_one(),
            db.session.execute(select(func.count()).select_from(StoredFile)
                               .where(StoredFile.kind == "document")).scalar_one())


@pytest.fixture
def lost_jobs(monkeypatch):
    """Every job handed over is lost, as with a broker that is down or a worker killed."""
    lost = []
    monkeypatch.setattr(dispatch, "hand_over", lambda app, queued: lost.extend(queued))
    return lost


def test_inline_mode_issues_the_documents_before_the_answer(api):
    case = decided_case(api)
    assert counts() == (0, 2)                      # the decision and its notice, nothing left pending
    assert len(documents_of(api, case)) == 2


def test_a_lost_job_leaves_a_pending_row_that_the_sweep_renders_once(api, lost_jobs, client):
    case = decided_case(api)
    assert [name for name, _ in lost_jobs] == ["render_document", "render_document"]
    assert counts() == (2, 0)
    listed = documents_of(api, case)
    assert [(d["status"], d["id"], d["size"]) for d in listed] == [("pending", None, None)] * 2
    assert {d["title"] for d in listed} == {"Quyết định áp dụng biện pháp bảo vệ", "Thông báo kết quả cho người đề nghị"}
    login(client, "leader.ca_tinh")
    page = client.get(f"/cases/{case['id']}")
    assert page.status_code == 200 and "văn bản đang được tạo" in page.get_data(as_text=True)

    assert store.sweep() == 0                      # too young: its job may still be on its way
    clock.advance(timedelta(minutes=2))
    assert store.sweep() == 2
    assert counts() == (0, 2)
    assert store.sweep() == 0
    assert [d["status"] for d in documents_of(api, case)] == ["issued", "issued"]


def test_a_job_delivered_twice_renders_once(api, lost_jobs, app):
    decided_case(api)
    for name, kwargs in lost_jobs + lost_jobs:
        jobs.run(name, kwargs, app)
    assert counts() == (0, 2)


def test_a_document_stored_by_another_worker_while_this_one_rendered_leaves_no_file(api, lost_jobs, app,
                                                                                   monkeypatch, storage_dir):
    decided_case(api)
    rendered = store.render

    def render_while_another_worker_stores_it(template, context):
        pdf = rendered(template, context)
        with db.engine.begin() as other:       # the other worker's transaction commits first
            other.execute(PendingDocument.__table__.delete())
        return pdf

    monkeypatch.setattr(store, "render", render_while_another_worker_stores_it)
    name, kwargs = lost_jobs[0]
    assert not jobs.run(name, kwargs, app)             # nothing stored by this worker
    assert counts() == (0, 0)
    assert [p for p in storage_dir.rglob("*") if p.is_file()] == []     # its encrypted copy is gone too


def test_a_failing_render_is_kept_with_its_error_and_retried_a_bounded_number_of_times(api, lost_jobs, app, monkeypatch):
    decided_case(api)
    monkeypatch.setattr(store, "render", lambda template, context: (_ for _ in ()).throw(ValueError("hỏng")))
    name, kwargs = lost_jobs[0]
    with pytest.raises(ValueError):
        jobs.run(name, kwargs, app)
    row = db.session.get(PendingDocument, kwargs["pending_id"])
    assert row.attempts == 1 and "hỏng" in row.last_error
    clock.advance(timedelta(minutes=2))
    for _ in range(store.MAX_ATTEMPTS + 2):
        store.sweep()
    db.session.expire_all()
    assert db.session.get(PendingDocument, kwargs["pending_id"]).attempts == store.MAX_ATTEMPTS
    assert counts()[1] == 0


def test_a_rolled_back_decision_leaves_no_pending_row_and_no_job(api, app, monkeypatch):
    handed = []
    monkeypatch.setattr(dispatch, "hand_over", lambda app, queued: handed.extend(queued))
    case = api.start("requester.tand_tinh", request_data())
    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    api.do("verifier.ca_tinh", case["id"], "verify", VERIFY_OK)
    from workflow_app.services import tasks
    original = tasks.apply_step

    def failing(*args, **kwargs):
        original(*args, **kwargs)
        raise RuntimeError("mất kết nối")
    monkeypatch.setattr(tasks, "apply_step", failing)
    task = api.task_of("leader.ca_tinh", case["id"], "decide")
    api.complete("leader.ca_tinh", task["id"],
                 decision_apply(clock.local_now().date().isoformat(), decision_number="12"), expect=500)
    db.session.rollback()
    assert handed == [] and counts() == (0, 0)
