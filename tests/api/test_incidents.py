"""Scripts in diagrams: one that fails after a completion leaves the completion standing, the
case `error` with an incident in its history, and the answer 200 (API.md, Tasks); one the
sandbox refuses is refused at deploy (API.md, Process models)."""
from __future__ import annotations

import pytest

from .helpers import DESIGNER, HEAD, REQUESTER, VERIFIER, history, instance, post_bpmn, types_of

PROBE = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core"
                  id="defs_probe" targetNamespace="http://example.org/test">
  <bpmn:process id="incident_probe" name="Quy trình thử sự cố" isExecutable="true">
    <bpmn:laneSet id="lanes">
      <bpmn:lane id="lane_requester" name="Người đề nghị"><bpmn:flowNodeRef>begin</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="lane_verifier" name="Cán bộ xác minh"><bpmn:flowNodeRef>work</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="begin" name="Bắt đầu">
      <bpmn:extensionElements><spiffworkflow:properties>
        <spiffworkflow:property name="formKey" value="common.escalation"/>
      </spiffworkflow:properties></bpmn:extensionElements>
      <bpmn:outgoing>f1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="begin" targetRef="route"/>
    <bpmn:scriptTask id="route" name="Chọn cơ quan">
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:script>competent_agency = "CA_TINH"</bpmn:script>
    </bpmn:scriptTask>
    <bpmn:sequenceFlow id="f2" sourceRef="route" targetRef="work"/>
    <bpmn:userTask id="work" name="Xử lý">
      <bpmn:extensionElements><spiffworkflow:properties>
        <spiffworkflow:property name="formKey" value="common.escalation"/>
      </spiffworkflow:properties></bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="after"/>
    <bpmn:scriptTask id="after" name="Tính sau">
      <bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing>
      <bpmn:script>ratio = 1 / 0</bpmn:script>
    </bpmn:scriptTask>
    <bpmn:sequenceFlow id="f4" sourceRef="after" targetRef="finish"/>
    <bpmn:endEvent id="finish"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>
""".encode()


def test_a_failing_script_after_a_completion_turns_the_case_to_error(api):
    assert post_bpmn(api, DESIGNER, PROBE, model="incident_probe").status_code == 201
    started = api.post(REQUESTER, "/process-instances",
                       json={"process_model": "incident_probe", "data": {"instruction": "Thử"}})
    assert started.status_code == 201, started.get_json()
    case = started.get_json()
    [task] = case["active_tasks"]
    assert (task["role"], task["agency"]) == ("verifier", "CA_TINH")

    response = api.post(VERIFIER, f"/tasks/{task['id']}/complete", json={"data": {"instruction": "Xong"}})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["process_instance"]["status"] == "error"
    assert body["process_instance"]["error"]
    assert body["next_tasks"] == []

    assert instance(api, case["id"], VERIFIER)["status"] == "error"
    events = history(api, case["id"], VERIFIER)
    types = types_of(events)
    assert "task_completed" in types                               # the completion stands
    assert types[-1] == "error" and events[-1]["element_id"] == "after"
    errored = api.get(HEAD, "/process-instances?status=error")
    assert [c["id"] for c in errored.get_json()] == [case["id"]]
    # an errored case can still be cancelled (here by an admin: the script's agency is engine data only)
    cancel = api.post("admin", f"/process-instances/{case['id']}/cancel", json={"reason": "Sự cố kỹ thuật."})
    assert cancel.status_code == 200 and cancel.get_json()["status"] == "cancelled"


@pytest.mark.parametrize("script", ["import os", "ratio = (1).__class__.__mro__"])
def test_a_script_the_sandbox_refuses_is_422_at_deploy(api, script):
    response = post_bpmn(api, DESIGNER, PROBE.replace(b"ratio = 1 / 0", script.encode()), model="incident_probe")
    assert response.status_code == 422
    assert any(p["element_id"] == "after" for p in response.get_json()["problems"])
