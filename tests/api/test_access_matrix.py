"""The access matrix (issue 7): every API endpoint and every page, called as every role.

The tables below ARE the access rules as the tests see them (workflow_app/auth/policy.py
implements them). A new route fails `test_every_*_route_is_in_the_table` until a row is
added here. Each cell is the class of answer expected:

    OK  2xx           F  403 Forbidden        N  404 Not Found (the case is not theirs)
    R   302 redirect  X  any 4xx, never 5xx (the outcome depends on the state or the body)

One known case is built per test (at the `execute` step, so a decision document exists),
with an attachment and an auditor's export of its history; path parameters are filled from
it. One test per role walks every endpoint in the table order (reads first, then the writes;
the token revoke last), and fails with the list of every mismatch.
"""
from __future__ import annotations

from io import BytesIO

import pytest
from sqlalchemy import select

from workflow_app.audit import export_requests, search
from workflow_app.extensions import db
from workflow_app.models import StoredFile, User

from ..support import request_data
from ..web.test_login_and_pages import login
from .helpers import BPMN_DIR, FORCE, INTAKE, case_at, task_id

OK, F, N, R, X = "ok", 403, 404, 302, "any4xx-not-5xx"

# -- the roles ----------------------------------------------------------------------------------
REQ = "requester.tand_tinh"          # requesting agency: a party to the case
INT = "intake_officer.ca_tinh"       # competent agency; the case's file holder after intake
VER = "verifier.ca_tinh"
LEAD = "leader.ca_tinh"              # head of the competent agency: decides, has clearance
PROT = "protection_officer.ca_tinh"  # executing force: has clearance once the decision is made
CVKS = "coordinator.vks_tinh"        # a procedure agency taking no part in this case
CUB = "coordinator.ubnd_tinh"        # an unrelated agency
MON = "monitor.bnc_tu"               # reads every case
AUD = "auditor.ubkt_tu"              # reads every case and the audit log, never writes
DES = "designer.bnc_tu"
ADM = "admin"                        # BNC_TU; may cancel any case, deploys

ROLES = (REQ, INT, VER, LEAD, PROT, CVKS, CUB, MON, AUD, DES, ADM)
PARTIES = (REQ, INT, VER, LEAD, PROT)
READERS = (MON, AUD)
OTHERS = (CVKS, CUB, DES, ADM)


def row(default, **by_role):
    """A table row: `default` for every role, then exceptions (role → class)."""
    cells = {role: default for role in ROLES}
    for key, value in by_role.items():
        cells[ALIASES[key]] = value
    return cells


def case_row(parties=OK, readers=OK, others=N, **exceptions):
    """A row for a route under a case: parties / readers (monitor, auditor) / the others."""
    cells = {**{r: parties for r in PARTIES}, **{r: readers for r in READERS}, **{r: others for r in OTHERS}}
    for key, value in exceptions.items():
        cells[ALIASES[key]] = value
    return cells


ALIASES = {"REQ": REQ, "INT": INT, "VER": VER, "LEAD": LEAD, "PROT": PROT, "CVKS": CVKS, "CUB": CUB,
           "MON": MON, "AUD": AUD, "DES": DES, "ADM": ADM}

# -- the API table: (method, rule as in app.url_map) → expected class per role ---------------------
# Request bodies, where one is sent, are in `api_request` below. Table order is call order.
API_TABLE = {
    ("GET", "/api/v1/openapi.json"): row(OK),
    ("GET", "/api/v1/me"): row(OK),
    ("GET", "/api/v1/agencies"): row(OK),
    ("GET", "/api/v1/notifications"): row(OK),
    ("GET", "/api/v1/process-models"): row(OK),
    ("GET", "/api/v1/process-models/<model_id>"): row(OK),
    ("GET", "/api/v1/process-models/<model_id>/versions"): row(OK),
    ("GET", "/api/v1/process-models/<model_id>/versions/<int:version>/bpmn"): row(OK),
    ("GET", "/api/v1/process-instances"): row(OK),
    ("GET", "/api/v1/process-instances/<instance_id>"): case_row(),
    ("GET", "/api/v1/process-instances/<instance_id>/history"): case_row(),
    ("GET", "/api/v1/process-instances/<instance_id>/file"): case_row(),
    ("GET", "/api/v1/process-instances/<instance_id>/attachments"): case_row(),
    ("GET", "/api/v1/process-instances/<instance_id>/attachments/<file_id>"): case_row(),
    ("GET", "/api/v1/process-instances/<instance_id>/documents"): case_row(),
    ("GET", "/api/v1/process-instances/<instance_id>/documents/<file_id>"): case_row(),
    ("GET", "/api/v1/tasks"): row(OK),
    ("GET", "/api/v1/tasks/<task_id>"): case_row(),
    ("GET", "/api/v1/audit/events"): row(F, AUD=OK),
    ("GET", "/api/v1/audit/verify"): row(F, AUD=OK),
    ("GET", "/api/v1/audit/head"): row(F, AUD=OK),
    ("GET", "/api/v1/audit/head.png"): row(F, AUD=OK),
    # figures: the leader of their own agency, monitors and auditors
    ("GET", "/api/v1/reports/statistics"): row(F, LEAD=OK, MON=OK, AUD=OK),
    ("GET", "/api/v1/reports/statistics.xlsx"): row(F, LEAD=OK, MON=OK, AUD=OK),
    ("GET", "/api/v1/reports/statistics.pdf"): row(F, LEAD=OK, MON=OK, AUD=OK),
    # confidential values: the head, the executing force and the file holder only
    ("POST", "/api/v1/process-instances/<instance_id>/reveal"): case_row(F, F, N, LEAD=OK, PROT=OK, INT=OK),
    # writes
    ("POST", "/api/v1/process-instances"): row(F, REQ=OK, INT=OK),
    ("POST", "/api/v1/process-instances/<instance_id>/attachments"): case_row(OK, F, N),
    ("POST", "/api/v1/process-models/validate"): row(F, DES=OK, ADM=OK),
    ("POST", "/api/v1/process-models/dry-run"): row(F, DES=OK, ADM=OK),
    ("POST", "/api/v1/process-models/<model_id>/versions"): row(F, DES=X, ADM=X),       # empty body: 422
    ("POST", "/api/v1/tasks/<task_id>/claim"): case_row(F, F, N, PROT=OK),
    ("POST", "/api/v1/tasks/<task_id>/release"): case_row(F, F, N, PROT=OK, LEAD=OK),  # the head releases
    ("POST", "/api/v1/tasks/<task_id>/assign"): case_row(F, F, N, LEAD=OK),
    ("POST", "/api/v1/tasks/<task_id>/complete"): case_row(F, F, N, PROT=X),           # empty form: 422
    ("POST", "/api/v1/process-instances/<instance_id>/cancel"): case_row(F, F, N, LEAD=X, ADM=X),  # no reason
    ("POST", "/api/v1/auth/token"): row(OK),
    ("POST", "/api/v1/auth/revoke"): row(OK),
}

# -- the pages table: GET of every page route (not /api/v1, not /static) -------------------------
PAGE_TABLE = {
    ("GET", "/"): row(R),
    ("GET", "/login"): row(OK),                         # the form, even when logged in
    ("GET", "/api/docs"): row(OK),
    ("GET", "/inbox"): row(OK),
    ("GET", "/notifications"): row(OK),
    ("GET", "/cases"): row(OK),
    ("GET", "/cases/<instance_id>"): case_row(),
    ("GET", "/cases/<instance_id>/diagram.bpmn"): case_row(),
    ("GET", "/cases/<instance_id>/attachments/<file_id>"): case_row(),
    ("GET", "/cases/<instance_id>/documents/<file_id>"): case_row(),
    ("GET", "/start"): row(OK),
    ("GET", "/start/<model_id>"): row(N, REQ=OK, INT=OK),    # the page hides what one cannot start (API: 403)
    ("GET", "/tasks/<task_id>"): case_row(),
    ("GET", "/audit/"): row(F, AUD=OK),
    ("GET", "/audit/integrity"): row(F, AUD=OK),
    ("GET", "/audit/head.png"): row(F, AUD=OK),
    ("GET", "/audit/exports"): row(F, AUD=OK),
    ("GET", "/audit/exports/<export_id>"): row(F, AUD=OK),          # the auditor's own (another's: 404)
    ("GET", "/audit/exports/<export_id>/download"): row(F, AUD=OK),
    ("GET", "/audit/cases/<instance_id>"): row(F, AUD=OK),
    ("GET", "/audit/cases/<instance_id>/path.json"): row(F, AUD=OK),
    ("GET", "/audit/cases/<instance_id>/diagram/<process_id>.bpmn"): row(F, AUD=OK),
    ("GET", "/designer/"): row(F, DES=OK, ADM=OK),
    ("GET", "/designer/modeler"): row(F, DES=OK, ADM=OK),
    ("GET", "/designer/reference.json"): row(F, DES=OK, ADM=OK),
    ("GET", "/designer/template.bpmn"): row(F, DES=OK, ADM=OK),
    ("GET", "/designer/models/<model_id>/versions"): row(F, DES=OK, ADM=OK),
    ("GET", "/designer/models/<model_id>/versions/<int:version>.bpmn"): row(F, DES=OK, ADM=OK),
    ("GET", "/designer/models/<model_id>/diff"): row(F, DES=OK, ADM=OK),
    ("GET", "/designer/drafts/<int:draft_id>.bpmn"): row(F, DES=X, ADM=X),     # no such draft: 404
}

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# -- the known state ----------------------------------------------------------------------------
@pytest.fixture
def known(api):
    """A case at `execute` (decision made, document generated) with one attachment."""
    case = case_at(api, "execute")
    response = api.post(INTAKE, f"/process-instances/{case['id']}/attachments",
                        data={"file": (BytesIO(PDF), "a.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 201, response.get_json()
    document = db.session.execute(select(StoredFile).where(
        StoredFile.instance_id == case["id"], StoredFile.kind == "document")).scalars().first()
    assert document is not None, "the decision should have produced a document"
    auditor = db.session.execute(select(User).where(User.username == AUD)).scalar_one()
    made = export_requests.create(auditor, what="case_history", fmt="csv", filters=search.Filters(instance_id=case["id"]),
                                  title="Lịch sử hồ sơ", filename="lich-su")    # rendered at the commit (inline jobs)
    export_id = made.id
    return {"instance_id": case["id"], "file_id": response.get_json()["id"], "document_id": document.id,
            "task_id": task_id(api, case["id"], "execute", FORCE), "model_id": "protection_request",
            "version": "1", "process_id": "protection_request", "export_id": export_id, "draft_id": "999999"}


def fill(rule: str, ids: dict) -> str:
    path = rule.replace("<int:version>", ids["version"]).replace("<int:draft_id>", ids["draft_id"])
    if "/documents/<file_id>" in path:
        path = path.replace("<file_id>", ids["document_id"])
    for name in ("instance_id", "file_id", "task_id", "model_id", "process_id", "export_id"):
        path = path.replace(f"<{name}>", ids[name])
    assert "<" not in path, path
    return path


def api_request(method: str, rule: str, role: str, ids: dict) -> dict:
    """Keyword arguments of the call (body, query) for one API cell."""
    if rule.startswith("/api/v1/reports/"):
        return {"query_string": {"from": "2024-01-01", "to": "2030-12-31"}}
    if method == "GET":
        return {}
    bpmn = (BPMN_DIR / "protection_request.bpmn").read_bytes()
    return {
        "/api/v1/process-instances/<instance_id>/reveal": lambda: {"json": {"fields": ["full_name"],
                                                                           "reason": "Kiểm tra quyền."}},
        "/api/v1/process-instances": lambda: {"json": {"process_model": "protection_request",
                                                       "data": request_data()}},
        "/api/v1/process-instances/<instance_id>/attachments": lambda: {
            "data": {"file": (BytesIO(PDF), "b.pdf")}, "content_type": "multipart/form-data"},
        "/api/v1/process-models/validate": lambda: {"data": bpmn, "content_type": "application/xml"},
        "/api/v1/process-models/dry-run": lambda: {"json": {"bpmn": bpmn.decode(), "data": request_data()}},
        "/api/v1/process-models/<model_id>/versions": lambda: {"data": b"", "content_type": "application/xml"},
        "/api/v1/tasks/<task_id>/assign": lambda: {"json": {"username": PROT}},
        "/api/v1/tasks/<task_id>/complete": lambda: {"json": {"data": {}}},
        "/api/v1/process-instances/<instance_id>/cancel": lambda: {"json": {}},
        "/api/v1/auth/token": lambda: {"json": {"username": role, "password": "baove183"},
                                       "headers": {}},
    }.get(rule, lambda: {"json": {}})()


def classify(status: int):
    if 200 <= status < 300:
        return OK
    return status


def matches(expected, status: int) -> bool:
    if expected == X:
        return 400 <= status < 500
    return classify(status) == expected


def routes(app, pages: bool) -> set[tuple[str, str]]:
    found = set()
    for rule in app.url_map.iter_rules():
        is_api = rule.rule.startswith("/api/v1/")
        if rule.rule.startswith("/static") or is_api == pages:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            if pages and method != "GET":
                continue
            found.add((method, rule.rule))
    return found


def test_every_api_route_is_in_the_table(app):
    missing = routes(app, pages=False) - set(API_TABLE)
    stale = set(API_TABLE) - routes(app, pages=False)
    assert not missing, f"API routes missing from API_TABLE (add a row): {sorted(missing)}"
    assert not stale, f"API_TABLE rows for routes that no longer exist: {sorted(stale)}"


def test_every_page_route_is_in_the_table(app):
    missing = routes(app, pages=True) - set(PAGE_TABLE)
    stale = set(PAGE_TABLE) - routes(app, pages=True)
    assert not missing, f"page routes missing from PAGE_TABLE (add a row): {sorted(missing)}"
    assert not stale, f"PAGE_TABLE rows for routes that no longer exist: {sorted(stale)}"


def walk_api(api, role: str, ids: dict) -> list[str]:
    mismatches = []
    for (method, rule), cells in API_TABLE.items():
        kwargs = api_request(method, rule, role, ids)
        user = None if rule == "/api/v1/auth/token" else role
        if rule == "/api/v1/auth/token":
            kwargs.pop("headers")
        response = api.call(method, user, fill(rule, ids)[len("/api/v1"):], **kwargs)
        expected = cells[role]
        if response.status_code >= 500 or not matches(expected, response.status_code):
            body = response.get_data(as_text=True)[:160].replace("\n", " ")
            mismatches.append(f"{method} {rule}: expected {expected}, got {response.status_code} {body}")
    return mismatches


def walk_pages(client, role: str, ids: dict) -> list[str]:
    mismatches = []
    assert login(client, role).status_code == 302, f"{role} cannot log in"
    for (method, rule), cells in PAGE_TABLE.items():
        response = client.get(fill(rule, ids))
        expected = cells[role]
        if response.status_code >= 500 or not matches(expected, response.status_code):
            mismatches.append(f"{method} {rule}: expected {expected}, got {response.status_code}")
    return mismatches


@pytest.mark.parametrize("role", ROLES)
def test_api_access_matrix(api, known, role):
    mismatches = walk_api(api, role, known)
    assert not mismatches, f"{role}: {len(mismatches)} cell(s) differ from API_TABLE:\n  " + "\n  ".join(mismatches)


@pytest.mark.parametrize("role", ROLES)
def test_page_access_matrix(client, known, role):
    mismatches = walk_pages(client, role, known)
    assert not mismatches, f"{role}: {len(mismatches)} cell(s) differ from PAGE_TABLE:\n  " + "\n  ".join(mismatches)


def test_without_a_token_every_api_route_but_the_token_one_is_401(api, known):
    wrong = []
    for (method, rule) in API_TABLE:
        if rule in ("/api/v1/auth/token", "/api/v1/openapi.json"):
            continue
        response = api.call(method, None, fill(rule, known)[len("/api/v1"):],
                            **api_request(method, rule, LEAD, known))
        if response.status_code != 401:
            wrong.append(f"{method} {rule}: {response.status_code}")
    assert not wrong, "answered without a token:\n  " + "\n  ".join(wrong)
