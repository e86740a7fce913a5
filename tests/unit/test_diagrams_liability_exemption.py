"""bpmn/liability_exemption.bpmn against docs/processes/liability_exemption.md."""
from __future__ import annotations

import pytest

from .test_diagrams_complaint_post_decision import (
    NS, bindings, escalations_problems, gateway_flows, props, root_of, settings, structure_problems,
)

PID = "liability_exemption"


def test_structure():
    assert structure_problems(PID) == []


def test_settings():
    assert settings(PID) == {"verification_days": 15, "decision_days": 10, "record_days": 5}


def test_only_the_official_applies():
    (start,) = root_of(PID).xpath("//bpmn:process/bpmn:startEvent", namespaces=NS)
    assert props(start) == {"formKey": "liability_exemption.start", "handler": "open_exemption_request"}


def test_user_tasks_bind_as_in_the_contract():
    tasks = {k: v[1:] for k, v in bindings(PID).items() if not k.startswith("escalate_")}
    assert tasks == {
        "verify": ("lane_verifier", "liability_exemption.verification", "record_exemption_verification",
                   "competent_agency"),
        "supplement": ("lane_requester", "liability_exemption.supplement", "record_exemption_supplement",
                       "requester_agency"),
        "decide": ("lane_leader", "liability_exemption.decision", "record_exemption_decision", "competent_agency"),
        "record": ("lane_intake_officer", "liability_exemption.record", "record_exemption_entry",
                   "competent_agency"),
    }


def test_timers():
    assert escalations_problems(PID, {
        "timer_verify": ("verify", "escalate_verify", "competent_agency", 'days(settings["verification_days"])'),
        "timer_decide": ("decide", "escalate_decide", "competent_agency", 'days(settings["decision_days"])'),
        "timer_record": ("record", "escalate_record", "competent_agency", 'days(settings["record_days"])'),
    }) == []


@pytest.mark.parametrize("gateway, conditions, default", [
    ("gw_evidence", {"supplement": "not evidence_sufficient"}, "decide"),
    ("gw_outcome", {"end_rejected": 'exemption_outcome == "khong_chap_nhan"'}, "record"),
])
def test_gateways(gateway, conditions, default):
    found, found_default = gateway_flows(PID, gateway)
    assert found_default == default and found == {**conditions, default: None}
