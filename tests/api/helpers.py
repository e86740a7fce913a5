"""Helpers shared by the HTTP API tests: case drivers, extra users, clock, diagrams, tampering.

Everything here goes through the HTTP API except what a test cannot do over HTTP (create a
second official of a role, move the clock, fire timers, tamper with the audit table).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select, text

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import AuditEvent, ProcessInstance

from ..support import INTAKE_OK, VERIFY_OK, decision_apply, request_data

ROOT = Path(__file__).resolve().parents[2]
BPMN_DIR = ROOT / "bpmn"
PASSWORD = "baove183"
MASK = "••••••"
# The confidential values of tests.support.request_data(): they must never leak.
SECRET_NAME = "Nguyễn Văn A"
SECRET_PHONE = "0900000001"
SECRET_RESIDENCE = "Số 9 phố Bí Mật"
SECRETS = (SECRET_NAME, SECRET_PHONE, SECRET_RESIDENCE)

REQUESTER = "requester.tand_tinh"
INTAKE = "intake_officer.ca_tinh"
VERIFIER = "verifier.ca_tinh"
HEAD = "leader.ca_tinh"
FORCE = "protection_officer.ca_tinh"
OUTSIDER = "leader.vks_tinh"          # a procedure agency that takes no part in the default case
MONITOR = "monitor.bnc_tu"
AUDITOR = "auditor.ubkt_tu"
DESIGNER = "designer.bnc_tu"

EXECUTION_REPORT = {"report_summary": "Đã bố trí lực lượng canh gác.", "situation": "on_dinh",
                    "recommendation": "cham_dut"}
REVIEW_CLOSE = {"review_action": "cham_dut", "review_basis": "bao_cao_luc_luong"}


def today() -> str:
    return clock.local_now().date().isoformat()


def termination() -> dict:
    return {"termination_reasons": "Nguy cơ không còn.", "termination_date": today()}


# -- people and time ------------------------------------------------------------------------
def add_user(username: str, roles: list[str], agency: str, password: str = PASSWORD) -> str:
    """A second official of a role (demo data has one per role and agency)."""
    from workflow_app.demo import create_user
    create_user(username, password, roles, agency)
    db.session.commit()
    return username


def advance(api, delta) -> None:
    """Move the application clock; tokens issued before may have expired, so log in again."""
    clock.advance(delta)
    api.tokens.clear()


def end_request() -> None:
    """What the end of a real request does (teardown: the session is removed and rolled
    back). Test requests share the fixture's app context, so tests that check "nothing
    changed" after a failure call this first, then read back through the API."""
    db.session.remove()


# -- cases ------------------------------------------------------------------------------------
def start(api, username: str = REQUESTER, **overrides) -> dict:
    return api.start(username, request_data(**overrides))


STAGES = ("intake", "verify", "decide", "execute", "review", "terminate", "completed")


def case_at(api, stage: str, username: str = REQUESTER, **overrides) -> dict:
    """A normal case driven until `stage` is the active task (or "completed"); the instance
    as the head of the competent agency sees it."""
    case = start(api, username, **overrides)
    steps = [(INTAKE, "intake", INTAKE_OK), (VERIFIER, "verify", VERIFY_OK),
             (HEAD, "decide", decision_apply(today())), (FORCE, "execute", EXECUTION_REPORT),
             (HEAD, "review", REVIEW_CLOSE), (HEAD, "terminate", termination())]
    for actor, element_id, data in steps[:STAGES.index(stage)]:
        api.do(actor, case["id"], element_id, data)
    return instance(api, case["id"])


def instance(api, case_id: str, username: str = HEAD) -> dict:
    response = api.get(username, f"/process-instances/{case_id}")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def task_id(api, case_id: str, element_id: str, username: str = HEAD) -> str:
    return api.task_of(username, case_id, element_id)["id"]


def history(api, case_id: str, username: str = HEAD) -> list[dict]:
    response = api.get(username, f"/process-instances/{case_id}/history")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def types_of(events: list[dict]) -> list[str]:
    return [e["type"] for e in events]


def errors_json(response) -> dict:
    body = response.get_json()
    assert body["code"] == response.status_code == 422, body
    return body["errors"]["json"]


def instance_count() -> int:
    return db.session.execute(select(func.count()).select_from(ProcessInstance)).scalar_one()


def audit_count() -> int:
    return db.session.execute(select(func.count()).select_from(AuditEvent)).scalar_one()


# -- diagrams ---------------------------------------------------------------------------------
def bpmn_xml(process_id: str = "protection_request") -> bytes:
    return (BPMN_DIR / f"{process_id}.bpmn").read_bytes()


def replaced(xml: bytes, old: str, new: str) -> bytes:
    assert old.encode() in xml, old
    return xml.replace(old.encode(), new.encode())


VERIFY_NAME = 'id="verify" name="Xác minh căn cứ đề nghị"'
VERIFY_RENAMED = 'id="verify" name="Xác minh căn cứ và tính xác thực của đề nghị"'


def post_bpmn(api, username, xml: bytes, model: str = "protection_request"):
    return api.post(username, f"/process-models/{model}/versions", data=xml,
                    headers={"Content-Type": "application/xml"})


# -- audit tampering --------------------------------------------------------------------------
@contextmanager
def without_append_only_guard():
    """Drop the database refusal of UPDATE/DELETE on the audit log, and put it back."""
    from workflow_app.audit.guard import install_append_only, remove_append_only
    db.session.remove()
    with db.engine.begin() as conn:
        remove_append_only(conn)
    try:
        yield
    finally:
        db.session.remove()
        with db.engine.begin() as conn:
            install_append_only(conn)


def tamper_event_data(seq: int, data: str = '{"sua": "doi"}') -> None:
    """Rewrite the `data` of one audit row behind the application's back."""
    with without_append_only_guard():
        cast = "CAST(:data AS jsonb)" if db.engine.dialect.name == "postgresql" else ":data"
        with db.engine.begin() as conn:
            changed = conn.execute(text(f"UPDATE audit_event SET data = {cast} WHERE seq = :seq"),
                                   {"data": data, "seq": seq}).rowcount
        assert changed == 1
