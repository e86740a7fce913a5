"""Reading a diagram: parse with SpiffWorkflow (XSD on) and read what binds it to the code.

`read(xml)` returns the process id and name, the process settings, and the bindings of
its user tasks and start event (role from the lane id, formKey, handler, agency variable),
or a list of problems `{element_id, message}` when the diagram cannot be used.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.spiff.parser import VALIDATOR, SpiffBpmnParser

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "spiffworkflow": "http://spiffworkflow.org/bpmn/schema/1.0/core",
}
LANE_PREFIX = "lane_"
DEFAULT_AGENCY_VAR = "competent_agency"


@dataclass
class Problem:
    element_id: str | None
    message: str

    def as_dict(self) -> dict:
        return {"element_id": self.element_id, "message": self.message}


@dataclass
class ParsedDiagram:
    process_id: str | None = None
    name: str = ""
    settings: dict = field(default_factory=dict)
    bindings: dict = field(default_factory=dict)    # element id -> binding dict
    called: list = field(default_factory=list)      # ids of called processes
    messages: dict = field(default_factory=dict)    # message name -> {"starts": process id}
    problems: list = field(default_factory=list)

    def as_bindings_doc(self) -> dict:
        return {"tasks": self.bindings, "settings": self.settings, "called": self.called,
                "messages": self.messages}


def _properties(node) -> dict:
    props = node.xpath("./bpmn:extensionElements/spiffworkflow:properties/spiffworkflow:property",
                       namespaces=NS)
    return {p.get("name"): p.get("value") for p in props}


def _setting_value(raw: str):
    try:
        return int(raw)
    except (TypeError, ValueError):
        try:
            return float(raw)
        except (TypeError, ValueError):
            return raw


def read(xml: bytes) -> ParsedDiagram:
    """Parse one BPMN file holding one executable process."""
    result = ParsedDiagram()
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        result.problems.append(Problem(None, f"XML không hợp lệ: {exc}"))
        return result
    processes = root.xpath("./bpmn:process", namespaces=NS)
    executable = [p for p in processes if p.get("isExecutable", "true") == "true"] or processes
    if len(executable) != 1:
        result.problems.append(Problem(None, "Mỗi tệp BPMN phải có đúng một quy trình (process)."))
        return result
    process = executable[0]
    result.process_id = process.get("id")
    result.name = process.get("name") or result.process_id
    result.settings = {k: _setting_value(v) for k, v in _properties(process).items()}

    lane_of: dict[str, str] = {}
    for lane in process.xpath(".//bpmn:lane", namespaces=NS):
        lane_id = lane.get("id", "")
        for ref in lane.xpath("./bpmn:flowNodeRef", namespaces=NS):
            lane_of[(ref.text or "").strip()] = lane_id

    for node in process.xpath(".//bpmn:userTask | .//bpmn:startEvent", namespaces=NS):
        element_id = node.get("id")
        props = _properties(node)
        is_start = etree.QName(node).localname == "startEvent"
        if is_start and not props:
            continue                      # a plain start event (e.g. of a called process)
        lane_id = lane_of.get(element_id, "")
        role = lane_id[len(LANE_PREFIX):] if lane_id.startswith(LANE_PREFIX) else None
        binding = {
            "name": node.get("name") or element_id,
            "kind": "start" if is_start else "user_task",
            "role": role,
            "form_key": props.get("formKey"),
            "handler": props.get("handler"),
            "agency_var": props.get("agency") or DEFAULT_AGENCY_VAR,
        }
        if is_start:
            extra = [r.strip() for r in (props.get("startedBy") or "").split(",") if r.strip()]
            binding["starters"] = sorted({r for r in [role, *extra] if r})
        result.bindings[element_id] = binding
        if not is_start and role is None:
            result.problems.append(Problem(element_id, "Nhiệm vụ người dùng phải nằm trong một làn "
                                                       "có id dạng lane_<vai trò>."))
        if not binding["form_key"]:
            result.problems.append(Problem(element_id, "Thiếu thuộc tính formKey."))
    result.messages = _message_routes(root, process)
    result.called = sorted({c.get("calledElement") for c in
                            process.xpath(".//bpmn:callActivity", namespaces=NS) if c.get("calledElement")})
    return result


def _message_routes(root, process) -> dict:
    """Throwing message events that start a case of another process: the property
    `startsProcess` on the event names it (docs/adr/0008-messages.md)."""
    names = {m.get("id"): m.get("name") or m.get("id")
             for m in root.xpath("./bpmn:message", namespaces=NS)}
    routes = {}
    throwing = process.xpath(".//bpmn:intermediateThrowEvent | .//bpmn:endEvent | .//bpmn:sendTask",
                             namespaces=NS)
    for node in throwing:
        target = _properties(node).get("startsProcess")
        for definition in node.xpath("./bpmn:messageEventDefinition", namespaces=NS):
            name = names.get(definition.get("messageRef"), definition.get("messageRef"))
            if name and target:
                routes[name] = {"starts": target, "element_id": node.get("id")}
    return routes


def check_with_spiff(xml_by_process: dict[str, bytes], process_id: str) -> list[Problem]:
    """Let SpiffWorkflow parse the process (XSD validation on) with the files it calls."""
    parser = SpiffBpmnParser(validator=VALIDATOR)
    try:
        for pid, xml in xml_by_process.items():
            parser.add_bpmn_str(xml, filename=f"{pid}.bpmn")
        parser.get_spec(process_id)
        parser.get_subprocess_specs(process_id)
    except ValidationException as exc:
        return [Problem(getattr(exc, "id", None) or None, _spiff_message(exc))]
    except etree.XMLSyntaxError as exc:
        return [Problem(None, f"XML không hợp lệ: {exc}")]
    except Exception as exc:  # the parser raises assorted errors on broken diagrams
        return [Problem(None, f"Không đọc được sơ đồ: {exc}")]
    return []


def _spiff_message(exc: ValidationException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    line = getattr(exc, "line_number", None)
    return f"Sơ đồ không hợp lệ (dòng {line}): {text}" if line else f"Sơ đồ không hợp lệ: {text}"


def build_specs(xml_by_process: dict[str, bytes], process_id: str):
    """Parse and return (spec, subprocess_specs) for running `process_id`."""
    parser = SpiffBpmnParser(validator=VALIDATOR)
    for pid, xml in xml_by_process.items():
        parser.add_bpmn_str(xml, filename=f"{pid}.bpmn")
    return parser.get_spec(process_id), parser.get_subprocess_specs(process_id)
