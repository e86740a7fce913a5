"""The two BPMN diagrams against docs/protection-request.md, run in bare SpiffWorkflow.

No application code is used: the tests play the role of the forms and handlers by setting task
data directly. The script engine gets the two helpers the application provides, `days` and
`hours`. Deadlines are moved into the past by rewriting a boundary timer's stored deadline
(`internal_data['event_value']`), then `refresh_timers()` + `do_engine_steps()`.
"""
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree
from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.spiff.parser import VALIDATOR, SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

BPMN_DIR = Path(__file__).resolve().parents[2] / "bpmn"
FILES = {
    "protection_request": BPMN_DIR / "protection_request.bpmn",
    "interagency_coordination": BPMN_DIR / "interagency_coordination.bpmn",
}
NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "spiffworkflow": "http://spiffworkflow.org/bpmn/schema/1.0/core",
}
FLOW_NODE_TAGS = ("startEvent", "endEvent", "userTask", "exclusiveGateway", "callActivity", "boundaryEvent")

DEFAULT_SETTINGS = {
    "intake_days": 3,
    "verification_days": 7,
    "decision_days": 3,
    "emergency_decision_hours": 2,
    "confirmation_days": 3,
    "report_days": 15,
}

# ---- the contract (docs/protection-request.md), as data ----
PROCESS_NAMES = {
    "protection_request": "Xử lý đề nghị áp dụng biện pháp bảo vệ",
    "interagency_coordination": "Phối hợp bảo vệ liên ngành",
}
LANES = {
    "protection_request": {
        "lane_requester": "Cơ quan, người đề nghị",
        "lane_intake_officer": "Cán bộ tiếp nhận",
        "lane_verifier": "Cán bộ xác minh",
        "lane_leader": "Thủ trưởng cơ quan có thẩm quyền",
        "lane_protection_officer": "Lực lượng bảo vệ",
    },
    "interagency_coordination": {
        "lane_coordinator": "Đầu mối phối hợp",
        "lane_leader": "Thủ trưởng cơ quan chủ trì",
    },
}
ESCALATION = ("Đôn đốc xử lý quá hạn", "lane_leader", "common.escalation", "record_escalation", "competent_agency")
# id -> (name, lane, formKey, handler, agency)
USER_TASKS = {
    "protection_request": {
        "intake": ("Tiếp nhận đề nghị", "lane_intake_officer", "protection_request.intake",
                   "register_request", "competent_agency"),
        "supplement": ("Bổ sung hồ sơ đề nghị", "lane_requester", "protection_request.supplement",
                       "record_supplement", "requester_agency"),
        "verify": ("Xác minh căn cứ đề nghị", "lane_verifier", "protection_request.verification",
                   "record_verification", "competent_agency"),
        "decide": ("Quyết định áp dụng biện pháp bảo vệ", "lane_leader", "protection_request.decision",
                   "record_decision", "competent_agency"),
        "execute": ("Thực hiện biện pháp bảo vệ, báo cáo kết quả", "lane_protection_officer",
                    "protection_request.execution_report", "record_execution_report", "executing_agency"),
        "review": ("Xem xét thay đổi, bổ sung, hủy bỏ biện pháp", "lane_leader", "protection_request.review",
                   "record_review", "competent_agency"),
        "terminate": ("Quyết định chấm dứt biện pháp bảo vệ", "lane_leader", "protection_request.termination",
                      "record_termination", "competent_agency"),
        "escalate_intake": ESCALATION,
        "escalate_verify": ESCALATION,
        "escalate_decide": ESCALATION,
        "escalate_execute": ESCALATION,
    },
    "interagency_coordination": {
        "draft_plan": ("Xây dựng phương án bảo vệ", "lane_coordinator", "coordination.plan", "record_plan",
                       "competent_agency"),
        "confirm_part": ("Xác nhận phần việc phối hợp", "lane_coordinator", "coordination.confirmation",
                         "record_confirmation", "cooperating_agency"),
        "consolidate": ("Tổng hợp kết quả phối hợp", "lane_leader", "coordination.consolidation",
                        "record_consolidation", "competent_agency"),
        "escalate_confirm": ("Đôn đốc xử lý quá hạn", "lane_leader", "common.escalation", "record_escalation",
                             "competent_agency"),
    },
}
# boundary timer id -> (process, attached to, escalation task, duration expression)
TIMERS = {
    "timer_intake": ("protection_request", "intake", "escalate_intake", 'days(settings["intake_days"])'),
    "timer_verify": ("protection_request", "verify", "escalate_verify", 'days(settings["verification_days"])'),
    "timer_decide": ("protection_request", "decide", "escalate_decide",
                     'hours(settings["emergency_decision_hours"]) if request_kind == "khan_cap" '
                     'else days(settings["decision_days"])'),
    "timer_execute": ("protection_request", "execute", "escalate_execute", 'days(settings["report_days"])'),
    "timer_confirm": ("interagency_coordination", "confirm_part", "escalate_confirm",
                      'days(settings["confirmation_days"])'),
}
# gateway -> ({target: condition}, default target)
GATEWAYS = {
    "gw_kind": ({"decide": 'request_kind == "khan_cap"'}, "intake"),
    "gw_intake": ({"intake": "rerouted", "supplement": "not intake_complete"}, "verify"),
    "gw_outcome": ({"end_refused": 'decision_outcome == "tu_choi" and not change_refused',
                    "gw_join": "change_refused"}, "gw_complex"),
    "gw_complex": ({"coordination": "is_complex"}, "gw_join"),
    "gw_review": ({"decide": 'review_action == "thay_doi"', "terminate": 'review_action == "cham_dut"'},
                  "execute"),
}


# ---- helpers ----
def days(n):
    return f"P{n}D"


def hours(n):
    return f"PT{n}H"


def make_engine():
    return PythonScriptEngine(environment=TaskDataEnvironment({"days": days, "hours": hours}))


def xml(pid):
    return etree.parse(str(FILES[pid])).getroot()


def props(node):
    return {p.get("name"): p.get("value")
            for p in node.xpath("./bpmn:extensionElements/spiffworkflow:properties/spiffworkflow:property",
                                namespaces=NS)}


def flow_nodes(root):
    return [n for tag in FLOW_NODE_TAGS for n in root.xpath(f"//bpmn:process/bpmn:{tag}", namespaces=NS)]


@pytest.fixture(scope="module")
def parser():
    p = SpiffBpmnParser(validator=VALIDATOR)  # XSD validation on
    p.add_bpmn_files([str(f) for f in FILES.values()])
    return p


def process_settings(pid):
    """What the application copies into the instance data as `settings` at start."""
    return {k: int(v) for k, v in props(xml(pid).find("bpmn:process", NS)).items()}


class Case:
    """One protection request instance; the test acts as forms and handlers."""

    def __init__(self, parser, **data):
        spec = parser.get_spec("protection_request")
        subs = parser.get_subprocess_specs("protection_request")
        self.wf = BpmnWorkflow(spec, subs, script_engine=make_engine())
        start_data = {
            "settings": process_settings("protection_request"),
            "request_kind": "thuong",
            "channel": "van_ban",
            "requester_agency": "TAND_TINH",
            "competent_agency": "CA_TINH",
            "threat_types": ["de_doa_tinh_mang"],
            "protected_content": ["tinh_mang", "suc_khoe"],
            "threat_description": "Bị nhắn tin đe dọa sau khi làm chứng.",
            "protected_persons": [{"full_name": "Nguyễn Văn A", "relation": "nguoi_lam_chung"}],
            "requested_measures": [],
        }
        start_data.update(data)
        self.wf.get_next_task(state=TaskState.READY).set_data(**start_data)
        self.wf.do_engine_steps()

    def ready(self):
        return sorted(t.task_spec.bpmn_id for t in self.wf.get_tasks(state=TaskState.READY, manual=True))

    def ready_tasks(self, bpmn_id):
        return [t for t in self.wf.get_tasks(state=TaskState.READY, manual=True) if t.task_spec.bpmn_id == bpmn_id]

    def complete(self, bpmn_id, **data):
        tasks = self.ready_tasks(bpmn_id)
        assert len(tasks) == 1, f"{bpmn_id}: {len(tasks)} ready, ready are {self.ready()}"
        tasks[0].set_data(**data)
        tasks[0].run()
        self.wf.do_engine_steps()
        return tasks[0]

    def completed(self):
        done = sorted(self.wf.get_tasks(state=TaskState.COMPLETED), key=lambda t: t.last_state_change)
        return [t.task_spec.bpmn_id for t in done if t.task_spec.bpmn_id]

    def timer(self, timer_id):
        tasks = self.wf.get_tasks(state=TaskState.WAITING, spec_name=timer_id)
        assert len(tasks) == 1, f"{timer_id}: {len(tasks)} waiting"
        return tasks[0]

    def deadline(self, timer_id):
        return datetime.fromisoformat(self.timer(timer_id).internal_data["event_value"])

    def expire(self, timer_id):
        """Method B of the notes: move the stored deadline into the past."""
        self.timer(timer_id).internal_data["event_value"] = (
            datetime.now(timezone.utc) - timedelta(seconds=1)).isoformat()
        self.wf.refresh_timers()
        self.wf.do_engine_steps()

    # form values of each step
    def intake(self, **kw):
        return self.complete("intake", **{"intake_complete": True, "rerouted": False, "missing_items": "",
                                          "intake_note": "", **kw})

    def verify(self, **kw):
        return self.complete("verify", **{"grounds_confirmed": True, "authenticity": "xac_thuc",
                                          "danger_level": "cao", "verification_findings": "Có căn cứ.", **kw})

    def decide(self, **kw):
        return self.complete("decide", **{"decision_outcome": "ap_dung", "decision_reasons": "",
                                          "measures": ["bo_tri_luc_luong"], "covered_persons": [1],
                                          "measures_start": "2026-12-01", "executing_agency": "CA_TINH",
                                          "is_complex": False, "cooperating_agencies": [],
                                          "decision_number": "12/QĐ-CA", "change_refused": False, **kw})

    def execute(self, **kw):
        return self.complete("execute", **{"report_summary": "Đã bố trí lực lượng.", "situation": "on_dinh",
                                           "incidents": "", "recommendation": "tiep_tuc", **kw})

    def review(self, action, **kw):
        return self.complete("review", **{"review_action": action, "review_basis": "bao_cao_luc_luong",
                                          "review_note": "", **kw})


def within_a_minute(actual, expected):
    return abs(actual - expected) < timedelta(minutes=1)


# ---- static checks ----
def test_both_files_parse_with_xsd_validation(parser):
    assert sorted(parser.get_process_ids()) == sorted(FILES)
    subs = parser.get_subprocess_specs("protection_request")
    assert list(subs) == ["interagency_coordination"]
    for pid in FILES:
        root = xml(pid)
        process = root.find("bpmn:process", NS)
        assert process.get("id") == pid
        assert process.get("name") == PROCESS_NAMES[pid]
        assert process.get("isExecutable") == "true"
        assert process.findtext("bpmn:documentation", namespaces=NS).strip()
        participants = root.xpath("//bpmn:collaboration/bpmn:participant", namespaces=NS)
        assert [p.get("processRef") for p in participants] == [pid]
        assert not root.xpath("//bpmn:scriptTask", namespaces=NS)


def test_process_settings_are_the_contract_defaults():
    assert process_settings("protection_request") == DEFAULT_SETTINGS
    assert process_settings("interagency_coordination") == {"confirmation_days": 3}


@pytest.mark.parametrize("pid", FILES)
def test_lanes_cover_every_flow_node_once(pid):
    root = xml(pid)
    lanes = root.xpath("//bpmn:laneSet/bpmn:lane", namespaces=NS)
    assert {lane.get("id"): lane.get("name") for lane in lanes} == LANES[pid]
    refs = [r.text for r in root.xpath("//bpmn:lane/bpmn:flowNodeRef", namespaces=NS)]
    assert len(refs) == len(set(refs))
    assert sorted(refs) == sorted(n.get("id") for n in flow_nodes(root))


def lane_of(root, node_id):
    lanes = root.xpath(f'//bpmn:lane[bpmn:flowNodeRef="{node_id}"]', namespaces=NS)
    assert len(lanes) == 1, node_id
    return lanes[0].get("id")


@pytest.mark.parametrize("pid", FILES)
def test_every_user_task_binds_as_in_the_contract(pid, parser):
    root = xml(pid)
    tasks = root.xpath("//bpmn:process/bpmn:userTask", namespaces=NS)
    assert sorted(t.get("id") for t in tasks) == sorted(USER_TASKS[pid])
    spec = parser.get_spec(pid)
    for task in tasks:
        tid = task.get("id")
        name, lane, form_key, handler, agency = USER_TASKS[pid][tid]
        p = props(task)
        assert p.get("formKey"), tid
        assert lane_of(root, tid).startswith("lane_"), tid
        assert (task.get("name"), lane_of(root, tid), p) == (
            name, lane, {"formKey": form_key, "handler": handler, "agency": agency}), tid
        assert task.findtext("bpmn:documentation", namespaces=NS).strip(), tid
        # what the engine sees (a multi-instance task's instances use the "[child]" spec)
        ts = spec.task_specs.get(f"{tid} [child]") or spec.task_specs[tid]
        assert ts.bpmn_id == tid
        assert ts.extensions["properties"]["formKey"] == form_key
        assert ts.lane == LANES[pid][lane]


def test_start_event_binding():
    root = xml("protection_request")
    (start,) = root.xpath('//bpmn:startEvent[@id="start"]', namespaces=NS)
    assert start.get("name") == "Đề nghị áp dụng biện pháp bảo vệ"
    assert props(start) == {"formKey": "protection_request.start", "handler": "open_request",
                            "startedBy": "intake_officer"}
    assert lane_of(root, "start") == "lane_requester"
    assert lane_of(root, "coordination") == "lane_leader"


@pytest.mark.parametrize("timer_id", TIMERS)
def test_boundary_timers_are_non_interrupting_and_lead_to_an_escalation(timer_id):
    pid, host, escalation, expression = TIMERS[timer_id]
    root = xml(pid)
    (timer,) = root.xpath(f'//bpmn:boundaryEvent[@id="{timer_id}"]', namespaces=NS)
    assert timer.get("attachedToRef") == host
    assert timer.get("cancelActivity") == "false"
    assert timer.findtext("bpmn:timerEventDefinition/bpmn:timeDuration", namespaces=NS) == expression
    (flow,) = root.xpath(f'//bpmn:sequenceFlow[@sourceRef="{timer_id}"]', namespaces=NS)
    assert flow.get("targetRef") == escalation
    (end_flow,) = root.xpath(f'//bpmn:sequenceFlow[@sourceRef="{escalation}"]', namespaces=NS)
    (end,) = root.xpath(f'//bpmn:endEvent[@id="{end_flow.get("targetRef")}"]', namespaces=NS)
    assert len(root.xpath(f'//bpmn:sequenceFlow[@targetRef="{end.get("id")}"]', namespaces=NS)) == 1


def test_gateway_conditions_and_defaults():
    root = xml("protection_request")
    for gw_id, (conditions, default_target) in GATEWAYS.items():
        (gw,) = root.xpath(f'//bpmn:exclusiveGateway[@id="{gw_id}"]', namespaces=NS)
        flows = root.xpath(f'//bpmn:sequenceFlow[@sourceRef="{gw_id}"]', namespaces=NS)
        found = {f.get("targetRef"): f.findtext("bpmn:conditionExpression", namespaces=NS) for f in flows}
        (default,) = [f for f in flows if f.get("id") == gw.get("default")]
        assert default.get("targetRef") == default_target
        assert found == {**conditions, default_target: None}, gw_id
    (join,) = root.xpath('//bpmn:exclusiveGateway[@id="gw_join"]', namespaces=NS)
    assert [f.get("targetRef") for f in root.xpath('//bpmn:sequenceFlow[@sourceRef="gw_join"]', namespaces=NS)] \
        == ["execute"]


def test_gw_intake_checks_rerouted_before_incomplete(parser):
    """SpiffWorkflow tries a gateway's conditions in the order of the targets' y coordinate in the
    diagram, so `intake` (rerouted) must be drawn above `supplement` (not intake_complete)."""
    gw = parser.get_spec("protection_request").task_specs["gw_intake"]
    order = [target.split(".")[0] for condition, target in gw.cond_task_specs if condition is not None]
    assert order == ["intake", "supplement"], "move 'intake' above 'supplement' in the diagram"


def test_call_activity_and_multi_instance():
    (call,) = xml("protection_request").xpath('//bpmn:callActivity[@id="coordination"]', namespaces=NS)
    assert call.get("calledElement") == "interagency_coordination"
    (mi,) = xml("interagency_coordination").xpath(
        '//bpmn:userTask[@id="confirm_part"]/bpmn:multiInstanceLoopCharacteristics', namespaces=NS)
    assert mi.get("isSequential") == "false"
    assert mi.findtext("bpmn:loopDataInputRef", namespaces=NS) == "cooperating_agencies"
    assert mi.findtext("bpmn:loopDataOutputRef", namespaces=NS) == "confirmations"
    assert mi.find("bpmn:inputDataItem", NS).get("name") == "cooperating_agency"
    assert mi.find("bpmn:outputDataItem", NS).get("name") == "confirmation"
    # both references point at item-aware elements of the task: bpmn-js drops unresolved ones on save
    task = mi.getparent()
    assert {p.get("id") for p in task.findall("bpmn:property", NS)} == {"cooperating_agencies", "confirmations"}


@pytest.mark.parametrize("pid", FILES)
def test_diagram_interchange_is_complete(pid):
    root = xml(pid)
    (plane,) = root.xpath("//bpmndi:BPMNDiagram/bpmndi:BPMNPlane", namespaces=NS)
    assert plane.get("bpmnElement") == root.find("bpmn:collaboration", NS).get("id")
    shapes = {s.get("bpmnElement"): s for s in plane.xpath("bpmndi:BPMNShape", namespaces=NS)}
    edges = {e.get("bpmnElement"): e for e in plane.xpath("bpmndi:BPMNEdge", namespaces=NS)}

    def bounds(element_id):
        b = shapes[element_id].find("dc:Bounds", NS)
        return tuple(float(b.get(k)) for k in ("x", "y", "width", "height"))

    participant = root.find("bpmn:collaboration/bpmn:participant", NS).get("id")
    lanes = [lane.get("id") for lane in root.xpath("//bpmn:lane", namespaces=NS)]
    nodes = [n.get("id") for n in flow_nodes(root)]
    flows = [f.get("id") for f in root.xpath("//bpmn:process/bpmn:sequenceFlow", namespaces=NS)]
    assert set(shapes) == {participant, *lanes, *nodes}
    assert set(edges) == set(flows)
    for flow_id in flows:
        assert len(edges[flow_id].xpath("di:waypoint", namespaces=NS)) >= 2, flow_id

    def overlap(a, b):
        return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]

    # lanes are horizontal bands; every node lies inside its own lane; no two shapes overlap
    # (a boundary event overlaps only its host)
    lane_bounds = {lane: bounds(lane) for lane in lanes}
    for node_id in nodes:
        x, y, w, h = bounds(node_id)
        lx, ly, lw, lh = lane_bounds[lane_of(root, node_id)]
        assert lx <= x and x + w <= lx + lw and ly <= y and y + h <= ly + lh, node_id
    attached = {b.get("id"): b.get("attachedToRef")
                for b in root.xpath("//bpmn:boundaryEvent", namespaces=NS)}
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            if attached.get(a) == b or attached.get(b) == a:
                continue
            assert not overlap(bounds(a), bounds(b)), (a, b)


# ---- running the paths ----
def test_normal_path_without_coordination_until_closed(parser):
    case = Case(parser)
    assert case.ready() == ["intake"]
    case.intake()
    assert case.ready() == ["verify"]
    case.verify()
    assert case.ready() == ["decide"]
    case.decide()
    assert case.ready() == ["execute"]
    case.execute()
    assert case.ready() == ["review"]
    case.review("tiep_tuc")
    assert case.ready() == ["execute"]  # next periodic report
    case.execute(recommendation="cham_dut")
    case.review("cham_dut")
    assert case.ready() == ["terminate"]
    case.complete("terminate", termination_reasons="Hết nguy cơ.", termination_date="2027-01-15")
    assert case.wf.is_completed()
    assert case.completed() == [
        "start", "gw_kind", "intake", "gw_intake", "verify", "decide", "gw_outcome", "gw_complex", "gw_join",
        "execute", "review", "gw_review", "execute", "review", "gw_review", "terminate", "end_closed"]


def test_refusal_ends_refused(parser):
    case = Case(parser)
    case.intake()
    case.verify(grounds_confirmed=False, authenticity="khong_xac_thuc")
    case.decide(decision_outcome="tu_choi", decision_reasons="Không có căn cứ.", measures=[])
    assert case.wf.is_completed()
    assert case.completed()[-3:] == ["decide", "gw_outcome", "end_refused"]
    assert "end_closed" not in case.completed()


def test_incomplete_intake_goes_to_supplement_then_back_to_intake(parser):
    case = Case(parser)
    case.intake(intake_complete=False, missing_items="Thiếu biên bản.")
    assert case.ready() == ["supplement"]
    case.complete("supplement", supplement_note="Đã nộp biên bản.")
    assert case.ready() == ["intake"]
    case.intake()
    assert case.ready() == ["verify"]
    assert case.completed() == ["start", "gw_kind", "intake", "gw_intake", "supplement", "intake", "gw_intake"]


def test_rerouted_request_is_registered_again(parser):
    case = Case(parser)
    # rerouted wins over an incomplete file: the new competent agency checks it again
    case.intake(rerouted=True, competent_agency="CA_TINH_B", intake_complete=False, missing_items="…")
    assert case.ready() == ["intake"]
    assert case.ready_tasks("intake")[0].data["competent_agency"] == "CA_TINH_B"
    case.intake()
    assert case.ready() == ["verify"]
    assert "supplement" not in case.completed()


def test_emergency_request_goes_directly_to_the_decision(parser):
    case = Case(parser, request_kind="khan_cap", channel="dien_thoai", minutes="Biên bản ghi nhận qua điện thoại.")
    assert case.ready() == ["decide"]
    assert within_a_minute(case.deadline("timer_decide"), datetime.now(timezone.utc) + timedelta(hours=2))
    case.decide()
    assert case.ready() == ["execute"]
    assert "intake" not in case.completed() and "verify" not in case.completed()


def test_complex_case_goes_through_interagency_coordination(parser):
    case = Case(parser)
    case.intake()
    case.verify()
    case.decide(is_complex=True, cooperating_agencies=["VKS_TINH", "BDBP_TINH"])
    assert case.ready() == ["draft_plan"]
    case.complete("draft_plan", plan_summary="Phương án bảo vệ liên ngành.", plan_report_by="2026-12-10")
    confirms = case.ready_tasks("confirm_part")
    assert sorted(t.data["cooperating_agency"] for t in confirms) == ["BDBP_TINH", "VKS_TINH"]
    assert case.ready() == ["confirm_part", "confirm_part"]
    for task in reversed(confirms):
        agency = task.data["cooperating_agency"]
        task.set_data(confirmation={"agency": agency, "part_accepted": True, "assigned_forces": "2 tổ"})
        task.run()
        case.wf.do_engine_steps()
    assert case.ready() == ["consolidate"]
    case.complete("consolidate", coordination_summary="Các cơ quan đã xác nhận.")
    assert case.ready() == ["execute"]
    data = case.ready_tasks("execute")[0].data
    assert sorted(c["agency"] for c in data["confirmations"]) == ["BDBP_TINH", "VKS_TINH"]
    assert data["coordination_summary"] == "Các cơ quan đã xác nhận."
    assert case.completed()[-10:] == [
        "gw_complex", "coord_start", "draft_plan", "confirm_part", "confirm_part", "confirm_part",
        "consolidate", "coord_end", "coordination", "gw_join"]


def test_review_change_leads_to_a_new_decision(parser):
    case = Case(parser)
    case.intake()
    case.verify()
    case.decide()
    case.execute(situation="gia_tang", recommendation="thay_doi")
    case.review("thay_doi", review_basis="nguy_co_thay_doi")
    assert case.ready() == ["decide"]
    case.decide(measures=["bo_tri_luc_luong", "thay_doi_noi_cu_tru"])
    assert case.ready() == ["execute"]


def test_a_refused_change_keeps_the_measures_and_goes_back_to_execution(parser):
    case = Case(parser)
    case.intake()
    case.verify()
    case.decide()
    case.execute(situation="gia_tang", recommendation="thay_doi")
    case.review("thay_doi", review_basis="de_nghi_nguoi_duoc_bao_ve")
    case.decide(decision_outcome="tu_choi", decision_reasons="Biện pháp hiện tại vẫn phù hợp.",
                change_refused=True)
    assert case.ready() == ["execute"]
    assert "end_refused" not in case.completed()


def advance(case, host):
    """Bring a fresh case to the point where `host` is ready."""
    steps = {
        "intake": [],
        "verify": [case.intake],
        "decide": [case.intake, case.verify],
        "execute": [case.intake, case.verify, case.decide],
        "confirm_part": [case.intake, case.verify,
                         lambda: case.decide(is_complex=True, cooperating_agencies=["VKS_TINH", "BDBP_TINH"]),
                         lambda: case.complete("draft_plan", plan_summary="…")],
    }[host]
    for step in steps:
        step()


EXPECTED_DURATION = {
    "timer_intake": timedelta(days=3),
    "timer_verify": timedelta(days=7),
    "timer_decide": timedelta(days=3),  # not an emergency
    "timer_execute": timedelta(days=15),
    "timer_confirm": timedelta(days=3),
}


@pytest.mark.parametrize("timer_id", TIMERS)
def test_deadline_creates_an_escalation_and_keeps_the_task(parser, timer_id):
    _, host, escalation, _ = TIMERS[timer_id]
    case = Case(parser)
    advance(case, host)
    host_count = len(case.ready_tasks(host))
    assert host_count == (2 if host == "confirm_part" else 1)
    assert within_a_minute(case.deadline(timer_id), datetime.now(timezone.utc) + EXPECTED_DURATION[timer_id])
    assert case.ready_tasks(escalation) == []

    case.expire(timer_id)

    assert len(case.ready_tasks(escalation)) == 1
    assert len(case.ready_tasks(host)) == host_count  # non-interrupting: the work goes on
    escalate = case.complete(escalation, instruction="Khẩn trương hoàn thành.")
    assert escalate.data["instruction"] == "Khẩn trương hoàn thành."
    assert f"end_{escalation}" in case.completed()
    assert len(case.ready_tasks(host)) == host_count
    assert not case.wf.get_tasks(state=TaskState.WAITING, spec_name=timer_id)  # fires once


def test_open_escalation_in_coordination_holds_the_call_activity(parser):
    """A process ends only when every path has ended: an escalation still open in the
    coordination sub-process keeps `coordination` from completing."""
    case = Case(parser)
    advance(case, "confirm_part")
    case.expire("timer_confirm")
    for task in case.ready_tasks("confirm_part"):
        task.set_data(confirmation={"agency": task.data["cooperating_agency"], "part_accepted": True})
        task.run()
        case.wf.do_engine_steps()
    case.complete("consolidate", coordination_summary="…")
    assert case.ready() == ["escalate_confirm"]
    case.complete("escalate_confirm", instruction="…")
    assert case.ready() == ["execute"]
