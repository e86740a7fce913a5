"""The one protection case both benchmarks drive: the path of tests/api/test_smoke_flow.py.

start (requester) → intake → verify → decide (apply, not complex) → execute (report,
recommend ending) → review (end) → terminate: seven user-task steps, the payloads taken
from tests/support.py so that the benchmarks follow the forms as the tests do.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

STARTER = "requester.tand_tinh"


def protection_path(today: str | None = None) -> dict:
    """{"start": {"user", "data"}, "steps": [{"user", "element_id", "data"}, ...]}."""
    from tests.support import INTAKE_OK, VERIFY_OK, decision_apply, request_data
    if today is None:
        from workflow_app import clock
        today = clock.local_now().date().isoformat()
    return {
        "start": {"user": STARTER, "data": request_data()},
        "steps": [
            {"user": "intake_officer.ca_tinh", "element_id": "intake", "data": dict(INTAKE_OK)},
            {"user": "verifier.ca_tinh", "element_id": "verify", "data": dict(VERIFY_OK)},
            {"user": "leader.ca_tinh", "element_id": "decide", "data": decision_apply(today)},
            {"user": "protection_officer.ca_tinh", "element_id": "execute",
             "data": {"report_summary": "Đã bố trí lực lượng canh gác.", "situation": "on_dinh",
                      "recommendation": "cham_dut"}},
            {"user": "leader.ca_tinh", "element_id": "review",
             "data": {"review_action": "cham_dut", "review_basis": "bao_cao_luc_luong"}},
            {"user": "leader.ca_tinh", "element_id": "terminate",
             "data": {"termination_reasons": "Nguy cơ không còn.", "termination_date": today}},
        ],
    }


def users_of(path: dict) -> list[str]:
    return sorted({path["start"]["user"], *(s["user"] for s in path["steps"])})
