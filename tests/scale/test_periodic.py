"""The periodic jobs as the embedded loop runs them, and the loop's refusal beside Celery."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.jobs import periodic
from workflow_app.models import ProcessInstance

from ..support import request_data


def _rounds() -> int:
    count = db.session.execute(select(func.count()).select_from(ProcessInstance).where(
        ProcessInstance.process_model_id == "periodic_review")).scalar_one()
    db.session.commit()
    return count


def test_tick_fires_timers_and_opens_the_due_review_round_once(app, api):
    api.start("requester.tand_tinh", request_data())
    clock.advance(timedelta(days=3, minutes=1))
    first = periodic.tick(app, review_rounds=True)
    assert first["fired"] == 1 and first["rounds"] == 1
    assert _rounds() == 1
    second = periodic.tick(app, review_rounds=True)      # a second scheduler, or a second day
    assert second["fired"] == 0 and second["rounds"] == 1
    assert _rounds() == 1                                 # the same round, not a new one


def test_the_embedded_loop_does_not_run_beside_celery(app):
    app.config["CELERY_BROKER_URL"] = "redis://127.0.0.1:6379/3"
    result = app.test_cli_runner().invoke(args=["run-timers", "--loop"])
    assert result.exit_code == 0
    assert "CELERY_BROKER_URL đã được đặt" in result.output
    assert "Đã xử lý hẹn giờ" not in result.output
