"""Versions are pinned: a case started on v1 keeps v1's steps and deadlines to its end after
v2 (a new step, a longer deadline) is deployed; new cases take v2."""
from __future__ import annotations

from datetime import datetime, timedelta

from ..support import INTAKE_OK, VERIFY_OK, decision_apply
from .helpers import (DESIGNER, EXECUTION_REPORT, FORCE, HEAD, INTAKE, REVIEW_CLOSE, VERIFIER, bpmn_xml, history,
                      post_bpmn, replaced, start, termination, today)

NEW_STEP = """<bpmn:userTask id="assess" name="Thẩm định kết quả xác minh">
      <bpmn:extensionElements><spiffworkflow:properties>
        <spiffworkflow:property name="formKey" value="common.escalation" />
        <spiffworkflow:property name="agency" value="competent_agency" />
      </spiffworkflow:properties></bpmn:extensionElements>
      <bpmn:incoming>flow_verify_decide</bpmn:incoming>
      <bpmn:outgoing>flow_assess_decide</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="flow_assess_decide" sourceRef="assess" targetRef="decide" />
    <bpmn:userTask id="verify" """


def version_2() -> bytes:
    xml = replaced(bpmn_xml(), '<spiffworkflow:property name="intake_days" value="3" />',
                   '<spiffworkflow:property name="intake_days" value="5" />')
    xml = replaced(xml, '<bpmn:userTask id="verify" ', NEW_STEP)
    xml = replaced(xml, '<bpmn:sequenceFlow id="flow_verify_decide" sourceRef="verify" targetRef="decide" />',
                   '<bpmn:sequenceFlow id="flow_verify_decide" sourceRef="verify" targetRef="assess" />')
    xml = replaced(xml, '<bpmn:incoming>flow_verify_decide</bpmn:incoming>\n      <bpmn:incoming>flow_gw_review_decide',
                   '<bpmn:incoming>flow_assess_decide</bpmn:incoming>\n      <bpmn:incoming>flow_gw_review_decide')
    return replaced(xml, "<bpmn:flowNodeRef>verify</bpmn:flowNodeRef>",
                    "<bpmn:flowNodeRef>verify</bpmn:flowNodeRef>\n        <bpmn:flowNodeRef>assess</bpmn:flowNodeRef>")


def intake_delay(api, case) -> timedelta:
    task = api.task_of(INTAKE, case["id"], "intake")
    return datetime.fromisoformat(task["due_at"]) - datetime.fromisoformat(case["created_at"])


def test_an_old_case_finishes_on_v1_while_a_new_one_takes_v2(api):
    old = start(api)
    response = post_bpmn(api, DESIGNER, version_2())
    assert response.status_code == 201, response.get_json()
    new = start(api)
    assert (old["model_version"], new["model_version"]) == (1, 2)
    assert abs(intake_delay(api, old) - timedelta(days=3)) < timedelta(minutes=1)
    assert abs(intake_delay(api, new) - timedelta(days=5)) < timedelta(minutes=1)

    api.do(INTAKE, new["id"], "intake", INTAKE_OK)
    assert [t["element_id"] for t in api.do(VERIFIER, new["id"], "verify", VERIFY_OK)["next_tasks"]] == ["assess"]

    api.do(INTAKE, old["id"], "intake", INTAKE_OK)
    assert [t["element_id"] for t in api.do(VERIFIER, old["id"], "verify", VERIFY_OK)["next_tasks"]] == ["decide"]
    api.do(HEAD, old["id"], "decide", decision_apply(today()))
    api.do(FORCE, old["id"], "execute", EXECUTION_REPORT)
    api.do(HEAD, old["id"], "review", REVIEW_CLOSE)
    assert api.do(HEAD, old["id"], "terminate", termination())["process_instance"]["status"] == "completed"
    assert "assess" not in {e["element_id"] for e in history(api, old["id"])}
