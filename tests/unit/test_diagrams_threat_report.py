"""bpmn/threat_report.bpmn against docs/processes/threat_report.md."""
from __future__ import annotations

import pytest

from .test_diagrams_complaint_post_decision import (
    NS, bindings, escalations_problems, gateway_flows, props, root_of, settings, structure_problems,
)

PID = "threat_report"


def test_structure():
    assert structure_problems(PID) == []


def test_settings():
    assert settings(PID) == {"assessment_days": 2, "warning_days": 1, "acknowledgement_days": 3,
                             "violation_handling_days": 20}


def test_user_tasks_bind_as_in_the_contract():
    tasks = {k: v[1:] for k, v in bindings(PID).items() if not k.startswith("escalate_")}
    assert tasks == {
        "assess": ("lane_verifier", "threat_report.assessment", "record_threat_assessment", "competent_agency"),
        "warn": ("lane_leader", "threat_report.warning", "record_threat_warning", "competent_agency"),
        "acknowledge": ("lane_coordinator", "threat_report.acknowledgement", "record_warning_acknowledgement",
                        "target_agency"),
        "handle_violation": ("lane_leader", "threat_report.violation_handling", "record_violation_handling",
                             "violation_agency"),
    }


def test_timers_escalate_to_the_head_of_the_monitoring_agency():
    assert escalations_problems(PID, {
        "timer_assess": ("assess", "escalate_assess", "competent_agency", 'days(settings["assessment_days"])'),
        "timer_warn": ("warn", "escalate_warn", "competent_agency", 'days(settings["warning_days"])'),
        "timer_acknowledge": ("acknowledge", "escalate_acknowledge", "competent_agency",
                              'days(settings["acknowledgement_days"])'),
        "timer_violation": ("handle_violation", "escalate_violation", "competent_agency",
                            'days(settings["violation_handling_days"])'),
    }) == []


def test_the_referral_is_a_message_that_starts_a_protection_request():
    root = root_of(PID)
    (event,) = root.xpath('//bpmn:intermediateThrowEvent[@id="refer_protection"]', namespaces=NS)
    assert props(event) == {"startsProcess": "protection_request"}
    definition = event.find("bpmn:messageEventDefinition", NS)
    (message,) = root.xpath(f'//bpmn:message[@id="{definition.get("messageRef")}"]', namespaces=NS)
    assert message.get("name") == "protection_referral"
    payload = definition.findtext("bpmn:extensionElements/spiffworkflow:messagePayload", namespaces=NS)
    for key in ("request_kind", "channel", "requester_agency", "competent_agency", "threat_types",
                "protected_content", "threat_description", "protected_persons", "requested_measures"):
        assert f'"{key}":' in payload


def test_warning_forks_the_acknowledgement_and_the_referrals():
    root = root_of(PID)
    for gateway in ("fork", "join"):
        assert root.xpath(f'//bpmn:parallelGateway[@id="{gateway}"]', namespaces=NS)
    targets = sorted(f.get("targetRef") for f in root.xpath('//bpmn:sequenceFlow[@sourceRef="fork"]', namespaces=NS))
    assert targets == ["acknowledge", "gw_refer_protection"]


@pytest.mark.parametrize("gateway, conditions, default", [
    ("gw_threat", {"end_unfounded": "not threat_confirmed"}, "warn"),
    ("gw_refer_protection", {"refer_protection": "refer_protection"}, "gw_merge_protection"),
    ("gw_merge_protection", {}, "gw_refer_violation"),
    ("gw_refer_violation", {"handle_violation": "refer_violation"}, "gw_merge_violation"),
    ("gw_merge_violation", {}, "join"),
])
def test_gateways(gateway, conditions, default):
    found, found_default = gateway_flows(PID, gateway)
    assert found_default == default and found == {**conditions, default: None}
