"""Requests racing on the same case, each from its own thread and test client.

The threads meet at a barrier and then send their request; whatever order the database
gives them, the outcome must be one winner and a clean conflict for the loser.
"""
from __future__ import annotations

import threading

import pytest

from ..support import INTAKE_OK
from .helpers import HEAD, INTAKE, add_user, end_request, history, instance, start, types_of

INTAKE2 = "intake_officer2.ca_tinh"


def _race(app, api, calls):
    """Run `calls` = [(username, method, path, json)] at once; return the responses in order."""
    tokens = [api.token(user) for user, *_ in calls]       # log in before the race
    end_request()                                           # the main thread holds no transaction
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, token, method, path, body):
        client = app.test_client()
        try:
            barrier.wait(timeout=30)
            response = client.open(f"/api/v1{path}", method=method, json=body,
                                   headers={"Authorization": f"Bearer {token}"})
            results[index] = (response.status_code, response.get_json())
        except Exception as exc:                            # reported by the assertion below
            results[index] = ("exception", repr(exc))

    threads = [threading.Thread(target=run, args=(i, token, method, path, body))
               for i, (token, (_, method, path, body)) in enumerate(zip(tokens, calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a request never finished"
    return results


@pytest.mark.parametrize("users", [(INTAKE, INTAKE2), (INTAKE, INTAKE)], ids=["two officials", "same official"])
def test_two_clients_completing_the_same_task_one_wins(app, api, users):
    add_user(INTAKE2, ["intake_officer"], "CA_TINH")
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    path = f"/tasks/{task_id}/complete"
    results = _race(app, api, [(user, "POST", path, {"data": INTAKE_OK}) for user in users])
    statuses = sorted(status for status, _ in results)
    assert statuses == [200, 409], results
    loser = next(body for status, body in results if status == 409)
    assert loser["code"] == 409 and loser["message"]
    events = history(api, case["id"])
    assert [e["task_id"] for e in events if e["type"] == "task_completed"] == [task_id]
    assert types_of(events).count("task_ready") == 2                 # intake, then verify once
    assert [t["element_id"] for t in instance(api, case["id"])["active_tasks"]] == ["verify"]
    assert api.get("auditor.ubkt_tu", "/audit/verify").get_json()["ok"] is True


def test_two_officials_claiming_the_same_task_one_wins(app, api):
    add_user(INTAKE2, ["intake_officer"], "CA_TINH")
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    results = _race(app, api, [(user, "POST", f"/tasks/{task_id}/claim", None) for user in (INTAKE, INTAKE2)])
    assert sorted(status for status, _ in results) == [200, 409], results
    winner = next(body for status, body in results if status == 200)["assignee"]
    assert instance(api, case["id"])["active_tasks"][0]["assignee"] == winner
    claims = [e for e in history(api, case["id"]) if e["type"] == "task_claimed"]
    assert [e["actor"]["username"] for e in claims] == [winner]


def test_cancel_racing_a_completion_leaves_a_consistent_case(app, api):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    results = _race(app, api, [(INTAKE, "POST", f"/tasks/{task_id}/complete", {"data": INTAKE_OK}),
                               (HEAD, "POST", f"/process-instances/{case['id']}/cancel", {"reason": "Rút đơn."})])
    (completed, _), (cancelled, _) = results
    assert cancelled == 200, results
    assert completed in (200, 409), results
    after = instance(api, case["id"])
    assert after["status"] == "cancelled" and after["active_tasks"] == []
    types = types_of(history(api, case["id"]))
    assert types[-1] == "instance_cancelled"
    assert types.count("task_completed") == (1 if completed == 200 else 0)


def test_many_cases_started_at_once_get_distinct_numbers(app, api):
    from ..support import request_data
    calls = [(user, "POST", "/process-instances", {"process_model": "protection_request", "data": request_data()})
             for user in ("requester.tand_tinh", "requester.vks_tinh", "requester.thads_tinh", "requester.ca_tinh")]
    results = _race(app, api, calls)
    assert [status for status, _ in results] == [201] * 4, results
    numbers = {body["case_number"] for _, body in results}
    assert len(numbers) == 4
