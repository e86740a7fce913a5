"""Lint rules for diagrams: the structural checks of bpmnlint's recommended set that matter
to us, in Python, on the XML alone (no database, no SpiffWorkflow run).

`lint(xml)` returns `Finding`s (rule, element id, Vietnamese message). Deploy validation
(`services/deploy.validate`) turns them into problems `{element_id, message}` next to the
bindings, sandbox and timer checks, so the page, the API and `flask bpmn validate` refuse
the same diagrams.

Rules (ids as in bpmnlint where there is one):
- duplicate-id                 an id used by two elements
- sequence-flow-refs           a sequence flow without a source or target, or naming an
                               element that is not a flow node of the same (sub)process
- no-duplicate-sequence-flows  two flows with the same source, target and condition
- start-event-required         a process or sub-process without a start event
- end-event-required           ... without an end event
- no-disconnected              a flow node with no incoming and no outgoing flow
- no-implicit-start            a flow node other than a start/boundary event without incoming flow
- no-implicit-end              a flow node other than an end event without outgoing flow
- conditional-flows            an exclusive/inclusive gateway with several outgoing flows: every
                               one but the default needs a condition; the default must be one
                               of its outgoing flows and carries no condition
- no-empty-condition           a condition element without an expression
- label-required               tasks, call activities, sub-processes and forking gateways need a name
- supported-task-type          plain tasks, manual, service and business-rule tasks: our engine
                               has no binding for them (a plain task would wait for nobody)

Left out on purpose: `fake-join` (our diagrams loop back into a task: SpiffWorkflow merges
them as an exclusive join), `label-required` on events and joining gateways,
`no-gateway-join-fork` and `superfluous-gateway` (style, not correctness).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from lxml import etree

from .parsing import NS, Problem

BPMN = NS["bpmn"]

ACTIVITIES = {"task", "userTask", "serviceTask", "scriptTask", "manualTask", "businessRuleTask", "sendTask",
              "receiveTask", "callActivity", "subProcess", "transaction", "adHocSubProcess"}
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}
GATEWAYS = {"exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway"}
FLOW_NODES = ACTIVITIES | EVENTS | GATEWAYS
CONTAINERS = {"process", "subProcess", "transaction", "adHocSubProcess"}
UNSUPPORTED_TASKS = {
    "task": "Nhiệm vụ '{label}' chưa chọn loại: hãy đổi thành nhiệm vụ người dùng (User task) "
            "hoặc nhiệm vụ kịch bản (Script task).",
    "manualTask": "Nhiệm vụ thủ công '{label}' không được hỗ trợ: hãy dùng nhiệm vụ người dùng (User task).",
    "serviceTask": "Nhiệm vụ dịch vụ '{label}' không được hỗ trợ: hãy dùng nhiệm vụ người dùng với "
                   "bộ xử lý (handler) hoặc nhiệm vụ kịch bản.",
    "businessRuleTask": "Nhiệm vụ quy tắc nghiệp vụ '{label}' (DMN) không được hỗ trợ.",
}

TYPE_TITLES = {
    "task": "Nhiệm vụ", "userTask": "Nhiệm vụ người dùng", "serviceTask": "Nhiệm vụ dịch vụ",
    "scriptTask": "Nhiệm vụ kịch bản", "manualTask": "Nhiệm vụ thủ công", "businessRuleTask": "Nhiệm vụ quy tắc",
    "sendTask": "Nhiệm vụ gửi", "receiveTask": "Nhiệm vụ nhận", "callActivity": "Gọi quy trình",
    "subProcess": "Quy trình con", "transaction": "Giao dịch", "adHocSubProcess": "Quy trình con tùy biến",
    "startEvent": "Sự kiện bắt đầu", "endEvent": "Sự kiện kết thúc",
    "intermediateCatchEvent": "Sự kiện trung gian (chờ)", "intermediateThrowEvent": "Sự kiện trung gian (phát)",
    "boundaryEvent": "Sự kiện biên", "exclusiveGateway": "Cổng rẽ nhánh loại trừ",
    "inclusiveGateway": "Cổng rẽ nhánh bao hàm", "parallelGateway": "Cổng song song",
    "eventBasedGateway": "Cổng theo sự kiện", "complexGateway": "Cổng phức hợp", "sequenceFlow": "Luồng",
    "lane": "Làn", "process": "Quy trình",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    element_id: str | None
    message: str

    def problem(self) -> Problem:
        return Problem(self.element_id, self.message)


def local(node) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def label(node) -> str:
    return (node.get("name") or "").strip() or node.get("id") or "?"


def _is_bpmn(node, *names) -> bool:
    return isinstance(node.tag, str) and etree.QName(node).namespace == BPMN and local(node) in names


def _has_definition(node, name: str) -> bool:
    return bool(node.xpath(f"./bpmn:{name}", namespaces=NS))


def _is_event_subprocess(node) -> bool:
    return local(node) == "subProcess" and node.get("triggeredByEvent") == "true"


def _is_compensation(node) -> bool:
    return node.get("isForCompensation") == "true" or (
        local(node) == "boundaryEvent" and _has_definition(node, "compensateEventDefinition"))


def _condition_text(flow) -> str | None:
    """The flow's condition expression: None without a condition element, "" when empty."""
    cond = flow.find(f"{{{BPMN}}}conditionExpression")
    if cond is None:
        return None
    return (cond.text or "").strip()


def parse(xml: bytes):
    return etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))


def lint(xml_or_root) -> list[Finding]:
    """Every finding of the rules above; [] for a clean diagram. Malformed XML is the caller's
    business (parsing.read reports it)."""
    root = parse(xml_or_root) if isinstance(xml_or_root, (bytes, str)) else xml_or_root
    findings: list[Finding] = []
    findings += _duplicate_ids(root)
    findings += _unsupported_tasks(root)
    for container in root.iter(*(f"{{{BPMN}}}{c}" for c in CONTAINERS)):
        findings += _container(container)
    seen, unique = set(), []
    for f in findings:
        if (f.element_id, f.message) not in seen:
            seen.add((f.element_id, f.message))
            unique.append(f)
    return unique


def _duplicate_ids(root) -> list[Finding]:
    counts = Counter(el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id"))
    return [Finding("duplicate-id", element_id, f"Mã phần tử '{element_id}' bị dùng cho {n} phần tử; "
                                                f"mỗi phần tử phải có mã riêng.")
            for element_id, n in counts.items() if n > 1]


def _unsupported_tasks(root) -> list[Finding]:
    found = []
    for name, message in UNSUPPORTED_TASKS.items():
        for node in root.iter(f"{{{BPMN}}}{name}"):
            found.append(Finding("supported-task-type", node.get("id"), message.format(label=label(node))))
    return found


def _container(container) -> list[Finding]:
    kind = local(container)
    cid = container.get("id")
    children = [c for c in container if isinstance(c.tag, str) and etree.QName(c).namespace == BPMN]
    nodes = {c.get("id"): c for c in children if local(c) in FLOW_NODES and c.get("id")}
    flows = [c for c in children if local(c) == "sequenceFlow"]
    findings: list[Finding] = []
    what = "Quy trình" if kind == "process" else f"Quy trình con '{label(container)}'"

    if kind != "adHocSubProcess":
        if not any(local(n) == "startEvent" for n in nodes.values()):
            findings.append(Finding("start-event-required", cid, f"{what} chưa có sự kiện bắt đầu."))
        if not any(local(n) == "endEvent" for n in nodes.values()):
            findings.append(Finding("end-event-required", cid, f"{what} chưa có sự kiện kết thúc."))

    incoming: dict[str, list] = defaultdict(list)
    outgoing: dict[str, list] = defaultdict(list)
    pairs: dict[tuple, str] = {}
    for flow in flows:
        fid = flow.get("id")
        source, target = flow.get("sourceRef"), flow.get("targetRef")
        broken = False
        for ref, role in ((source, "nguồn"), (target, "đích")):
            if not ref:
                findings.append(Finding("sequence-flow-refs", fid, f"Luồng '{label(flow)}' thiếu phần tử {role}."))
                broken = True
            elif ref not in nodes:
                findings.append(Finding("sequence-flow-refs", fid,
                                        f"Luồng '{label(flow)}' nối tới '{ref}' ({role}) không phải là một "
                                        f"phần tử của cùng quy trình."))
                broken = True
        if broken:
            continue
        outgoing[source].append(flow)
        incoming[target].append(flow)
        key = (source, target, _condition_text(flow))
        if key in pairs:
            findings.append(Finding("no-duplicate-sequence-flows", fid,
                                    f"Luồng '{label(flow)}' trùng với luồng '{pairs[key]}' "
                                    f"(cùng nguồn, đích và điều kiện)."))
        else:
            pairs[key] = fid
        condition = _condition_text(flow)
        if condition == "":
            findings.append(Finding("no-empty-condition", fid, f"Luồng '{label(flow)}' có điều kiện trống: "
                                                               f"hãy nhập biểu thức hoặc bỏ điều kiện."))

    for node_id, node in nodes.items():
        name = local(node)
        ins, outs = incoming.get(node_id, []), outgoing.get(node_id, [])
        exempt = _is_event_subprocess(node) or _is_compensation(node)
        link_catch = name == "intermediateCatchEvent" and _has_definition(node, "linkEventDefinition")
        link_throw = name == "intermediateThrowEvent" and _has_definition(node, "linkEventDefinition")
        title = f"{TYPE_TITLES.get(name, name)} '{label(node)}'"
        if not exempt:
            if not ins and not outs and name != "boundaryEvent" and not link_catch and not link_throw:
                findings.append(Finding("no-disconnected", node_id, f"{title} không được nối với phần tử nào."))
            else:
                if not ins and name not in ("startEvent", "boundaryEvent") and not link_catch:
                    findings.append(Finding("no-implicit-start", node_id,
                                            f"{title} không có luồng vào: chỉ sự kiện bắt đầu mới được "
                                            f"bắt đầu một nhánh."))
                if not outs and name != "endEvent" and not link_throw:
                    findings.append(Finding("no-implicit-end", node_id,
                                            f"{title} không có luồng ra: hãy nối tới bước tiếp theo "
                                            f"hoặc một sự kiện kết thúc."))
        findings += _gateway(node, outs)
        if _needs_label(node, outs) and not (node.get("name") or "").strip():
            findings.append(Finding("label-required", node_id, f"{TYPE_TITLES.get(name, name)} '{node_id}' "
                                                               f"chưa có tên."))
    return findings


def _needs_label(node, outs) -> bool:
    name = local(node)
    if name in ACTIVITIES:
        return not _is_event_subprocess(node)
    if name in ("exclusiveGateway", "inclusiveGateway", "complexGateway", "eventBasedGateway"):
        return len(outs) > 1
    return False


def _gateway(node, outs) -> list[Finding]:
    name = local(node)
    if name not in ("exclusiveGateway", "inclusiveGateway", "complexGateway"):
        return []
    findings = []
    default = node.get("default")
    out_ids = {f.get("id") for f in outs}
    if default and default not in out_ids:
        findings.append(Finding("conditional-flows", node.get("id"),
                                f"Cổng '{label(node)}' chọn luồng mặc định '{default}' không phải là luồng "
                                f"ra của nó."))
    for flow in outs:
        condition = _condition_text(flow)
        if flow.get("id") == default:
            if condition:
                findings.append(Finding("conditional-flows", flow.get("id"),
                                        f"Luồng mặc định '{label(flow)}' của cổng '{label(node)}' không được "
                                        f"có điều kiện."))
        elif len(outs) > 1 and condition is None:
            findings.append(Finding("conditional-flows", flow.get("id"),
                                    f"Luồng '{label(flow)}' ra từ cổng '{label(node)}' thiếu điều kiện: hãy "
                                    f"nhập điều kiện hoặc đặt làm luồng mặc định của cổng."))
    return findings


def check_spiff(sources: dict[str, bytes], process_id: str, *, with_called: bool) -> list[Finding]:
    """SpiffWorkflow's own parse with XSD validation; with the called processes' specs only
    when all of them are at hand (a missing one is reported by the caller, with its element)."""
    from .parsing import _spiff_message, check_with_spiff
    if with_called:
        return [Finding("spiff", p.element_id, p.message) for p in check_with_spiff(sources, process_id)]
    from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
    from SpiffWorkflow.spiff.parser import VALIDATOR, SpiffBpmnParser
    parser = SpiffBpmnParser(validator=VALIDATOR)
    try:
        parser.add_bpmn_str(sources[process_id], filename=f"{process_id}.bpmn")
        parser.get_spec(process_id)
    except ValidationException as exc:
        return [Finding("spiff", getattr(exc, "id", None) or None, _spiff_message(exc))]
    except Exception as exc:  # noqa: BLE001 - the parser raises assorted errors on broken diagrams
        return [Finding("spiff", None, f"Không đọc được sơ đồ: {exc}")]
    return []
