"""bench/bigdata_gen.py keeps working: a small load verifies and the inbox answers.

Only behaviour is checked (the chain, counts, visibility); the benchmark's timings are never
asserted.
"""
from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, select

from workflow_app.audit.chain import verify
from workflow_app.demo import ensure_sample_cases
from workflow_app.extensions import db
from workflow_app.models import AuditEvent, HumanTask, ProcessInstance

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bigdata_gen import generate  # noqa: E402


def count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_generated_cases_keep_the_chain_and_show_in_the_inbox(app, api):
    ensure_sample_cases()
    cases0, events0 = count(ProcessInstance), count(AuditEvent)
    counts = generate(50, 500, seed=1)
    assert count(ProcessInstance) == cases0 + 50 and count(AuditEvent) == events0 + 500
    assert counts["human_task"] == count(HumanTask) - 3          # the samples' 3 open tasks
    assert verify() == {"ok": True, "events": events0 + 500}
    db.session.remove()

    response = api.get("intake_officer.ca_tinh", "/tasks?scope=agency&per_page=100")
    total, items = int(response.headers["X-Total-Count"]), response.get_json()
    assert response.status_code == 200 and total >= 1 and len(items) == min(100, total)
    case = api.get("leader.ca_tinh", f"/process-instances/{items[0]['process_instance_id']}")
    assert case.status_code == 200 and case.get_json()["case_number"] == items[0]["case_number"]
