"""Requests racing on the same case, each from its own thread and test client.

The threads meet at a barrier and then send their request; whatever order the database
gives them, the outcome must be one winner and a clean conflict for the loser.
"""
from __future__ import annotations

import threading

import pytest

from sqlalchemy import text

from workflow_app.extensions import db

from ..support import INTAKE_OK, decision_apply
from .helpers import (HEAD, INTAKE, add_user, case_at, end_request, history, instance, start, task_id, today,
                      types_of)

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


# -- a case that changes while a completion is being prepared ------------------------------------
def _changed_meanwhile(monkeypatch, times: int):
    """Make the case change (its version rises, as any write does) right after the first
    `times` preparations of a completion, from another connection; count the preparations."""
    from workflow_app.services import tasks as task_service
    prepare, calls = task_service._prepare_completion, []

    def preparing(user, task_id, data):
        prepared = prepare(user, task_id, data)
        calls.append(task_id)
        if len(calls) <= times:
            with db.engine.begin() as other:
                other.execute(text("UPDATE process_instance SET version = version + 1 WHERE id = :id"),
                              {"id": prepared.instance.id})
        return prepared

    monkeypatch.setattr(task_service, "_prepare_completion", preparing)
    return calls


def _written_for(case_id: str) -> dict:
    end_request()
    counts = {name: db.session.execute(text(f"SELECT count(*) FROM {name} WHERE instance_id = :id"),
                                       {"id": case_id}).scalar_one()
              for name in ("case_file_entry", "notification", "vault_entry", "pending_document")}
    end_request()
    return counts


def test_a_case_changed_while_the_decision_was_prepared_is_decided_once_from_what_is_there(app, api, monkeypatch):
    case = case_at(api, "decide")
    before, documents_before = _written_for(case["id"]), _documents(case["id"])
    decide = task_id(api, case["id"], "decide")
    calls = _changed_meanwhile(monkeypatch, times=1)
    answer = api.post(HEAD, f"/tasks/{decide}/complete", json={"data": decision_apply(today())})
    assert answer.status_code == 200, answer.get_json()
    assert calls == [decide, decide]                       # prepared again after the change
    after = _written_for(case["id"])
    # One decision's worth of rows: nothing of the discarded first preparation was written.
    documents = after["pending_document"] + _documents(case["id"])
    assert documents - before["pending_document"] - documents_before == 2     # the decision and the notice
    assert after["case_file_entry"] - before["case_file_entry"] == 2
    events = history(api, case["id"])
    assert [e["task_id"] for e in events if e["type"] == "task_completed"].count(decide) == 1
    assert api.get("auditor.ubkt_tu", "/audit/verify").get_json()["ok"] is True


def test_a_case_that_keeps_changing_gives_409_and_nothing_written(app, api, monkeypatch):
    case = case_at(api, "decide")
    before = _written_for(case["id"])
    decide = task_id(api, case["id"], "decide")
    events_before = len(history(api, case["id"]))
    calls = _changed_meanwhile(monkeypatch, times=99)
    answer = api.post(HEAD, f"/tasks/{decide}/complete", json={"data": decision_apply(today())})
    assert answer.status_code == 409 and "cập nhật" in answer.get_json()["message"]
    assert len(calls) == 3
    assert _written_for(case["id"]) == before and _documents(case["id"]) == 0
    assert len(history(api, case["id"])) == events_before
    assert [t["element_id"] for t in instance(api, case["id"])["active_tasks"]] == ["decide"]


def _documents(case_id: str) -> int:
    end_request()
    count = db.session.execute(text("SELECT count(*) FROM stored_file WHERE instance_id = :id AND kind = 'document'"),
                               {"id": case_id}).scalar_one()
    end_request()
    return count
