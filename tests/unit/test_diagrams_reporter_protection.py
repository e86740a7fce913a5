"""bpmn/reporter_protection.bpmn against docs/processes/reporter_protection.md."""
from __future__ import annotations

import pytest

from .test_diagrams_complaint_post_decision import (
    bindings, escalations_problems, gateway_flows, settings, structure_problems,
)

PID = "reporter_protection"


def test_structure():
    assert structure_problems(PID) == []


def test_settings():
    assert settings(PID) == {"intake_days": 1, "verification_days": 5, "decision_days": 3, "report_days": 15,
                             "reward_decision_days": 30}


def test_user_tasks_bind_as_in_the_contract():
    tasks = {k: v[1:] for k, v in bindings(PID).items() if not k.startswith("escalate_")}
    assert tasks == {
        "intake": ("lane_intake_officer", "reporter_protection.intake", "register_reporter", "competent_agency"),
        "verify": ("lane_verifier", "reporter_protection.verification", "record_reporter_verification",
                   "competent_agency"),
        "decide": ("lane_leader", "reporter_protection.decision", "record_reporter_decision", "competent_agency"),
        "execute": ("lane_protection_officer", "reporter_protection.execution",
                    "record_reporter_protection_report", "executing_agency"),
        "propose_reward": ("lane_verifier", "reporter_protection.reward_proposal", "record_reward_proposal",
                           "competent_agency"),
        "decide_reward": ("lane_leader", "reporter_protection.reward_decision", "record_reward_decision",
                          "competent_agency"),
    }


def test_timers():
    assert escalations_problems(PID, {
        "timer_intake": ("intake", "escalate_intake", "competent_agency", 'days(settings["intake_days"])'),
        "timer_verify": ("verify", "escalate_verify", "competent_agency", 'days(settings["verification_days"])'),
        "timer_decide": ("decide", "escalate_decide", "competent_agency", 'days(settings["decision_days"])'),
        "timer_execute": ("execute", "escalate_execute", "competent_agency", 'days(settings["report_days"])'),
        "timer_reward": ("decide_reward", "escalate_reward", "competent_agency",
                         'days(settings["reward_decision_days"])'),
    }) == []


@pytest.mark.parametrize("gateway, conditions, default", [
    ("gw_protect", {"execute": 'protection_outcome == "ap_dung"'}, "gw_merge"),
    ("gw_merge", {}, "propose_reward"),
    ("gw_propose", {"decide_reward": "reward_proposed"}, "end_no_reward"),
])
def test_gateways(gateway, conditions, default):
    found, found_default = gateway_flows(PID, gateway)
    assert found_default == default and found == {**conditions, default: None}
