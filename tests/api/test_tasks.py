"""Tasks: the inbox (scopes, overdue, filters), one task with its form, claim, release, assign."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from .helpers import (AUDITOR, HEAD, INTAKE, MONITOR, OUTSIDER, REQUESTER, VERIFIER, add_user, advance,
                      case_at, errors_json, history, start, types_of)

INTAKE2 = "intake_officer2.ca_tinh"


@pytest.fixture
def second_intake(app):
    return add_user(INTAKE2, ["intake_officer"], "CA_TINH")


def _tasks(api, user, query=""):
    response = api.get(user, f"/tasks{query}")
    assert response.status_code == 200, response.get_json()
    return [t["id"] for t in response.get_json()], int(response.headers["X-Total-Count"])


def _intake_task(api):
    return start(api)["active_tasks"][0]["id"]


def test_a_task_in_the_inbox_has_the_documented_fields(api):
    case = start(api)
    [task] = api.get(INTAKE, "/tasks").get_json()
    assert set(task) == {"id", "name", "element_id", "process_instance_id", "case_number", "role", "agency",
                         "assignee", "due_at", "form_key"}
    assert (task["process_instance_id"], task["case_number"]) == (case["id"], case["case_number"])
    assert (task["element_id"], task["role"], task["agency"], task["form_key"]) == \
        ("intake", "intake_officer", "CA_TINH", "protection_request.intake")
    assert datetime.fromisoformat(task["due_at"]) - datetime.fromisoformat(case["created_at"]) \
        == pytest.approx(timedelta(days=3), abs=timedelta(seconds=5))


def test_scopes_mine_group_agency_all(api, second_intake):
    first, second = _intake_task(api), _intake_task(api)
    assert _tasks(api, INTAKE, "?scope=mine") == ([], 0)
    assert set(_tasks(api, INTAKE, "?scope=group")[0]) == {first, second}
    assert api.post(INTAKE2, f"/tasks/{second}/claim").status_code == 200
    assert api.post(INTAKE, f"/tasks/{first}/claim").status_code == 200
    assert _tasks(api, INTAKE, "?scope=mine") == ([first], 1)
    assert _tasks(api, INTAKE, "?scope=group") == ([first], 1)     # not what a colleague holds
    assert _tasks(api, INTAKE, "") == ([first], 1)                 # default: all = mine ∪ group
    assert _tasks(api, INTAKE, "?scope=all") == ([first], 1)
    assert set(_tasks(api, INTAKE, "?scope=agency")[0]) == {first, second}
    assert set(_tasks(api, HEAD, "?scope=agency")[0]) == {first, second}   # every task of CA_TINH
    assert _tasks(api, HEAD, "?scope=all") == ([], 0)                      # none for the head's role
    assert _tasks(api, VERIFIER, "") == ([], 0)
    assert _tasks(api, "intake_officer.vks_tinh", "?scope=agency") == ([], 0)


def test_a_task_assigned_to_someone_is_in_their_mine_scope(api):
    task = _intake_task(api)
    api.post(HEAD, f"/tasks/{task}/assign", json={"username": INTAKE})
    assert _tasks(api, INTAKE, "?scope=mine") == ([task], 1)


def test_overdue_lists_tasks_past_their_deadline(api):
    task = _intake_task(api)
    later = case_at(api, "verify")["active_tasks"][0]["id"]
    assert _tasks(api, INTAKE, "?overdue=true") == ([], 0)
    advance(api, timedelta(days=3, hours=1))
    assert _tasks(api, INTAKE, "?overdue=true") == ([task], 1)
    assert _tasks(api, VERIFIER, "?overdue=true") == ([], 0)               # 7 days to verify
    assert _tasks(api, VERIFIER, "?overdue=false") == ([later], 1)
    advance(api, timedelta(days=4))
    assert _tasks(api, VERIFIER, "?overdue=1") == ([later], 1)


def test_process_model_filter_and_paging(api):
    ids = [_intake_task(api) for _ in range(3)]
    assert set(_tasks(api, INTAKE, "?process_model=protection_request")[0]) == set(ids)
    assert _tasks(api, INTAKE, "?process_model=interagency_coordination") == ([], 0)
    page1, total = _tasks(api, INTAKE, "?per_page=2")
    page2, _ = _tasks(api, INTAKE, "?per_page=2&page=2")
    assert total == 3 and len(page1) == 2 and len(page2) == 1
    assert set(page1 + page2) == set(ids)


@pytest.mark.parametrize("query, field", [("?scope=everything", "scope"), ("?scope=", "scope"),
                                          ("?overdue=maybe", "overdue"), ("?page=-1", "page")])
def test_bad_task_list_parameters_are_422(api, query, field):
    response = api.get(INTAKE, f"/tasks{query}")
    assert response.status_code == 422
    assert field in response.get_json()["errors"]["query"]


def test_get_a_task_with_its_form_and_data(api):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    response = api.get(INTAKE, f"/tasks/{task_id}")
    assert response.status_code == 200
    task = response.get_json()
    assert (task["id"], task["element_id"], task["case_number"]) == (task_id, "intake", case["case_number"])
    form = task["form"]
    assert form["title"] == "Tiếp nhận đề nghị áp dụng biện pháp bảo vệ"
    assert form["required"] == ["intake_complete"]
    assert form["properties"]["intake_complete"] == {"type": "boolean", "title": "Hồ sơ đầy đủ"}
    assert form["properties"]["missing_items"]["title"] == "Nội dung cần bổ sung"
    assert "VKS_TINH" in form["properties"]["competent_agency"]["enum"]
    assert task["data"] == {"competent_agency": "CA_TINH"}


def test_the_decision_form_offers_the_catalogue_and_required_fields(api):
    case = case_at(api, "decide")
    task = api.get(HEAD, f"/tasks/{case['active_tasks'][0]['id']}").get_json()
    props = task["form"]["properties"]
    assert props["decision_outcome"]["enum"] == ["ap_dung", "tu_choi"]
    assert "canh_gac_bao_ve" in props["measures"]["items"]["enum"]
    assert props["measures_start"]["format"] == "date"
    assert "decision_outcome" in task["form"]["required"]


def test_get_task_visibility(api):
    task_id = _intake_task(api)
    for user in (REQUESTER, VERIFIER, MONITOR, AUDITOR):        # parties and read-all roles see it
        assert api.get(user, f"/tasks/{task_id}").status_code == 200
    assert api.get(OUTSIDER, f"/tasks/{task_id}").status_code == 404
    assert api.get(INTAKE, "/tasks/khong-co-nhiem-vu").status_code == 404


# -- claim ------------------------------------------------------------------------------------
def test_claim_takes_the_task_and_is_logged(api):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    response = api.post(INTAKE, f"/tasks/{task_id}/claim")
    assert response.status_code == 200
    assert (response.get_json()["id"], response.get_json()["assignee"]) == (task_id, INTAKE)
    assert api.post(INTAKE, f"/tasks/{task_id}/claim").status_code == 200     # again: no change
    claims = [e for e in history(api, case["id"]) if e["type"] == "task_claimed"]
    assert [(e["task_id"], e["actor"]["username"]) for e in claims] == [(task_id, INTAKE)]


def test_claim_of_a_task_held_by_someone_else_is_409(api, second_intake):
    task_id = _intake_task(api)
    api.post(INTAKE, f"/tasks/{task_id}/claim")
    response = api.post(INTAKE2, f"/tasks/{task_id}/claim")
    assert response.status_code == 409
    assert INTAKE in response.get_json()["message"]
    assert api.get(INTAKE, f"/tasks/{task_id}").get_json()["assignee"] == INTAKE


@pytest.mark.parametrize("user, status", [(VERIFIER, 403), (REQUESTER, 403), (AUDITOR, 403), (MONITOR, 403),
                                          ("intake_officer.tand_tinh", 403), (OUTSIDER, 404)])
def test_claim_by_someone_not_eligible(api, user, status):
    task_id = _intake_task(api)
    assert api.post(user, f"/tasks/{task_id}/claim").status_code == status
    assert api.get(INTAKE, f"/tasks/{task_id}").get_json()["assignee"] is None


# -- release ----------------------------------------------------------------------------------
@pytest.mark.parametrize("releaser", [INTAKE, HEAD])
def test_the_holder_or_the_head_releases(api, releaser):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    api.post(INTAKE, f"/tasks/{task_id}/claim")
    response = api.post(releaser, f"/tasks/{task_id}/release")
    assert response.status_code == 200 and response.get_json()["assignee"] is None
    released = [e for e in history(api, case["id"]) if e["type"] == "task_released"]
    assert [(e["actor"]["username"], e["data"]["previous_assignee"]) for e in released] == [(releaser, INTAKE)]


@pytest.mark.parametrize("user, status", [(INTAKE2, 403), (VERIFIER, 403), ("leader.tand_tinh", 403),
                                          (AUDITOR, 403), (OUTSIDER, 404)])
def test_release_by_others(api, second_intake, user, status):
    task_id = _intake_task(api)
    api.post(INTAKE, f"/tasks/{task_id}/claim")
    assert api.post(user, f"/tasks/{task_id}/release").status_code == status
    assert api.get(INTAKE, f"/tasks/{task_id}").get_json()["assignee"] == INTAKE


# -- assign -----------------------------------------------------------------------------------
def test_the_head_assigns_an_eligible_official(api, second_intake):
    case = start(api)
    task_id = case["active_tasks"][0]["id"]
    api.post(INTAKE, f"/tasks/{task_id}/claim")
    response = api.post(HEAD, f"/tasks/{task_id}/assign", json={"username": INTAKE2})
    assert response.status_code == 200 and response.get_json()["assignee"] == INTAKE2
    assert "task_assigned" in types_of(history(api, case["id"]))
    assert _tasks(api, INTAKE2, "?scope=mine") == ([task_id], 1)
    assert _tasks(api, INTAKE, "?scope=mine") == ([], 0)


@pytest.mark.parametrize("body", [{"username": VERIFIER}, {"username": "intake_officer.vks_tinh"},
                                  {"username": "khong.co.ai"}, {"username": AUDITOR}, {"username": ""}, {}])
def test_assigning_someone_not_eligible_is_422(api, body):
    task_id = _intake_task(api)
    response = api.post(HEAD, f"/tasks/{task_id}/assign", json=body)
    assert response.status_code == 422
    assert "username" in errors_json(response)
    assert api.get(INTAKE, f"/tasks/{task_id}").get_json()["assignee"] is None


@pytest.mark.parametrize("user, status", [(INTAKE, 403), (VERIFIER, 403), ("leader.tand_tinh", 403),
                                          (MONITOR, 403), (OUTSIDER, 404)])
def test_only_the_head_of_the_tasks_agency_assigns(api, user, status):
    task_id = _intake_task(api)
    for body in ({"username": INTAKE}, {}):                          # 403/404 before 422
        assert api.post(user, f"/tasks/{task_id}/assign", json=body).status_code == status
    assert api.get(INTAKE, f"/tasks/{task_id}").get_json()["assignee"] is None
