"""The path a case took, for drawing on its diagram.

From the case's events alone (the log is the truth an auditor trusts) plus its open tasks:
each diagram element gets a state — completed, active, cancelled, timed out (an interrupting
timer cut it short), error — a flag when a deadline timer fired on it, and its events; each
sequence flow is "taken" when both ends were reached (through a gateway, only the branches
its `gateway_taken` event names). The diagrams are the versions the case is pinned to.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent, HumanTask, ProcessInstance, ProcessModel, ProcessModelVersion

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
COMPLETING = {"task_completed", "element_completed", "gateway_taken", "timer_fired", "message_received",
              "instance_started"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class Diagram:
    process_id: str
    name: str
    version: int
    version_id: int
    flows: list[tuple[str, str, str]] = field(default_factory=list)       # (id, source, target)
    gateways: set[str] = field(default_factory=set)
    timers: dict[str, tuple[str, bool]] = field(default_factory=dict)     # boundary -> (host, interrupting)
    names: dict[str, str] = field(default_factory=dict)


def _pinned(instance: ProcessInstance) -> dict[str, int]:
    """{process id: version row id} the case runs on (its own and every called process)."""
    return dict(instance.called_versions or {}) or {instance.process_model_id: instance.model_version_id}


def diagrams_of(instance: ProcessInstance) -> list[Diagram]:
    """The case's own diagram first, then the processes it calls, at the pinned versions."""
    version_ids = _pinned(instance)
    rows = db.session.execute(
        select(ProcessModelVersion, ProcessModel.name)
        .join(ProcessModel, ProcessModel.id == ProcessModelVersion.process_model_id)
        .where(ProcessModelVersion.id.in_(version_ids.values()))).all()
    diagrams = [_read(version, name) for version, name in rows]
    diagrams.sort(key=lambda d: (d.process_id != instance.process_model_id, d.process_id))
    return diagrams


def bpmn_xml(instance: ProcessInstance, process_id: str) -> bytes | None:
    version_ids = _pinned(instance)
    if process_id not in version_ids:
        return None
    return bytes(db.session.get(ProcessModelVersion, version_ids[process_id]).bpmn_xml)


def _read(version: ProcessModelVersion, name: str) -> Diagram:
    diagram = Diagram(version.process_model_id, name, version.version, version.id)
    root = etree.fromstring(bytes(version.bpmn_xml), _PARSER)
    for node in root.iter(f"{{{BPMN_NS}}}*"):
        tag = etree.QName(node).localname
        element_id = node.get("id")
        if not element_id:
            continue
        if node.get("name"):
            diagram.names[element_id] = node.get("name")
        if tag == "sequenceFlow":
            diagram.flows.append((element_id, node.get("sourceRef"), node.get("targetRef")))
        elif tag.endswith("Gateway"):
            diagram.gateways.add(element_id)
        elif tag == "boundaryEvent" and node.find(f"{{{BPMN_NS}}}timerEventDefinition") is not None:
            diagram.timers[element_id] = (node.get("attachedToRef"), node.get("cancelActivity") != "false")
    return diagram


def case_events(instance_id: str) -> list[AuditEvent]:
    return list(db.session.execute(select(AuditEvent).where(AuditEvent.instance_id == instance_id)
                                   .order_by(AuditEvent.seq)).scalars())


def path(instance: ProcessInstance, events: list[AuditEvent], diagrams: list[Diagram]) -> dict:
    """{"elements": {id: {state, overdue, name, visits, seqs}}, "flows": [taken flow ids]};
    `state` is None for an element with events but no step of its own (none so far)."""
    active = set(db.session.execute(select(HumanTask.element_id)
                                    .where(HumanTask.instance_id == instance.id)).scalars())
    elements: dict[str, dict] = {}
    reached: dict[str, set[str]] = {}                     # gateway -> elements its branches reached
    for event in events:
        if not event.element_id or event.type == "process_deployed":
            continue
        entry = elements.setdefault(event.element_id, {"state": None, "overdue": False, "visits": 0,
                                                       "name": event.element_name or "", "seqs": []})
        entry["seqs"].append(event.seq)
        if event.type == "task_ready":
            entry["state"] = "ready"
        elif event.type in COMPLETING:
            entry["state"] = "completed"
            entry["visits"] += 1
        elif event.type == "task_cancelled":
            entry["state"] = "cancelled"
        elif event.type == "error":
            entry["state"] = "error"
        if event.type == "gateway_taken":
            reached.setdefault(event.element_id, set()).update((event.data or {}).get("to", []))
    for element_id, entry in elements.items():
        if element_id in active:
            entry["state"] = "active"
        elif entry["state"] == "ready":               # the case ended (cancelled) around it
            entry["state"] = "cancelled"
    for diagram in diagrams:
        for boundary, (host, interrupting) in diagram.timers.items():
            fired = elements.get(boundary, {}).get("state") == "completed"
            if fired and host in elements:
                elements[host]["overdue"] = True
                if interrupting and elements[host]["state"] == "cancelled":
                    elements[host]["state"] = "timed_out"
        for element_id, entry in elements.items():
            entry["name"] = entry["name"] or diagram.names.get(element_id, "")
    taken = []
    for diagram in diagrams:
        for flow_id, source, target in diagram.flows:
            if source not in elements or target not in elements:
                continue
            if source in diagram.gateways and source in reached and target not in reached[source]:
                continue
            if not elements[source]["visits"]:          # never left (a loop may bring it back)
                continue
            taken.append(flow_id)
    return {"elements": elements, "flows": taken}


def case_view(instance: ProcessInstance) -> dict:
    """What the history page's diagram script reads (JSON-ready)."""
    from .export import local_time
    from .titles import title
    events = case_events(instance.id)
    diagrams = diagrams_of(instance)
    drawn = path(instance, events, diagrams)
    return {
        "case": {"id": instance.id, "case_number": instance.case_number, "status": instance.status,
                 "process_model": instance.process_model_id},
        "diagrams": [{"process_id": d.process_id, "name": d.name, "version": d.version} for d in diagrams],
        "elements": drawn["elements"],
        "flows": drawn["flows"],
        "events": {str(e.seq): {"seq": e.seq, "at": local_time(e.at), "actor": e.actor_username,
                                "agency": e.actor_agency, "type": e.type, "title": title(e.type),
                                "element_id": e.element_id, "element_name": e.element_name,
                                "task_id": e.task_id, "data": e.data or {}}
                   for e in events if e.element_id},
    }
