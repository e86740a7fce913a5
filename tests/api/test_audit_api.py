"""GET /audit/events (filters, paging) and GET /audit/verify, for auditors only."""
from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import quote

import pytest

from workflow_app import clock

from ..support import INTAKE_OK
from .helpers import (AUDITOR, DESIGNER, HEAD, INTAKE, MONITOR, REQUESTER, advance, history, start,
                      tamper_event_data)


def _events(api, query=""):
    response = api.get(AUDITOR, f"/audit/events{query}")
    assert response.status_code == 200, response.get_json()
    return response.get_json(), int(response.headers["X-Total-Count"])


def test_events_are_the_whole_log_in_seq_order(api):
    case = start(api)
    events, total = _events(api, "?per_page=200")
    assert total == len(events) > 0
    seqs = [e["seq"] for e in events]
    assert seqs == list(range(1, total + 1))
    assert {"seq", "at", "actor", "type", "process_instance_id", "element_id", "element_name", "task_id",
            "data", "hash"} <= set(events[0])
    assert case["id"] in {e["process_instance_id"] for e in events}
    assert {"token_issued", "instance_started", "task_ready"} <= {e["type"] for e in events}


def test_filter_by_case_is_that_case_s_history(api):
    case, other = start(api), start(api)
    api.do(INTAKE, other["id"], "intake", INTAKE_OK)
    events, total = _events(api, f"?process_instance={case['id']}")
    assert [e["seq"] for e in events] == [e["seq"] for e in history(api, case["id"])]
    assert total == len(events) and {e["process_instance_id"] for e in events} == {case["id"]}


def test_filter_by_actor_and_type(api):
    case = start(api)
    api.do(INTAKE, case["id"], "intake", INTAKE_OK)
    events, total = _events(api, f"?actor={INTAKE}")
    assert total == len(events) and {e["actor"]["username"] for e in events} == {INTAKE}
    assert {"token_issued", "task_claimed", "task_completed"} <= {e["type"] for e in events}
    events, total = _events(api, "?type=task_completed")
    assert [(e["element_id"], e["actor"]["username"]) for e in events] == [("intake", INTAKE)]
    events, total = _events(api, f"?type=task_completed&actor={REQUESTER}")
    assert (events, total) == ([], 0)


def test_filter_by_time_window(api):
    start(api)
    middle = clock.now()
    advance(api, timedelta(hours=1))
    later = start(api)
    since = quote(middle.isoformat())
    events, _ = _events(api, f"?since={since}&type=instance_started")
    assert [e["process_instance_id"] for e in events] == [later["id"]]
    events, _ = _events(api, f"?until={since}&type=instance_started")
    assert len(events) == 1 and events[0]["process_instance_id"] != later["id"]
    assert all(datetime.fromisoformat(e["at"]) < middle for e in events)


@pytest.mark.parametrize("query, field", [("?since=hom-qua", "since"), ("?until=2026-01-01T00:00:00", "until"),
                                          ("?per_page=0", "per_page")])
def test_bad_filters_are_422(api, query, field):
    response = api.get(AUDITOR, f"/audit/events{query}")
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["query"]


def test_events_page(api):
    for _ in range(3):
        start(api)
    all_events, total = _events(api, "?per_page=200")
    page2, total2 = _events(api, "?per_page=4&page=2")
    assert total2 == total + 1                  # the first read is itself an event (audit_viewed)
    assert [e["seq"] for e in page2] == [e["seq"] for e in all_events[4:8]]


@pytest.mark.parametrize("user", [MONITOR, HEAD, REQUESTER, DESIGNER, "admin", "inspector.ubkt_tu"])
@pytest.mark.parametrize("path", ["/audit/events", "/audit/verify"])
def test_only_auditors_read_the_log(api, user, path):
    response = api.get(user, path)
    assert response.status_code == 403
    assert response.get_json()["code"] == 403


def test_verify_reports_an_intact_chain(api):
    start(api)
    _, total = _events(api)
    response = api.get(AUDITOR, "/audit/verify")
    assert response.status_code == 200
    assert response.get_json() == {"ok": True, "events": total + 1}     # + the read of the events


def test_verify_finds_the_first_tampered_event(api):
    case = start(api)
    api.do(INTAKE, case["id"], "intake", INTAKE_OK)
    completed = [e for e in history(api, case["id"]) if e["type"] == "task_completed"][0]
    tamper_event_data(completed["seq"], '{"values": {"intake_complete": false}}')
    response = api.get(AUDITOR, "/audit/verify")
    assert response.status_code == 200
    assert response.get_json() == {"ok": False, "first_bad_seq": completed["seq"]}
