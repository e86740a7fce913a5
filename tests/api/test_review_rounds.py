"""Review rounds on a schedule (workflow_app/services/review_rounds.py): one case per round."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from workflow_app.extensions import db
from workflow_app.models import HumanTask, ProcessInstance
from workflow_app.services import review_rounds
from workflow_app.services.errors import Invalid, NotFound

from .helpers import add_user

H1 = (date(2026, 1, 1), date(2026, 6, 30))


def rounds() -> int:
    return db.session.execute(select(func.count()).select_from(ProcessInstance).where(
        ProcessInstance.process_model_id == "periodic_review")).scalar_one()


def test_a_round_is_a_case_with_one_report_task_per_unit_of_the_plan(api):
    instance = review_rounds.start_round(*H1, "so_ket")
    assert instance.case_number.startswith("SK-") and instance.started_by == "monitor.bnc_tu"
    tasks = db.session.execute(select(HumanTask.agency_code, HumanTask.role, HumanTask.element_id)
                               .where(HumanTask.instance_id == instance.id)).all()
    assert sorted(a for a, _, _ in tasks) == sorted(review_rounds.PLAN_UNITS)
    assert {(role, element) for _, role, element in tasks} == {("coordinator", "report_results")}
    seen = api.get("monitor.bnc_tu", f"/process-instances/{instance.id}").get_json()
    assert seen["data"]["review_kind"] == "so_ket" and seen["data"]["period_end"] == "2026-06-30"


def test_starting_the_same_round_again_returns_it(api):
    first = review_rounds.start_round(*H1, "so_ket")
    again = review_rounds.start_round(*H1, "so_ket", responsible_agencies=["CA_TINH"])
    assert again.id == first.id and rounds() == 1
    other_kind = review_rounds.start_round(*H1, "tong_ket", responsible_agencies=["CA_TINH"])
    assert other_kind.id != first.id and rounds() == 2


def test_a_cancelled_round_may_be_started_again(api):
    first = review_rounds.start_round(*H1, "so_ket", responsible_agencies=["CA_TINH"])
    response = api.post("admin", f"/process-instances/{first.id}/cancel", json={"reason": "Mở nhầm kỳ."})
    assert response.status_code == 200, response.get_json()
    assert review_rounds.start_round(*H1, "so_ket").id != first.id


def test_units_and_deadline_may_be_chosen(api):
    instance = review_rounds.start_round(*H1, "so_ket", responsible_agencies=["CA_TINH", "VKS_TINH"],
                                         report_days=10)
    assert instance.data["report_days"] == 10
    assert instance.data["responsible_agencies"] == ["CA_TINH", "VKS_TINH"]


@pytest.mark.parametrize("on, due", [
    (date(2026, 7, 1), [(date(2026, 1, 1), date(2026, 6, 30), "so_ket")]),
    (date(2026, 12, 31), [(date(2026, 1, 1), date(2026, 6, 30), "so_ket")]),
    (date(2027, 1, 1), [(date(2026, 1, 1), date(2026, 12, 31), "tong_ket")]),
    (date(2027, 6, 30), [(date(2026, 1, 1), date(2026, 12, 31), "tong_ket")]),
])
def test_the_period_due_is_the_one_that_has_just_ended(on, due):
    assert review_rounds.periods_due(on) == due


def test_a_scheduler_calling_every_day_opens_each_round_once(api):
    for day in range(1, 6):
        review_rounds.start_due(date(2026, 7, day), responsible_agencies=["CA_TINH"])
    review_rounds.start_due(date(2027, 1, 2), responsible_agencies=["CA_TINH"])
    kinds = sorted(r.data["review_kind"] for r in db.session.execute(select(ProcessInstance).where(
        ProcessInstance.process_model_id == "periodic_review")).scalars())
    assert kinds == ["so_ket", "tong_ket"]


def test_a_bad_round_is_refused_and_leaves_nothing(api):
    with pytest.raises(Invalid):
        review_rounds.start_round(date(2026, 6, 30), date(2026, 1, 1), "so_ket")
    with pytest.raises(Invalid):
        review_rounds.start_round(*H1, "hang_quy")
    assert rounds() == 0


def test_only_a_monitor_opens_a_round(api):
    with pytest.raises(NotFound):
        review_rounds.start_round(*H1, "so_ket", started_by="coordinator.ca_tinh")
    assert rounds() == 0


def test_a_round_someone_cancelled_is_not_reopened_by_the_scheduler(api):
    (first,) = review_rounds.start_due(date(2026, 7, 1), responsible_agencies=["CA_TINH"])
    admin = add_user("admin.bnc_tu", ["admin"], "BNC_TU")
    response = api.post(admin, f"/process-instances/{first.id}/cancel", json={"reason": "Mở nhầm"})
    assert response.status_code == 200, response.get_json()
    db.session.expire_all()
    assert db.session.get(ProcessInstance, first.id).status == "cancelled"
    for day in range(2, 5):                              # beat keeps calling
        (again,) = review_rounds.start_due(date(2026, 7, day), responsible_agencies=["CA_TINH"])
        assert again.id == first.id
    assert rounds() == 1
    reopened = review_rounds.start_round(date(2026, 1, 1), date(2026, 6, 30), "so_ket",
                                         responsible_agencies=["CA_TINH"])      # by hand: a new round
    assert reopened.id != first.id and rounds() == 2
