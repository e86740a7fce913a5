"""bpmn/complaint_post_decision.bpmn against docs/processes/complaint_post_decision.md.

The structural checks every diagram of issue #6 must pass live here as plain functions
(`structure_problems`, `bindings`, ...) and are reused by the tests of the other three
diagrams: XSD parse, one lane per node, bindings to known forms/handlers/roles, a default
flow on every exclusive gateway, documented user tasks and timers, complete DI without
overlapping shapes or edges drawn through shapes.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from SpiffWorkflow.spiff.parser import VALIDATOR, SpiffBpmnParser

import forms
import handlers
from workflow_app.models import ROLES

BPMN_DIR = Path(__file__).resolve().parents[2] / "bpmn"
NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "spiffworkflow": "http://spiffworkflow.org/bpmn/schema/1.0/core",
}
FLOW_NODES = ("startEvent", "endEvent", "userTask", "exclusiveGateway", "parallelGateway", "boundaryEvent",
              "intermediateThrowEvent", "callActivity")
ESCALATION = ("Đôn đốc xử lý quá hạn", "common.escalation", "record_escalation")


# -- shared helpers (imported by the other diagram tests of issue #6) -----------------------------
def root_of(process_id: str):
    return etree.parse(str(BPMN_DIR / f"{process_id}.bpmn")).getroot()


def props(node) -> dict:
    return {p.get("name"): p.get("value") for p in node.xpath(
        "./bpmn:extensionElements/spiffworkflow:properties/spiffworkflow:property", namespaces=NS)}


def settings(process_id: str) -> dict:
    return {k: int(v) for k, v in props(root_of(process_id).find("bpmn:process", NS)).items()}


def lane_of(root) -> dict:
    return {ref.text: lane.get("id") for lane in root.xpath("//bpmn:lane", namespaces=NS)
            for ref in lane.findall("bpmn:flowNodeRef", NS)}


def bindings(process_id: str) -> dict:
    """{user task id: (name, lane, formKey, handler, agency)}."""
    root = root_of(process_id)
    lanes = lane_of(root)
    return {t.get("id"): (t.get("name"), lanes[t.get("id")], props(t).get("formKey"), props(t).get("handler"),
                          props(t).get("agency"))
            for t in root.xpath("//bpmn:process/bpmn:userTask", namespaces=NS)}


def timers(process_id: str) -> dict:
    """{timer id: (host, kind of expression, expression, interrupting, target of its flow)}."""
    root = root_of(process_id)
    found = {}
    for timer in root.xpath("//bpmn:boundaryEvent", namespaces=NS):
        definition = timer.find("bpmn:timerEventDefinition", NS)
        expression = definition[0]
        (flow,) = root.xpath(f'//bpmn:sequenceFlow[@sourceRef="{timer.get("id")}"]', namespaces=NS)
        found[timer.get("id")] = (timer.get("attachedToRef"), etree.QName(expression).localname, expression.text,
                                  timer.get("cancelActivity") != "false", flow.get("targetRef"))
    return found


def gateway_flows(process_id: str, gateway_id: str) -> tuple[dict, str | None]:
    """({target: condition or None}, default target)."""
    root = root_of(process_id)
    (gateway,) = root.xpath(f'//bpmn:*[@id="{gateway_id}"]', namespaces=NS)
    flows = root.xpath(f'//bpmn:sequenceFlow[@sourceRef="{gateway_id}"]', namespaces=NS)
    default = next((f.get("targetRef") for f in flows if f.get("id") == gateway.get("default")), None)
    return {f.get("targetRef"): f.findtext("bpmn:conditionExpression", namespaces=NS) for f in flows}, default


def structure_problems(process_id: str) -> list:
    root = root_of(process_id)
    problems = []
    parser = SpiffBpmnParser(validator=VALIDATOR)
    parser.add_bpmn_files([str(BPMN_DIR / f"{process_id}.bpmn")])
    spec = parser.get_spec(process_id)
    process = root.find("bpmn:process", NS)
    if process.get("id") != process_id or not process.findtext("bpmn:documentation", namespaces=NS):
        problems.append("process id or documentation")
    nodes = [n.get("id") for tag in FLOW_NODES for n in root.xpath(f"//bpmn:process/bpmn:{tag}", namespaces=NS)]
    lanes = lane_of(root)
    if sorted(lanes) != sorted(nodes):
        problems.append(("lanes do not cover every node exactly once", set(lanes) ^ set(nodes)))
    for lane in root.xpath("//bpmn:lane", namespaces=NS):
        if not lane.get("id").startswith("lane_") or lane.get("id")[5:] not in ROLES or not lane.get("name"):
            problems.append(("bad lane", lane.get("id")))
    for task_id, (name, lane, form_key, handler, agency) in bindings(process_id).items():
        task = spec.task_specs[task_id]
        if not name or form_key not in forms.FORMS or (handler and handler not in handlers.HANDLERS) \
                or not agency or not task.documentation:
            problems.append(("bad user task", task_id))
    (start,) = root.xpath("//bpmn:process/bpmn:startEvent", namespaces=NS)
    if props(start).get("formKey") not in forms.FORMS or props(start).get("handler") not in handlers.HANDLERS:
        problems.append("bad start event")
    for gateway in root.xpath("//bpmn:process/bpmn:exclusiveGateway", namespaces=NS):
        if not gateway.get("default"):
            problems.append(("exclusive gateway without a default flow", gateway.get("id")))
    for timer in root.xpath("//bpmn:boundaryEvent", namespaces=NS):
        if not timer.findtext("bpmn:documentation", namespaces=NS):
            problems.append(("timer without its legal basis", timer.get("id")))
    return problems + layout_problems(root)


def layout_problems(root) -> list:
    """Every node and flow drawn; nodes inside their lane; no overlaps; no edge through a shape."""
    problems = []
    plane = root.find(".//bpmndi:BPMNPlane", NS)
    if plane.get("bpmnElement") != root.find("bpmn:collaboration", NS).get("id"):
        problems.append("the plane does not show the collaboration")
    shapes = {s.get("bpmnElement"): s for s in plane.findall("bpmndi:BPMNShape", NS)}
    edges = {e.get("bpmnElement"): e for e in plane.findall("bpmndi:BPMNEdge", NS)}

    def box(element_id):
        b = shapes[element_id].find("dc:Bounds", NS)
        return tuple(float(b.get(k)) for k in ("x", "y", "width", "height"))

    nodes = [n.get("id") for tag in FLOW_NODES for n in root.xpath(f"//bpmn:process/bpmn:{tag}", namespaces=NS)]
    lanes = lane_of(root)
    participant = root.find("bpmn:collaboration/bpmn:participant", NS).get("id")
    flows = {f.get("id"): (f.get("sourceRef"), f.get("targetRef"))
             for f in root.xpath("//bpmn:process/bpmn:sequenceFlow", namespaces=NS)}
    if set(shapes) != {participant, *set(lanes.values()), *nodes} or set(edges) != set(flows):
        return ["incomplete diagram interchange"]
    attached = {b.get("id"): b.get("attachedToRef") for b in root.xpath("//bpmn:boundaryEvent", namespaces=NS)}
    for node in nodes:
        x, y, w, h = box(node)
        lx, ly, lw, lh = box(lanes[node])
        if not (lx <= x and x + w <= lx + lw and ly <= y and y + h <= ly + lh):
            problems.append(("outside its lane", node))

    def overlap(a, b):
        return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            if attached.get(a) != b and attached.get(b) != a and overlap(box(a), box(b)):
                problems.append(("overlap", a, b))
    for flow_id, (source, target) in flows.items():
        points = [(float(p.get("x")), float(p.get("y"))) for p in edges[flow_id].findall("di:waypoint", NS)]
        ends = {source, target, attached.get(source), attached.get(target)}
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            if x1 != x2 and y1 != y2:
                problems.append(("diagonal segment", flow_id))
            for node in nodes:
                if node in ends or attached.get(node) in ends:
                    continue
                x, y, w, h = box(node)
                vertical = x1 == x2 and x < x1 < x + w and max(min(y1, y2), y) < min(max(y1, y2), y + h)
                horizontal = y1 == y2 and y < y1 < y + h and max(min(x1, x2), x) < min(max(x1, x2), x + w)
                if vertical or horizontal:
                    problems.append(("edge through a shape", flow_id, node))
    return problems


def escalations_problems(process_id: str, expected: dict) -> list:
    """`expected`: {timer id: (host, escalation task, agency variable, expression)}."""
    found, tasks, problems = timers(process_id), bindings(process_id), []
    escalating = {t: v for t, v in found.items() if not v[3]}
    if sorted(escalating) != sorted(expected):
        return [("timers", sorted(escalating))]
    for timer_id, (host, task_id, agency, expression) in expected.items():
        f_host, _, f_expression, _, f_target = found[timer_id]
        name, lane, form_key, handler, f_agency = tasks[task_id]
        if (f_host, f_expression, f_target) != (host, expression, task_id):
            problems.append((timer_id, f_host, f_expression, f_target))
        if (name, form_key, handler) != ESCALATION or lane != "lane_leader" or f_agency != agency:
            problems.append((task_id, name, lane, form_key, handler, f_agency))
    return problems


# -- this diagram --------------------------------------------------------------------------------------
PID = "complaint_post_decision"
RES = "resolution_due_at"


def test_structure():
    assert structure_problems(PID) == []


def test_settings_are_the_legal_defaults():
    assert settings(PID) == {
        "acceptance_days": 10, "complaint_first_days": 30, "complaint_first_complex_days": 45,
        "complaint_first_remote_days": 45, "complaint_first_remote_complex_days": 60,
        "complaint_second_days": 45, "complaint_second_complex_days": 60, "complaint_second_remote_days": 60,
        "complaint_second_remote_complex_days": 70, "appeal_window_days": 30, "appeal_window_remote_days": 45,
        "denunciation_days": 30, "denunciation_extension_days": 30, "petition_days": 30}


def test_user_tasks_bind_as_in_the_contract():
    tasks = {k: v[1:] for k, v in bindings(PID).items() if not k.startswith("escalate_")}
    assert tasks == {
        "accept": ("lane_intake_officer", "complaint.acceptance", "record_petition_acceptance", "competent_agency"),
        "verify": ("lane_verifier", "complaint.verification", "record_petition_verification", "competent_agency"),
        "dialogue": ("lane_leader", "complaint.dialogue", "record_dialogue", "competent_agency"),
        "decide_complaint": ("lane_leader", "complaint.decision", "record_complaint_decision", "competent_agency"),
        "conclude_denunciation": ("lane_leader", "complaint.denunciation_conclusion",
                                  "record_denunciation_conclusion", "competent_agency"),
        "answer_petition": ("lane_leader", "complaint.petition_answer", "record_petition_answer",
                            "competent_agency"),
        "appeal_choice": ("lane_requester", "complaint.appeal", "record_appeal", "requester_agency"),
        "accept_appeal": ("lane_intake_officer", "complaint.appeal_acceptance", "record_appeal_acceptance",
                          "appeal_agency"),
        "enforce": ("lane_leader", "complaint.enforcement", "record_petition_enforcement", "competent_agency"),
    }


def test_every_resolution_step_escalates_at_the_deadline_set_at_acceptance():
    assert escalations_problems(PID, {
        "timer_accept": ("accept", "escalate_accept", "competent_agency", 'days(settings["acceptance_days"])'),
        "timer_verify": ("verify", "escalate_verify", "competent_agency", RES),
        "timer_dialogue": ("dialogue", "escalate_dialogue", "competent_agency", RES),
        "timer_decide": ("decide_complaint", "escalate_decide", "competent_agency", RES),
        "timer_conclude": ("conclude_denunciation", "escalate_conclude", "competent_agency", RES),
        "timer_answer": ("answer_petition", "escalate_answer", "competent_agency", RES),
        "timer_accept_appeal": ("accept_appeal", "escalate_accept_appeal", "appeal_agency",
                                'days(settings["acceptance_days"])'),
    }) == []
    kinds = {t: v[1] for t, v in timers(PID).items()}
    assert {t for t, k in kinds.items() if k == "timeDate"} == {
        "timer_verify", "timer_dialogue", "timer_decide", "timer_conclude", "timer_answer"}


def test_the_appeal_window_interrupts_and_the_first_decision_is_enforced():
    host, kind, expression, interrupting, target = timers(PID)["timer_appeal_window"]
    assert (host, kind, interrupting, target) == ("appeal_choice", "timeDuration", True, "gw_enforce")
    assert expression == ('days(settings["appeal_window_remote_days"]) if remote_area '
                          'else days(settings["appeal_window_days"])')


@pytest.mark.parametrize("gateway, conditions, default", [
    ("gw_accepted", {"end_not_accepted": "not accepted"}, "verify"),
    ("gw_track", {"dialogue": 'petition_kind == "khieu_nai"', "conclude_denunciation": 'petition_kind == "to_cao"'},
     "answer_petition"),
    ("gw_round", {"gw_enforce": "complaint_round == 2"}, "appeal_choice"),
    ("gw_appeal", {"accept_appeal": 'appeal_choice == "khieu_nai_lan_hai"'}, "gw_enforce"),
    ("gw_appeal_accepted", {"gw_enforce": "not appeal_accepted"}, "verify"),
    ("gw_denunciation", {"verify": 'denunciation_outcome == "gia_han"'}, "gw_enforce"),
    ("gw_enforce", {}, "enforce"),
])
def test_gateways(gateway, conditions, default):
    found, found_default = gateway_flows(PID, gateway)
    assert found_default == default
    assert found == {**conditions, default: None}


@pytest.mark.parametrize("module", ["complaint", "threat_report", "reporter_protection", "liability_exemption"])
def test_the_handlers_of_issue_6_part_1_are_registered_under_their_own_names(module):
    import importlib
    own = importlib.import_module(f"handlers.{module}").HANDLERS
    assert all(handlers.HANDLERS[name] is function for name, function in own.items())
