"""The diagrams of processes 6-8 against their contract pages (docs/processes/*.md).

Read with lxml and parsed by SpiffWorkflow (XSD on); the loops of the multi-instance tasks are
run in bare SpiffWorkflow, the tests playing the forms and handlers by setting task data.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.spiff.parser import VALIDATOR, SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

import forms
import handlers
from workflow_app.engine.sandbox import HELPERS
from workflow_app.models import ROLES

BPMN_DIR = Path(__file__).resolve().parents[2] / "bpmn"
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
      "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
      "spiffworkflow": "http://spiffworkflow.org/bpmn/schema/1.0/core"}

# process -> (name, settings, {user task: (lane, formKey, handler, agency variable)})
CONTRACT = {
    "inspection_supervision": ("Kiểm tra, giám sát việc thực hiện công tác bảo vệ",
                               {"remediation_days": 30, "escalation_days": 15}, {
        "conduct": ("lane_inspector", "inspection.conduct", "record_conduct", "inspecting_agency"),
        "conclude": ("lane_inspector", "inspection.conclusion", "record_conclusion", "inspecting_agency"),
        "remediate": ("lane_coordinator", "inspection.remediation", "record_remediation", "inspected_agency"),
        "remind_remediation": ("lane_inspector", "common.escalation", "remind_remediation", "inspecting_agency"),
        "escalate_remediation": ("lane_leader", "common.escalation", "record_escalation", "inspected_agency"),
        "assess": ("lane_inspector", "inspection.assessment", "record_assessment", "inspecting_agency"),
    }),
    "periodic_review": ("Triển khai, sơ kết, tổng kết thực hiện Quy định 183-QĐ/TW",
                        {"report_days": 30, "escalation_days": 7}, {
        "report_results": ("lane_coordinator", "periodic_review.unit_report", "record_unit_report",
                           "responsible_agency"),
        "remind_units": ("lane_monitor", "common.escalation", "remind_late_units", "monitor_agency"),
        "escalate_units": ("lane_monitor", "common.escalation", "escalate_late_units", "monitor_agency"),
        "compile_report": ("lane_monitor", "periodic_review.consolidated_report", "record_consolidated_report",
                           "monitor_agency"),
        "supplement_report": ("lane_coordinator", "periodic_review.supplement", "record_report_supplement",
                              "supplement_agency"),
    }),
    "rules_review": ("Rà soát, sửa đổi văn bản, quy chế, quy trình", {"decision_days": 30, "tracking_days": 30}, {
        "draft_proposal": ("lane_coordinator", "rules_review.proposal", "record_proposal", "proposing_agency"),
        "decide_proposal": ("lane_leader", "rules_review.decision", "record_proposal_decision", "deciding_agency"),
        "urge_decision": ("lane_monitor", "common.escalation", "urge_proposal_decision", "monitor_agency"),
        "track_adoption": ("lane_coordinator", "rules_review.adoption", "record_adoption", "deciding_agency"),
        "urge_adoption": ("lane_monitor", "common.escalation", "urge_adoption", "monitor_agency"),
    }),
}
# boundary timer -> (attached to, expression, days with the default settings)
TIMERS = {
    "timer_remind_remediation": ("remediate", 'days(settings["remediation_days"])', "P30D"),
    "timer_escalate_remediation": ("remediate", 'days(settings["remediation_days"] + settings["escalation_days"])',
                                   "P45D"),
    "timer_remind_units": ("report_results", 'days(report_days or settings["report_days"])', "P30D"),
    "timer_escalate_units": ("report_results",
                             'days((report_days or settings["report_days"]) + settings["escalation_days"])', "P37D"),
    "timer_decide_proposal": ("decide_proposal", 'days(settings["decision_days"])', "P30D"),
    "timer_track_adoption": ("track_adoption", 'days(settings["tracking_days"])', "P30D"),
}
MULTI_INSTANCE = {"remediate": ("open_recommendations", "remediations", "recommendation", "remediation"),
                  "report_results": ("responsible_agencies", "unit_reports", "responsible_agency", "unit_report"),
                  "supplement_report": ("supplement_agencies", "supplements", "supplement_agency", "supplement")}
FLOW_NODES = ("startEvent", "endEvent", "userTask", "exclusiveGateway", "boundaryEvent")


def tree(process_id: str):
    return etree.parse(str(BPMN_DIR / f"{process_id}.bpmn"))


def props(node) -> dict:
    return {p.get("name"): p.get("value") for p in node.xpath(
        "./bpmn:extensionElements/spiffworkflow:properties/spiffworkflow:property", namespaces=NS)}


@pytest.mark.parametrize("process_id", sorted(CONTRACT))
def test_the_diagram_parses_and_binds_to_existing_forms_handlers_and_roles(process_id):
    name, settings, tasks = CONTRACT[process_id]
    parser = SpiffBpmnParser(validator=VALIDATOR)
    parser.add_bpmn_files([str(BPMN_DIR / f"{process_id}.bpmn")])
    assert parser.get_spec(process_id).description == name
    doc = tree(process_id)
    process = doc.xpath("//bpmn:process", namespaces=NS)[0]
    assert {k: int(v) for k, v in props(process).items()} == settings
    assert process.xpath("./bpmn:documentation", namespaces=NS)[0].text
    lanes = {ref.text: lane.get("id") for lane in doc.xpath("//bpmn:lane", namespaces=NS)
             for ref in lane.xpath("./bpmn:flowNodeRef", namespaces=NS)}
    assert all(lane[len("lane_"):] in ROLES for lane in lanes.values())
    found = {}
    for task in doc.xpath("//bpmn:userTask", namespaces=NS):
        p = props(task)
        found[task.get("id")] = (lanes[task.get("id")], p["formKey"], p["handler"], p["agency"])
        assert p["formKey"] in forms.FORMS and p["handler"] in handlers.HANDLERS
        assert task.get("name") and task.xpath("./bpmn:documentation", namespaces=NS)[0].text
    assert found == tasks
    start = doc.xpath("//bpmn:startEvent", namespaces=NS)[0]
    assert props(start)["formKey"] in forms.FORMS and props(start)["handler"] in handlers.HANDLERS


@pytest.mark.parametrize("process_id", sorted(CONTRACT))
def test_every_gateway_has_a_default_and_conditions_on_the_other_flows(process_id):
    doc = tree(process_id)
    for gateway in doc.xpath("//bpmn:exclusiveGateway", namespaces=NS):
        flows = doc.xpath(f"//bpmn:sequenceFlow[@sourceRef='{gateway.get('id')}']", namespaces=NS)
        ids = {f.get("id") for f in flows}
        assert gateway.get("default") in ids, gateway.get("id")
        for flow in flows:
            has_condition = bool(flow.xpath("./bpmn:conditionExpression", namespaces=NS))
            assert has_condition == (flow.get("id") != gateway.get("default")), flow.get("id")


@pytest.mark.parametrize("process_id", sorted(CONTRACT))
def test_timers_are_non_interrupting_settings_of_the_process(process_id):
    doc = tree(process_id)
    settings = CONTRACT[process_id][1]
    for event in doc.xpath("//bpmn:boundaryEvent", namespaces=NS):
        attached, expression, duration = TIMERS[event.get("id")]
        assert event.get("cancelActivity") == "false" and event.get("attachedToRef") == attached
        text = event.xpath(".//bpmn:timeDuration", namespaces=NS)[0].text
        assert text == expression
        assert eval(text, {**HELPERS, "settings": settings, "report_days": None}) == duration
    assert eval(TIMERS["timer_escalate_units"][1], {**HELPERS, "settings": {"escalation_days": 7},
                                                   "report_days": 10}) == "P17D"


@pytest.mark.parametrize("process_id", sorted(CONTRACT))
def test_multi_instance_tasks_keep_their_data_references(process_id):
    doc = tree(process_id)
    for task in doc.xpath("//bpmn:userTask[bpmn:multiInstanceLoopCharacteristics]", namespaces=NS):
        loop = task.xpath("./bpmn:multiInstanceLoopCharacteristics", namespaces=NS)[0]
        assert loop.get("isSequential") == "false"
        refs = (loop.xpath("./bpmn:loopDataInputRef", namespaces=NS)[0].text,
                loop.xpath("./bpmn:loopDataOutputRef", namespaces=NS)[0].text,
                loop.xpath("./bpmn:inputDataItem", namespaces=NS)[0].get("name"),
                loop.xpath("./bpmn:outputDataItem", namespaces=NS)[0].get("name"))
        assert refs == MULTI_INSTANCE[task.get("id")]
        assert {p.get("name") for p in task.xpath("./bpmn:property", namespaces=NS)} == set(refs[:2])


@pytest.mark.parametrize("process_id", sorted(CONTRACT))
def test_every_element_is_drawn(process_id):
    doc = tree(process_id)
    shapes = {s.get("bpmnElement") for s in doc.xpath("//bpmndi:BPMNShape", namespaces=NS)}
    edges = {e.get("bpmnElement"): e for e in doc.xpath("//bpmndi:BPMNEdge", namespaces=NS)}
    nodes = [n.get("id") for tag in FLOW_NODES for n in doc.xpath(f"//bpmn:{tag}", namespaces=NS)]
    lanes = [lane.get("id") for lane in doc.xpath("//bpmn:lane", namespaces=NS)]
    assert set(nodes + lanes) <= shapes
    for flow in doc.xpath("//bpmn:sequenceFlow", namespaces=NS):
        assert len(edges[flow.get("id")].xpath("./di:waypoint", namespaces={
            "di": "http://www.omg.org/spec/DD/20100524/DI"})) >= 2


# -- the loops, in bare SpiffWorkflow ------------------------------------------------------------------
def workflow(process_id: str, data: dict) -> BpmnWorkflow:
    parser = SpiffBpmnParser(validator=VALIDATOR)
    parser.add_bpmn_files([str(BPMN_DIR / f"{process_id}.bpmn")])
    engine = PythonScriptEngine(environment=TaskDataEnvironment(dict(HELPERS)))
    wf = BpmnWorkflow(parser.get_spec(process_id), parser.get_subprocess_specs(process_id), script_engine=engine)
    start = wf.get_tasks(state=TaskState.READY)[0]
    start.set_data(settings={k: v for k, v in CONTRACT[process_id][1].items()}, **data)
    wf.do_engine_steps()
    return wf


def ready(wf, element_id: str) -> list:
    return [t for t in wf.get_tasks(state=TaskState.READY, manual=True) if t.task_spec.bpmn_id == element_id]


def run(wf, task, **values) -> None:
    task.set_data(**values)
    task.run()
    wf.do_engine_steps()


def test_recommendations_are_followed_round_after_round_until_all_are_closed():
    wf = workflow("inspection_supervision", {"inspected_agency": "CA_TINH", "inspecting_agency": "UBKT_TU"})
    run(wf, ready(wf, "conduct")[0], conducted=True)
    recs = [{"no": 1, "content": "A"}, {"no": 2, "content": "B"}]
    run(wf, ready(wf, "conclude")[0], has_recommendations=True, open_recommendations=recs, remediations=[])
    first_round = ready(wf, "remediate")
    assert sorted(t.data["recommendation"]["no"] for t in first_round) == [1, 2]
    for task in first_round:
        run(wf, task, remediation={"no": task.data["recommendation"]["no"]})
    run(wf, ready(wf, "assess")[0], all_closed=False, open_recommendations=[recs[1]], remediations=[])
    (second_round,) = ready(wf, "remediate")
    assert second_round.data["recommendation"]["no"] == 2
    run(wf, second_round, remediation={"no": 2})
    run(wf, ready(wf, "assess")[0], all_closed=True, open_recommendations=[], remediations=[])
    assert wf.is_completed()


def test_a_supplement_round_goes_back_to_the_consolidated_report():
    wf = workflow("periodic_review", {"responsible_agencies": ["CA_TINH", "VKS_TINH"], "report_days": None,
                                      "monitor_agency": "BNC_TU", "supplement_agencies": []})
    for task in ready(wf, "report_results"):
        run(wf, task, unit_report={"agency": task.data["responsible_agency"]})
    assert len(ready(wf, "compile_report")) == 1
    run(wf, ready(wf, "compile_report")[0], compile_action="yeu_cau_bo_sung", supplement_agencies=["VKS_TINH"],
        supplements=[])
    (supplement,) = ready(wf, "supplement_report")
    assert supplement.data["supplement_agency"] == "VKS_TINH"
    run(wf, supplement, supplement={"agency": "VKS_TINH"})
    run(wf, ready(wf, "compile_report")[0], compile_action="gui_bao_cao", supplement_agencies=[])
    assert wf.is_completed()


@pytest.mark.parametrize("decision, then", [("tu_choi", None), ("hoan_thien", "draft_proposal"),
                                            ("chap_thuan", "track_adoption")])
def test_the_decision_on_a_proposal_leads_where_the_contract_says(decision, then):
    wf = workflow("rules_review", {"proposing_agency": "CA_TINH", "deciding_agency": "CA_TINH",
                                   "monitor_agency": "BNC_TU"})
    run(wf, ready(wf, "draft_proposal")[0])
    run(wf, ready(wf, "decide_proposal")[0], proposal_decision=decision)
    if then is None:
        assert wf.is_completed()
    else:
        assert ready(wf, then)
